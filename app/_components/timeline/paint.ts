import type { MilestoneStatus } from '@/common/enums';

// Colours of the timeline. Status always comes with a glyph and a word too (STYLE.md), so the
// chart reads in grey-scale print and to colour-blind readers.

export const CRITICAL = '#7c3aed';
export const CONFLICT = '#b91c1c';
export const BASELINE = '#94a3b8';
export const TODAY = '#1d4ed8';

export const statusPaint: Record<MilestoneStatus, { fill: string; stroke: string; progress: string; text: string; glyph: string }> = {
  not_started: { fill: '#f1f5f9', stroke: '#64748b', progress: '#94a3b8', text: '#475569', glyph: '○' },
  in_progress: { fill: '#dbeafe', stroke: '#1d4ed8', progress: '#2563eb', text: '#1d4ed8', glyph: '◐' },
  at_risk: { fill: '#fef3c7', stroke: '#b45309', progress: '#d97706', text: '#b45309', glyph: '▲' },
  done: { fill: '#dcfce7', stroke: '#15803d', progress: '#16a34a', text: '#15803d', glyph: '✓' },
  cancelled: { fill: '#f8fafc', stroke: '#94a3b8', progress: '#cbd5e1', text: '#5b6577', glyph: '⊘' },
};
