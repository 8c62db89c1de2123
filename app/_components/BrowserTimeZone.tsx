'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { BROWSER_TIME_ZONE_COOKIE } from '@/server/domain/working-day';

/**
 * Tells the server the browser's time zone (a cookie the pages read, app/_i18n/request.ts), so a
 * person who chose none reads times in their own zone. When the page was drawn in another zone,
 * it is drawn again once.
 */
export function BrowserTimeZone({ shownIn, chosen }: { shownIn: string; chosen: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const told = document.cookie
      .split('; ')
      .find((c) => c.startsWith(`${BROWSER_TIME_ZONE_COOKIE}=`))
      ?.slice(BROWSER_TIME_ZONE_COOKIE.length + 1);
    if (told && decodeURIComponent(told) === zone) return;
    document.cookie = `${BROWSER_TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    if (!chosen && zone !== shownIn) router.refresh();
  }, [shownIn, chosen, router]);
  return null;
}
