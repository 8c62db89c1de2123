import type { MilestoneStatus, Stage } from '@/common/enums';

// Plain data the timeline draws. It fetches nothing, so the workspace page (everything) and the
// public fact sheet (public milestones only) can both hand it what they are allowed to show.

export type TimelineItem = {
  id: number;
  title: string;
  phase: Stage;
  /** Short name of the owning organisation, if any. */
  owner: string | null;
  forecastStart: string;
  forecastFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  /** Dates in the chosen baseline; null when there is no baseline or the milestone is newer. */
  baselineStart: string | null;
  baselineFinish: string | null;
  status: MilestoneStatus;
  percentComplete: number;
  late: boolean;
  /** Forecast finish − baseline finish in days; null without a baseline. */
  slipDays: number | null;
  critical: boolean;
  /** Starts before a predecessor's finish plus lag allows. */
  conflict: boolean;
};

export type TimelineLink = { predecessorId: number; successorId: number; lagDays: number; critical: boolean; conflict: boolean };

export type TimelineZoom = 'month' | 'quarter' | 'year';
export const TIMELINE_ZOOMS: readonly TimelineZoom[] = ['month', 'quarter', 'year'];

export type TimelineOptions = {
  zoom: TimelineZoom;
  today: string;
  /** Where a milestone's details open; without it the timeline is read-only (public pages). */
  hrefFor?: (id: number) => string;
  selectedId?: number | null;
  /** Show the critical-path highlight and conflict marks (the workspace does; a public page may not). */
  showPlanningMarks?: boolean;
  /** Fit the time axis to this many pixels instead of the zoom's scale (the public fact sheet has no zoom control). */
  axisWidth?: number;
  /** More dates the time axis must span: charts printed in parts share one axis. */
  axisDates?: readonly string[];
  /** Starts the ids of the chart's arrowheads, unique when a page draws the chart twice (for print). */
  idPrefix?: string;
};

/** Parameters for the `timeline.slipSentence` message: how many days, and which way. */
export function slipParams(days: number) {
  return { days: Math.abs(days), direction: days > 0 ? 'late' : days < 0 ? 'early' : 'none' };
}
