'use client';

import { useEffect } from 'react';

/**
 * Puts the page's language on <html> after hydration. For the not-found page only: when a page
 * calls notFound(), Next.js answers the 404 with an empty error shell (`<html id="__next_error__">`,
 * no lang) and renders the page in the browser, where the locale layout's <html lang> does not
 * always replace the shell's (decision 022).
 */
export function DocumentLanguage({ locale }: { locale: string }) {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}
