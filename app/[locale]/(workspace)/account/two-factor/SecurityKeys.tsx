'use client';

import { useMutation } from '@tanstack/react-query';
import { startRegistration } from '@simplewebauthn/browser';
import { KeyRound } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button, Field, FormMessage, inputClass, invalidProps, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

type Key = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null };

/** The account's passkeys and security keys: listed, removed, and added through the browser's WebAuthn prompt. */
export function SecurityKeys({ keys }: { keys: Key[] }) {
  const t = useTranslations('account.twoFactor');
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useFormErrors();
  const options = useMutation(trpc.twoFactor.keyRegistrationOptions.mutationOptions());
  const add = useMutation(trpc.twoFactor.addKey.mutationOptions());
  const remove = useMutation(trpc.twoFactor.removeKey.mutationOptions());
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<'added' | 'cancelled' | null>(null);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    setNotice(null);
    const form = event.currentTarget;
    const name = String(new FormData(form).get('keyName') ?? '');
    setPending(true);
    try {
      const optionsJSON = await options.mutateAsync();
      let response;
      try {
        response = await startRegistration({ optionsJSON });
      } catch {
        setNotice('cancelled');
        return;
      }
      await add.mutateAsync({ name, response: response as never });
      form.reset();
      setNotice('added');
      router.refresh();
    } catch (error) {
      errors.set(error);
    } finally {
      setPending(false);
    }
  }

  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <div className="flex flex-col gap-3">
      {keys.length === 0 ? (
        <p className="text-sm text-ink-soft">{t('keysEmpty')}</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line" aria-label={t('keysTitle')}>
          {keys.map((key) => (
            <li key={key.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                <KeyRound aria-hidden className="size-4 shrink-0 text-ink-soft" />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-ink">{key.name}</span>
                  <span className="block text-xs text-muted">
                    {t('keyAddedOn', { date: date(key.createdAt) })}
                    {key.lastUsedAt ? ` · ${t('keyLastUsed', { date: date(key.lastUsedAt) })}` : null}
                  </span>
                </span>
              </span>
              <Button
                variant="ghost"
                size="sm"
                disabled={remove.isPending}
                onClick={async () => {
                  await remove.mutateAsync({ id: key.id });
                  router.refresh();
                }}
              >
                {t('removeKey')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onAdd} noValidate className="flex max-w-md flex-col gap-3">
        {notice === 'added' ? <FormMessage tone="ok">{t('keyAdded')}</FormMessage> : null}
        {notice === 'cancelled' ? <FormMessage tone="warn">{t('keyCancelled')}</FormMessage> : null}
        <Field label={t('keyName')} htmlFor="keyName" error={errors.fields.name}>
          <input
            id="keyName"
            name="keyName"
            required
            maxLength={80}
            placeholder={t('keyNamePlaceholder')}
            className={inputClass}
            {...invalidProps('keyName', errors.fields.name)}
          />
        </Field>
        <FormErrorSummary errors={errors} />
        <div>
          <SubmitButton pending={pending} pendingLabel={t('addingKey')} variant="secondary">
            {t('addKey')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
