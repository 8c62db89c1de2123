import clsx from 'clsx';
import type { ReactNode } from 'react';
import { Card, CardHeader } from '../Page';

/**
 * A titled part of the fact sheet; the heading names the region for screen readers. The browser
 * lays a section out only when it comes near the screen (content-visibility), so a long fact sheet
 * does not spend its first second on the layout of charts nobody has scrolled to; it stays in the
 * accessibility tree and in find-in-page, and prints in full.
 */
export function Section({
  id,
  title,
  description,
  children,
  className,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={clsx('[contain-intrinsic-size:auto_40rem] [content-visibility:auto] print:[content-visibility:visible]', className)}
    >
      <Card as="div" className="break-inside-avoid-page">
        <CardHeader id={`${id}-heading`} title={title} description={description} />
        {children}
      </Card>
    </section>
  );
}

/** The empty state inside a section: says what there is to do next. */
export function SectionEmpty({ children }: { children: ReactNode }) {
  return <p className="px-5 py-6 text-sm text-ink-soft">{children}</p>;
}

/** A thin progress bar; the number next to it carries the meaning, so the bar is hidden from screen readers. */
export function ProgressBar({ share, tone = 'brand' }: { share: number; tone?: 'brand' | 'ok' | 'warn' | 'bad' | 'neutral' }) {
  const fill = { brand: 'bg-brand', ok: 'bg-ok', warn: 'bg-warn', bad: 'bg-bad', neutral: 'bg-muted' }[tone];
  return (
    <span
      aria-hidden
      className="block h-1.5 w-full overflow-hidden rounded-full bg-neutral-soft ring-1 ring-inset ring-line print:ring-ink/30"
    >
      <span className={`block h-full rounded-full ${fill}`} style={{ width: `${Math.round(Math.min(Math.max(share, 0), 1) * 100)}%` }} />
    </span>
  );
}
