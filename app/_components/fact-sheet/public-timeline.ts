import { daysBetween } from '@/server/domain/dates';
import { isLate } from '@/server/domain/schedule';
import type { PublicMilestone } from '@/server/services/publication';
import type { TimelineItem, TimelineZoom } from '../timeline/types';
import { localized } from '@/app/_lib/localized';

type Milestone = Omit<PublicMilestone, 'labId'>;

/**
 * The read-only timeline's rows, from published milestones only. The public sees no baselines,
 * dependencies or critical path (they are not in the allow-list), so those marks stay empty.
 */
export function publicTimelineItems(milestones: readonly Milestone[], locale: string, today: string): TimelineItem[] {
  return milestones.map((m) => ({
    id: m.id,
    title: m.title,
    phase: m.phase,
    owner: m.ownerNameEn ? localized(locale, m.ownerShortName ?? m.ownerNameEn, m.ownerNameZh) : null,
    forecastStart: m.forecastStart,
    forecastFinish: m.forecastFinish,
    actualStart: m.actualStart,
    actualFinish: m.actualFinish,
    baselineStart: null,
    baselineFinish: null,
    status: m.status,
    percentComplete: m.percentComplete,
    late: isLate({ finish: m.forecastFinish, status: m.status }, today),
    slipDays: null,
    critical: false,
    conflict: false,
  }));
}

/** Pixels a month needs for its label ("Jan", "1月") to show under the axis. */
const MONTH_LABEL_PX = 32;

/**
 * The public timeline has no zoom control (the page is cached, the same for everyone): it spreads
 * the whole plan over a fixed width, and labels months when they have room, quarters otherwise.
 */
export function publicTimelineZoom(items: readonly TimelineItem[], today: string, axisWidth: number): TimelineZoom {
  const dates = [today, ...items.flatMap((i) => [i.forecastStart, i.forecastFinish, i.actualStart, i.actualFinish])]
    .filter((d): d is string => !!d)
    .sort();
  const days = Math.max(1, daysBetween(dates[0]!, dates[dates.length - 1]!));
  return (axisWidth / days) * 30.4 >= MONTH_LABEL_PX ? 'month' : 'quarter';
}
