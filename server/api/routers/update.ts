import { z } from 'zod';
import { HEALTHS } from '@/common/enums';
import { renderMarkdown } from '@/server/domain/markdown';
import { editUpdate, feedOptions, listUpdates, postUpdate, setUpdateHidden, setUpdatePublic, updateHistory } from '@/server/services/updates';
import { labManagerProcedure, labMemberProcedure, labViewerProcedure, router } from '../trpc';

const id = z.number().int().positive();

const updateInput = z.object({
  body: z.string().trim().min(1).max(10_000),
  health: z.enum(HEALTHS),
  milestoneIds: z.array(id).max(50).default([]),
  goalIds: z.array(id).max(50).default([]),
  isPublic: z.boolean().default(false),
});

const feedFilters = z.object({
  health: z.enum(HEALTHS).optional(),
  authorId: id.optional(),
  milestoneId: id.optional(),
  goalId: id.optional(),
  cursor: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const updateRouter = router({
  /** The lab's feed, newest first, one page at a time (cursor), filtered. */
  list: labViewerProcedure.input(feedFilters).query(({ ctx, input }) => listUpdates(ctx.db, ctx, input)),

  /** Milestones, goals and authors to link to or filter by. */
  options: labViewerProcedure.query(({ ctx }) => feedOptions(ctx.db, ctx.lab.id)),

  /** Earlier versions of one update. */
  history: labViewerProcedure.input(z.object({ updateId: id })).query(({ ctx, input }) => updateHistory(ctx.db, ctx, input.updateId)),

  /** The Markdown as the feed will show it (sanitized), before posting. */
  preview: labMemberProcedure
    .input(z.object({ body: z.string().max(10_000) }))
    .mutation(({ input }) => ({ html: renderMarkdown(input.body) })),

  post: labMemberProcedure.input(updateInput).mutation(({ ctx, input }) => postUpdate(ctx.db, ctx, input)),

  edit: labMemberProcedure
    .input(updateInput.extend({ updateId: id, version: z.number().int().positive() }))
    .mutation(({ ctx, input: { updateId, version, ...input } }) => editUpdate(ctx.db, ctx, updateId, version, input)),

  setPublic: labManagerProcedure
    .input(z.object({ updateId: id, version: z.number().int().positive(), isPublic: z.boolean() }))
    .mutation(({ ctx, input }) => setUpdatePublic(ctx.db, ctx, input.updateId, input.version, input.isPublic)),

  setHidden: labManagerProcedure
    .input(
      z.object({
        updateId: id,
        version: z.number().int().positive(),
        hidden: z.boolean(),
        reason: z.string().trim().max(500).nullable().default(null),
      }),
    )
    .mutation(({ ctx, input }) => setUpdateHidden(ctx.db, ctx, input.updateId, input.version, input.hidden, input.reason)),
});
