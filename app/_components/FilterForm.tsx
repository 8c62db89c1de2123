'use client';

import { useRouter } from 'next/navigation';
import { useRef, type ReactNode } from 'react';

/** A GET form whose selects apply as soon as they change (the Apply button covers no-JavaScript use). */
export function FilterForm({ action, children, className }: { action: string; children: ReactNode; className?: string }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const go = () => {
    const form = ref.current;
    if (!form) return;
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value !== '') query.set(key, value);
    const text = query.toString();
    router.push(text ? `${action}?${text}` : action, { scroll: false });
  };
  return (
    <form
      ref={ref}
      action={action}
      method="get"
      className={className}
      onChange={go}
      onSubmit={(event) => {
        event.preventDefault();
        go();
      }}
    >
      {children}
    </form>
  );
}
