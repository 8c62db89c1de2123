import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { GOAL_DIRECTIONS, GOAL_UNITS, ITEM_KINDS } from '@/common/enums';
import { UNIT_RANGES, valueFitsUnit } from './goal-units';

// Input schemas for goals and measurements, shared by the procedures and by anything else that
// records a measurement (the workspace's quick-progress form calls the same service).
// Messages are keys in the message files; the error formatter translates them per field.

/** A number typed into a form: accepts the text as typed, so "abc" gets "enter a number", not a type error. */
export const numberInput = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
  z.number({ error: (issue) => (issue.input === undefined ? 'validation.required' : 'goals.validation.number') }),
);

export const isoDateInput = z.string({ error: 'validation.date' }).trim().refine(isValidIsoDate, 'validation.date');

/** Optional text: blank becomes null, so a cleared field clears the stored value. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
}

const httpUrl = z
  .string()
  .trim()
  .max(1000)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'validation.url');

const goalFields = z.object({
  titleEn: z.string().trim().min(1).max(200),
  titleZh: optionalText(200),
  itemKind: z.enum(ITEM_KINDS),
  itemNameEn: z.string().trim().min(1).max(200),
  itemNameZh: optionalText(200),
  metricEn: z.string().trim().min(1).max(200),
  metricZh: optionalText(200),
  unit: z.enum(GOAL_UNITS),
  unitLabel: optionalText(40),
  direction: z.enum(GOAL_DIRECTIONS),
  baselineValue: numberInput,
  baselineDate: isoDateInput,
  targetValue: numberInput,
  targetDate: isoDateInput,
  /** Blank means the default (10 % of the baseline-to-target range). */
  tolerance: z.preprocess((v) => (v === '' || v === undefined ? null : v), numberInput.nullable()),
  ownerOrganisationId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  isPublic: z.boolean().default(false),
  milestoneIds: z.array(z.number().int().positive()).max(100).default([]),
});

type GoalFields = z.output<typeof goalFields>;

/** The rules that tie a goal's fields together, each reported next to the field to change. */
function checkGoal(goal: GoalFields, ctx: z.RefinementCtx) {
  const issue = (path: keyof GoalFields, message: string, params?: Record<string, unknown>) =>
    ctx.addIssue({ code: 'custom', path: [path], message, params });
  if (goal.unit === 'other' && !goal.unitLabel) issue('unitLabel', 'goals.validation.unitLabelRequired');
  for (const field of ['baselineValue', 'targetValue'] as const) {
    if (!valueFitsUnit(goal.unit, goal[field])) issue(field, unitRangeMessage(goal.unit));
  }
  if (goal.targetDate <= goal.baselineDate) issue('targetDate', 'goals.validation.targetDateAfterBaseline');
  if (goal.direction === 'raise' && !(goal.targetValue > goal.baselineValue)) issue('targetValue', 'goals.validation.targetAboveBaseline');
  if (goal.direction === 'lower' && !(goal.targetValue < goal.baselineValue)) issue('targetValue', 'goals.validation.targetBelowBaseline');
  if (goal.tolerance !== null && !(goal.tolerance > 0)) issue('tolerance', 'goals.validation.tolerancePositive');
  if (new Set(goal.milestoneIds).size !== goal.milestoneIds.length) issue('milestoneIds', 'goals.validation.milestoneTwice');
}

/** The message key for a value outside what its unit allows. */
export function unitRangeMessage(unit: (typeof GOAL_UNITS)[number]): string {
  return UNIT_RANGES[unit].max !== undefined ? 'goals.validation.percentRange' : 'goals.validation.notNegative';
}

const labId = z.number().int().positive();
const goalId = z.number().int().positive();
const version = z.number().int().positive();

export const createGoalInput = goalFields.extend({ labId }).superRefine(checkGoal);
export type CreateGoalInput = z.output<typeof createGoalInput>;

export const updateGoalInput = goalFields.extend({ labId, goalId, version }).superRefine(checkGoal);
export type UpdateGoalInput = z.output<typeof updateGoalInput>;

export const goalRefInput = z.object({ labId, goalId });
export const deleteGoalInput = goalRefInput.extend({ version });

const measurementFields = z.object({
  value: numberInput,
  asOf: isoDateInput,
  source: optionalText(500),
  sourceUrl: httpUrl,
  comment: optionalText(2000),
});

export const recordMeasurementInput = measurementFields.extend({ labId, goalId });
export type RecordMeasurementInput = z.output<typeof recordMeasurementInput>;

export const updateMeasurementInput = measurementFields.extend({ labId, measurementId: z.number().int().positive(), version });
export type UpdateMeasurementInput = z.output<typeof updateMeasurementInput>;

/** One measurement at the version the caller saw: to delete it, or (managers) to publish its source. */
export const measurementVersionInput = z.object({ labId, measurementId: z.number().int().positive(), version });
export const deleteMeasurementInput = measurementVersionInput;
