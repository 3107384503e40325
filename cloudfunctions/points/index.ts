// Function `points`: rules, recording, review, reversal, the household archive, recomputation.
import * as z from 'zod';
import { createFunction } from '../shared/router';
import { mediaVerdict } from './evidence';
import { adopt, templateItems } from './adopt';
import { archive } from './archive';
import { ruleItemSchema } from '../shared/rules/template';
import { households } from './households';
import { queue } from './queue';
import { recompute } from './recompute';
import { record } from './record';
import { reverse } from './reverse';
import { review } from './review';
import { rules } from './rules';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const fileId = z.string().startsWith('cloud://').max(300);

export const main = createFunction(
  'points',
  {
    rules: { input: empty, run: (_req, ctx) => rules(ctx.openid) },
    template: { input: empty, run: async () => ({ items: templateItems() }) },
    adopt: {
      input: z
        .object({
          clientKey,
          effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          adoption: z
            .object({
              meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
              rounds: z.number().int().min(1).max(9),
              attendees: z.number().int().min(1).max(100_000),
              votesFor: z.number().int().min(0),
              votesAgainst: z.number().int().min(0),
              abstentions: z.number().int().min(0),
            })
            .strict(),
          items: z.array(ruleItemSchema).min(1).max(100),
        })
        .strict(),
      run: (req, ctx) => adopt(req, ctx.openid),
    },
    record: {
      input: z
        .object({
          clientKey,
          itemCode: z.string().regex(/^[A-Z][0-9]{2}$/),
          householdIds: z.array(id).min(1).max(200).optional(),
          occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          note: z.string().max(200).optional(),
          reason: z.string().max(200).optional(),
          evidence: z.array(fileId).max(9).optional(),
          proxyFor: z.string().min(1).max(20).optional(),
        })
        .strict(),
      run: (req, ctx) => record(req, ctx.openid),
    },
    queue: { input: empty, run: (_req, ctx) => queue(ctx.openid) },
    review: {
      input: z
        .object({ recordIds: z.array(id).min(1).max(100), decision: z.enum(['approve', 'reject']), reason: z.string().max(200).optional() })
        .strict(),
      run: (req, ctx) => review(req, ctx.openid),
    },
    reverse: {
      input: z.object({ clientKey, recordId: id, reason: z.string().trim().min(1).max(200) }).strict(),
      run: (req, ctx) => reverse(req, ctx.openid),
    },
    archive: { input: z.object({ householdId: id.optional() }).strict(), run: (req, ctx) => archive(req.householdId, ctx.openid) },
    recompute: { input: empty, run: (_req, ctx) => recompute(ctx.openid) },
    households: { input: empty, run: (_req, ctx) => households(ctx.openid) },
  },
  undefined,
  mediaVerdict,
);
