'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { usePathname } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

/**
 * Tells the server the person is looking at a page of this lab, on entering it and on every tab
 * they switch to, for "what changed since my last visit" (decision 013). From the browser, after
 * the page is shown, so prefetches record nothing.
 */
export function VisitRecorder({ labId }: { labId: number }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const { mutate } = useMutation(trpc.workspace.recordVisit.mutationOptions());
  useEffect(() => {
    mutate({ labId });
  }, [labId, pathname, mutate]);
  return null;
}
