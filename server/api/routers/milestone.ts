import { z } from 'zod';
import { MILESTONE_STATUSES, STAGES } from '@/common/enums';
import { futureActualDates, milestoneRuleViolations } from '@/server/domain/milestone-rules';
import { labToday } from '@/server/domain/working-day';
import { createMilestone, deleteMilestone, updateMilestone, updateMilestoneProgress } from '@/server/services/milestones';
import { applyReschedule, previewReschedule } from '@/server/services/reschedule';
import { getLabTimeline } from '@/server/services/timeline';
import { alsoChecking, labIdInput, labManagerProcedure, labMemberProcedure, labViewerProcedure, router } from '../trpc';

const id = z.number().int().positive();
const isoDate = z.iso.date();
const optionalDate = isoDate.nullable();

const progressShape = {
  status: z.enum(MILESTONE_STATUSES),
  percentComplete: z.number().int().min(0).max(100),
  actualStart: optionalDate,
  actualFinish: optionalDate,
};

const milestoneShape = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000),
  phase: z.enum(STAGES),
  ownerOrganisationId: id.nullable(),
  forecastStart: isoDate,
  forecastFinish: isoDate,
  isPublic: z.boolean(),
  ...progressShape,
};

/** The cross-field rules, as field errors the form shows all at once (the service re-checks them). */
function withMilestoneRules<T extends z.ZodType<Parameters<typeof milestoneRuleViolations>[0]>>(schema: T) {
  return schema.superRefine((value, ctx) => {
    for (const v of milestoneRuleViolations(value)) ctx.addIssue({ code: 'custom', path: [v.field], message: v.key });
  });
}

const versioned = { id, version: z.number().int().positive() };

/** Actual dates after today in the lab, reported with whatever else the schema found. */
const actualDatesToo = alsoChecking((ctx, raw) => futureActualDates(raw, labToday(ctx.lab, ctx.now())));

export const milestoneRouter = router({
  /** Everything the lab timeline shows; any role in the lab. `baselineId` absent = the latest baseline. */
  timeline: labViewerProcedure
    .input(z.object({ baselineId: id.nullish() }))
    .query(({ ctx, input }) => getLabTimeline(ctx.db, ctx.user, { labId: ctx.lab.id, baselineId: input.baselineId ?? null }, ctx.now())),

  create: labManagerProcedure
    .use(actualDatesToo)
    .input(withMilestoneRules(labIdInput.extend(milestoneShape)))
    .mutation(({ ctx, input }) => createMilestone(ctx.db, ctx.user, input, ctx.now())),

  update: labManagerProcedure
    .use(actualDatesToo)
    .input(withMilestoneRules(labIdInput.extend({ ...milestoneShape, ...versioned })))
    .mutation(({ ctx, input }) => updateMilestone(ctx.db, ctx.user, input, ctx.now())),

  delete: labManagerProcedure.input(z.object(versioned)).mutation(({ ctx, input }) => {
    deleteMilestone(ctx.db, ctx.user, { ...input, labId: ctx.lab.id });
    return { deleted: true };
  }),

  /** Status, percent complete and actual dates: a member's action (also used by issue 6's quick progress). */
  updateProgress: labMemberProcedure
    .use(actualDatesToo)
    .input(withMilestoneRules(labIdInput.extend({ ...progressShape, ...versioned })))
    .mutation(({ ctx, input }) => updateMilestoneProgress(ctx.db, ctx.user, input, ctx.now())),

  /** The moves "reschedule successors" would make; with `fromId`, only downstream of that milestone. */
  reschedulePreview: labManagerProcedure
    .input(z.object({ fromId: id.nullish() }))
    .query(({ ctx, input }) => previewReschedule(ctx.db, ctx.user, { labId: ctx.lab.id, fromId: input.fromId ?? null })),

  /** Applies the previewed moves in one transaction; CONFLICT when the plan changed since the preview. */
  rescheduleApply: labManagerProcedure
    .input(z.object({ fromId: id.nullish(), expected: z.array(z.object({ id, version: z.number().int().positive() })).max(5000) }))
    .mutation(({ ctx, input }) =>
      applyReschedule(ctx.db, ctx.user, { labId: ctx.lab.id, fromId: input.fromId ?? null, expected: input.expected }),
    ),
});
