'use client';

import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, useSyncExternalStore } from 'react';
import { Button, inputClass } from './Form';

/**
 * A link to pass on by hand (invitations, password resets), with a copy button. `path` is a path
 * of this site; the address is completed with the origin the reader is using.
 */
const noSubscription = () => () => {};

export function CopyLink({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const t = useTranslations('forms');
  const id = useId();
  // The server does not know the address the reader uses; the browser fills it in after hydration.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
  const [copied, setCopied] = useState(false);
  const url = `${origin}${path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard access (plain http, or denied): select the text so Ctrl+C works.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          data-testid="copy-link"
        />
        <Button variant="secondary" onClick={copy} aria-live="polite">
          {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
