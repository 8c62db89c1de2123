import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLIENT_NAMESPACES } from '../_i18n/client-namespaces';

type Messages = Record<string, unknown>;

function pick(messages: Messages, path: string): Messages {
  const [head, ...rest] = path.split('.');
  const value = messages[head!];
  if (value === undefined) return {};
  return { [head!]: rest.length && typeof value === 'object' && value ? pick(value as Messages, rest.join('.')) : value };
}

function merge(a: Messages, b: Messages): Messages {
  const out: Messages = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' ? merge(prev as Messages, v as Messages) : v;
  }
  return out;
}

/**
 * Gives the client components below it the messages of one area — namespaces, or dotted
 * sub-trees such as 'admin.organisations.fields' — on top of the few every page sends, so a page's
 * HTML carries only the translations its interactive parts use (the public pages above all).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  const scoped = [...CLIENT_NAMESPACES, ...namespaces].map((ns) => pick(messages, ns)).reduce(merge, {});
  return <NextIntlClientProvider messages={scoped}>{children}</NextIntlClientProvider>;
}
