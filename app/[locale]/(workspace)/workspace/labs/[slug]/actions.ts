'use server';

import { getLocale } from 'next-intl/server';
import type { Locale } from '@/common/enums';
import { submitProgress, submitUpdate, type FormActionState } from '@/app/_lib/form-actions';
import { serverApi } from '@/app/_trpc/server';

// Server actions for the two forms that matter most without JavaScript (decision 022). They call
// the same procedures as the forms do with it, through the server-side caller: the session, the
// lab's access policy, validation and the audit event are the API's. Next.js refuses an action
// posted from another origin (it compares Origin with the host), so a cross-site form cannot use it.

export async function saveProgressAction(_previous: FormActionState, form: FormData): Promise<FormActionState> {
  return submitProgress(await serverApi(), (await getLocale()) as Locale, form);
}

export async function postUpdateAction(_previous: FormActionState, form: FormData): Promise<FormActionState> {
  return submitUpdate(await serverApi(), (await getLocale()) as Locale, form);
}
