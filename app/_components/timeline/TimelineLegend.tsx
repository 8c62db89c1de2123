import { scoped, type I18n } from '@/app/_lib/i18n';
import { BASELINE, CONFLICT, CRITICAL, statusPaint, TODAY } from './paint';

/** What each mark on the timeline means; printed with the chart. */
export function TimelineLegend({ i18n, showPlanningMarks = true }: { i18n: I18n; showPlanningMarks?: boolean }) {
  const t = scoped(i18n, 'timeline.legend');
  const te = scoped(i18n, 'enums.milestoneStatus');
  const swatch = (children: React.ReactNode) => (
    <svg aria-hidden width="26" height="14" viewBox="0 0 26 14" className="shrink-0">
      {children}
    </svg>
  );
  const items: { key: string; icon: React.ReactNode; label: string }[] = [
    {
      key: 'forecast',
      icon: swatch(
        <>
          <rect x="1" y="2" width="24" height="10" rx="2" fill={statusPaint.in_progress.fill} stroke={statusPaint.in_progress.stroke} />
          <rect x="1" y="2" width="12" height="10" rx="2" fill={statusPaint.in_progress.progress} />
        </>,
      ),
      label: t('forecast'),
    },
    // Baselines are planning data too: the public timeline has none, so its legend does not name them.
    ...(showPlanningMarks
      ? [{ key: 'baseline', icon: swatch(<rect x="1" y="5" width="24" height="4" rx="2" fill={BASELINE} />), label: t('baseline') }]
      : []),
    {
      key: 'actual',
      icon: swatch(
        <>
          <path d="M6,4 l-4,-4 h8 z" transform="translate(0,3)" fill="#0f172a" />
          <path d="M19,1 l6,6 l-6,6 l-6,-6 z" fill="#0f172a" />
        </>,
      ),
      label: t('actual'),
    },
    {
      key: 'today',
      icon: swatch(<line x1="13" x2="13" y1="0" y2="14" stroke={TODAY} strokeWidth="1.5" strokeDasharray="3 2" />),
      label: t('today'),
    },
    ...(showPlanningMarks
      ? [
          {
            key: 'critical',
            icon: swatch(<rect x="1.5" y="2.5" width="23" height="9" rx="2" fill="#fff" stroke={CRITICAL} strokeWidth="2" />),
            label: t('critical'),
          },
          {
            key: 'conflict',
            icon: swatch(
              <>
                <path d="M1,7 H22" stroke={CONFLICT} strokeWidth="1.5" strokeDasharray="3 2" />
                <path d="M20,3 l5,4 l-5,4 z" fill={CONFLICT} />
              </>,
            ),
            label: t('conflict'),
          },
          {
            key: 'slip',
            icon: swatch(
              <>
                <rect x="0.5" y="1" width="25" height="12" rx="6" fill="#fef2f2" stroke="#fca5a5" />
                <text x="13" y="10" fontSize="8" textAnchor="middle" fill="#b91c1c" fontWeight="600">
                  +d
                </text>
              </>,
            ),
            label: t('slip'),
          },
        ]
      : []),
  ];
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-ink-soft">
      <ul className="contents">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            {item.icon}
            {item.label}
          </li>
        ))}
        {(Object.keys(statusPaint) as (keyof typeof statusPaint)[]).map((status) => (
          <li key={status} className="flex items-center gap-1">
            <span aria-hidden style={{ color: statusPaint[status].text }} className="font-semibold">
              {statusPaint[status].glyph}
            </span>
            {te(status)}
          </li>
        ))}
      </ul>
    </div>
  );
}
