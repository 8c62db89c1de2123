import type { DbOrTx } from '../../db/client';
import type { SessionUser } from '../auth';
import type { Locale } from '../domain/enums';
import { translate } from '../i18n';
import { requireLabAccess } from './access';
import { getLabTimeline } from './timeline';

const COLUMNS = [
  'title',
  'phase',
  'owner',
  'status',
  'percentComplete',
  'baselineStart',
  'baselineFinish',
  'forecastStart',
  'forecastFinish',
  'actualStart',
  'actualFinish',
  'slipDays',
  'late',
  'critical',
  'totalFloat',
  'public',
] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets never run it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A lab's milestones as CSV: baseline, forecast and actual dates and slippage against the chosen
 * baseline (default: the latest). Exporting is a manager's right (PRODUCT.md).
 */
export function exportMilestonesCsv(db: DbOrTx, user: SessionUser, input: { labId: number; baselineId?: number | null; locale: Locale }) {
  requireLabAccess(db, user, input.labId, 'manager');
  const timeline = getLabTimeline(db, user, { labId: input.labId, baselineId: input.baselineId ?? null });
  const t = (key: string) => translate(input.locale, key);
  const yesNo = (v: boolean) => t(v ? 'timeline.csv.yes' : 'timeline.csv.no');
  const lines = [COLUMNS.map((c) => cell(t(`timeline.csv.${c}`))).join(',')];
  for (const m of timeline.milestones) {
    const owner = m.ownerNameEn ? (input.locale === 'zh-CN' && m.ownerNameZh ? m.ownerNameZh : m.ownerNameEn) : null;
    lines.push(
      [
        m.title,
        t(`enums.stage.${m.phase}`),
        owner,
        t(`enums.milestoneStatus.${m.status}`),
        m.percentComplete,
        m.baselineStart,
        m.baselineFinish,
        m.forecastStart,
        m.forecastFinish,
        m.actualStart,
        m.actualFinish,
        m.slipDays,
        yesNo(m.late),
        yesNo(m.critical),
        m.totalFloat,
        yesNo(m.isPublic),
      ]
        .map(cell)
        .join(','),
    );
  }
  const baseline = timeline.baselines.find((b) => b.id === timeline.chosenBaselineId);
  // A byte-order mark so spreadsheet programs read the Chinese text as UTF-8.
  return {
    filename: `${timeline.lab.slug}-milestones.csv`,
    baselineName: baseline?.name ?? null,
    text: '\uFEFF' + lines.join('\r\n') + '\r\n',
  };
}
