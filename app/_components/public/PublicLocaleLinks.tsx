'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { LocaleLinks } from './LocaleLinks';

type Props = { locale: string; label: string };

/** The same page in the other language: the path without its locale. */
function usePathAfterLocale(): string {
  return usePathname().replace(/^\/(en|zh-CN)(?=\/|$)/, '');
}

function LinksWithSearch(props: Props) {
  return <LocaleLinks {...props} path={usePathAfterLocale()} search={useSearchParams().toString()} />;
}

function LinksWithoutSearch(props: Props) {
  return <LocaleLinks {...props} path={usePathAfterLocale()} search="" />;
}

/**
 * The language switch of the account pages (sign-in, invitation, reset), which are hydrated: it
 * reads the address in the browser. Pages rendered from a cache cannot read the query string while
 * rendering, so the fallback (in the HTML, working without JavaScript) links the path alone. The
 * public documents render LocaleLinks directly with the path they answer (app/_documents).
 */
export function PublicLocaleLinks(props: Props) {
  return (
    <Suspense fallback={<LinksWithoutSearch {...props} />}>
      <LinksWithSearch {...props} />
    </Suspense>
  );
}
