import { redirect } from 'next/navigation';

// Rendered per request: the layout's texts read the reader's time zone from the request (decision
// 024), which a page cached for everyone cannot; a redirect gains nothing from a cache anyway.
export const dynamic = 'force-dynamic';

export default async function LocaleHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  redirect(`/${locale}/labs`);
}
