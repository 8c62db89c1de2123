'use client';

import { useEffect } from 'react';

/** Set in sessionStorage by a form that navigates on success (sign-in); read once by the next page. */
export const FOCUS_HEADING_KEY = 'focus-main-heading';

/**
 * After signing in, focus goes to the main heading of the page that opened, so a screen reader
 * starts there and Tab continues from it (it was left on <body>, issue 22). Rendered by the
 * workspace layout; does nothing on any other arrival.
 */
export function FocusOnArrival() {
  useEffect(() => {
    if (sessionStorage.getItem(FOCUS_HEADING_KEY) === null) return;
    sessionStorage.removeItem(FOCUS_HEADING_KEY);
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, []);
  return null;
}
