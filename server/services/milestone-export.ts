import type { DbOrTx } from '@/db/client';
import type { SessionUser } from './actor';
import { toCsv } from '../domain/csv';
import type { Locale } from '@/common/enums';
import { translate } from '../i18n';
import { requireLabAccess } from './access';
import { getLabTimeline } from './timeline';
import { localizedName } from '../domain/names';

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

/**
 * A lab's milestones as CSV: baseline, forecast and actual dates and slippage against the chosen
 * baseline (default: the latest). Exporting is a manager's right (PRODUCT.md).
 */
export function exportMilestonesCsv(db: DbOrTx, user: SessionUser, input: { labId: number; baselineId?: number | null; locale: Locale }) {
  requireLabAccess(db, user, input.labId, 'manager');
  const timeline = getLabTimeline(db, user, { labId: input.labId, baselineId: input.baselineId ?? null });
  const t = (key: string) => translate(input.locale, key);
  const yesNo = (v: boolean) => t(v ? 'timeline.csv.yes' : 'timeline.csv.no');
  const rows: unknown[][] = [COLUMNS.map((c) => t(`timeline.csv.${c}`))];
  for (const m of timeline.milestones) {
    const owner = m.ownerNameEn ? localizedName(input.locale, m.ownerNameEn, m.ownerNameZh) : null;
    rows.push([
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
    ]);
  }
  const baseline = timeline.baselines.find((b) => b.id === timeline.chosenBaselineId);
  return { filename: `${timeline.lab.slug}-milestones.csv`, baselineName: baseline?.name ?? null, text: toCsv(rows) };
}
