import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

type Messages = Record<string, unknown>;

/** The namespaces every client component may rely on (the root layout sends the same ones). */
const BASE_NAMESPACES = ['common', 'nav', 'auth', 'errors', 'validation'];

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
 * Sends the browser the messages of one area (namespaces or dotted sub-trees such as
 * 'admin.organisations.fields') for the client components below it, so pages elsewhere — the
 * public ones above all — do not carry every form's text.
 */
export async function ScopedMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  const scoped = [...BASE_NAMESPACES, ...namespaces].map((ns) => pick(messages, ns)).reduce(merge, {});
  return <NextIntlClientProvider messages={scoped}>{children}</NextIntlClientProvider>;
}
