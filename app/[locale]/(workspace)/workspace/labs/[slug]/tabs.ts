import type { LabRole } from '@/common/enums';

/**
 * The sections of a lab's workspace, in tab order. `segment` is the path under the lab
 * ('' is the overview); `label` is a key in the `lab.tabs` messages; `minimum` is the least role
 * that sees the tab (the pages and procedures enforce the same rule on the server).
 */
export const LAB_TABS: { segment: string; label: string; minimum: LabRole }[] = [
  { segment: '', label: 'overview', minimum: 'viewer' },
  { segment: 'timeline', label: 'timeline', minimum: 'viewer' },
  { segment: 'goals', label: 'goals', minimum: 'viewer' },
  { segment: 'updates', label: 'updates', minimum: 'viewer' },
  { segment: 'activity', label: 'activity', minimum: 'viewer' },
  { segment: 'report', label: 'report', minimum: 'viewer' },
  { segment: 'members', label: 'members', minimum: 'viewer' },
  { segment: 'settings', label: 'settings', minimum: 'manager' },
  { segment: 'audit', label: 'audit', minimum: 'manager' },
];
