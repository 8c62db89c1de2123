import { describe, expect, it } from 'vitest';
import { attentionList, milestoneReason, type AttentionGoal, type AttentionMilestone } from '@/server/domain/attention';

const TODAY = '2026-06-15';
const m = (id: number, status: AttentionMilestone['status'], forecastFinish: string, labId = 1): AttentionMilestone => ({
  id,
  labId,
  status,
  forecastFinish,
});
const g = (id: number, status: AttentionGoal['status'], daysSinceLatest: number | null = 10, labId = 1): AttentionGoal => ({
  id,
  labId,
  status,
  targetDate: '2027-01-01',
  daysSinceLatest,
});

describe('why a milestone needs attention', () => {
  it('is overdue once its forecast finish has passed, unless it is done or cancelled', () => {
    expect(milestoneReason(m(1, 'in_progress', '2026-06-14'), TODAY)).toBe('overdue');
    expect(milestoneReason(m(1, 'at_risk', '2026-06-14'), TODAY)).toBe('overdue');
    expect(milestoneReason(m(1, 'done', '2026-06-14'), TODAY)).toBeNull();
    expect(milestoneReason(m(1, 'cancelled', '2026-06-14'), TODAY)).toBeNull();
  });

  it('is due soon from today up to 30 days ahead, and at risk when flagged so', () => {
    expect(milestoneReason(m(1, 'not_started', TODAY), TODAY)).toBe('due_soon');
    expect(milestoneReason(m(1, 'not_started', '2026-07-15'), TODAY)).toBe('due_soon');
    expect(milestoneReason(m(1, 'not_started', '2026-07-16'), TODAY)).toBeNull();
    expect(milestoneReason(m(1, 'at_risk', '2026-07-10'), TODAY)).toBe('at_risk');
    expect(milestoneReason(m(1, 'at_risk', '2027-01-01'), TODAY)).toBe('at_risk');
  });
});

describe('the attention list', () => {
  it('puts late work first, then goals off track, anything at risk, what is due soon, and stale goals last', () => {
    const list = attentionList(
      [
        m(1, 'in_progress', '2026-06-20'),
        m(2, 'in_progress', '2026-06-10'),
        m(3, 'at_risk', '2026-09-01'),
        m(4, 'in_progress', '2026-05-01'),
      ],
      [g(10, 'stale', 120), g(11, 'at_risk'), g(12, 'off_track'), g(13, 'on_track'), g(14, 'achieved'), g(15, 'stale', 200)],
      () => TODAY,
    );
    expect(list.map((e) => `${e.kind}:${e.id}:${e.reason}:${e.days}`)).toEqual([
      'milestone:4:overdue:45',
      'milestone:2:overdue:5',
      'goal:12:off_track:null',
      'milestone:3:at_risk:null',
      'goal:11:at_risk:null',
      'milestone:1:due_soon:5',
      'goal:15:stale:200',
      'goal:10:stale:120',
    ]);
  });

  it('orders equally urgent items across labs the same way every time', () => {
    const list = attentionList([m(5, 'in_progress', '2026-06-10', 2), m(6, 'in_progress', '2026-06-10', 1)], [], () => TODAY);
    expect(list.map((e) => e.id)).toEqual([6, 5]);
  });

  it('counts each milestone by the day it is in its own lab', () => {
    // Lab 2 is a day ahead (its time zone has passed midnight): the same finish is already late there.
    const list = attentionList([m(1, 'in_progress', '2026-06-14', 1), m(2, 'in_progress', '2026-06-14', 2)], [], (labId) =>
      labId === 2 ? '2026-06-15' : '2026-06-14',
    );
    expect(list.map((e) => `${e.id}:${e.reason}:${e.days}`)).toEqual(['2:overdue:1', '1:due_soon:0']);
  });

  it('is empty when nothing is late, due, at risk or stale', () => {
    expect(
      attentionList([m(1, 'not_started', '2027-01-01'), m(2, 'done', '2026-01-01')], [g(3, 'on_track'), g(4, 'no_data')], () => TODAY),
    ).toEqual([]);
  });
});
