import clsx from 'clsx';

/** How far a goal has come from baseline to target, as a bar with its number (0–100 %, clamped for the bar only). */
export function GoalProgress({
  share,
  label,
  valueText,
  className,
}: {
  share: number | null;
  label: string;
  valueText: string;
  className?: string;
}) {
  const width = share === null ? 0 : Math.min(Math.max(share, 0), 1) * 100;
  return (
    <div className={clsx('flex items-center gap-2', className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(width)}
        aria-valuetext={valueText}
        className="h-1.5 min-w-16 flex-1 overflow-hidden rounded-full bg-neutral-soft ring-1 ring-inset ring-line"
      >
        <div className={clsx('h-full rounded-full', share !== null && share >= 1 ? 'bg-brand' : 'bg-ok')} style={{ width: `${width}%` }} />
      </div>
      <span className="num w-10 shrink-0 text-right text-xs text-ink-soft">{valueText}</span>
    </div>
  );
}
