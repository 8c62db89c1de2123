import { MILESTONE_STATUSES, STAGES, type MilestoneStatus, type Stage } from '@/common/enums';
import { TIMELINE_ZOOMS, type TimelineZoom } from '@/app/_components/timeline/types';

/** What the timeline URL can say: zoom, filters, chosen baseline, view, and the open panel. */
export type TimelineParams = {
  zoom: TimelineZoom;
  phase: Stage | null;
  status: MilestoneStatus | 'late' | null;
  org: number | null;
  baseline: number | null;
  view: 'chart' | 'table';
  m: number | null;
  edit: boolean;
  create: boolean;
};

type Raw = Record<string, string | string[] | undefined>;

const one = (raw: Raw, key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]) ?? null;
const positiveInt = (value: string | null) => (value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null);
const oneOf = <T extends string>(value: string | null, values: readonly T[]) =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : null;

/** Unknown or malformed values fall back to the defaults rather than failing the page. */
export function parseTimelineParams(raw: Raw): TimelineParams {
  return {
    zoom: oneOf(one(raw, 'zoom'), TIMELINE_ZOOMS) ?? 'quarter',
    phase: oneOf(one(raw, 'phase'), STAGES),
    status: oneOf(one(raw, 'status'), [...MILESTONE_STATUSES, 'late'] as const),
    org: positiveInt(one(raw, 'org')),
    baseline: positiveInt(one(raw, 'baseline')),
    view: one(raw, 'view') === 'table' ? 'table' : 'chart',
    m: positiveInt(one(raw, 'm')),
    edit: one(raw, 'edit') === '1',
    create: one(raw, 'new') === '1',
  };
}

/** The timeline URL for these parameters with some changed; defaults are left out to keep URLs short. */
export function timelineHref(base: string, params: TimelineParams, change: Partial<TimelineParams> = {}): string {
  const p = { ...params, ...change };
  const query = new URLSearchParams();
  if (p.zoom !== 'quarter') query.set('zoom', p.zoom);
  if (p.phase) query.set('phase', p.phase);
  if (p.status) query.set('status', p.status);
  if (p.org) query.set('org', String(p.org));
  if (p.baseline) query.set('baseline', String(p.baseline));
  if (p.view !== 'chart') query.set('view', p.view);
  if (p.m) query.set('m', String(p.m));
  if (p.edit) query.set('edit', '1');
  if (p.create) query.set('new', '1');
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
