import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

// The goal forms run in the browser and need the `goals` messages. They are sent only with the
// pages that have such forms, not with every page of the site (the public pages stay small).
const NAMESPACES = ['common', 'errors', 'validation', 'goals'] as const;

export async function GoalsClientMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={Object.fromEntries(NAMESPACES.map((ns) => [ns, messages[ns]]))}>{children}</NextIntlClientProvider>
  );
}
