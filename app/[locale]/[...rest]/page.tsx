import { notFound } from 'next/navigation';

// Rendered per request, like every page that is not a public document: its scripts carry the
// request's nonce (proxy.ts).
export const dynamic = 'force-dynamic';

// Any path under a locale that no page claims gets the localized not-found page.
export default function CatchAll() {
  notFound();
}
