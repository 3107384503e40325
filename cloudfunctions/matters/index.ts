// Function `matters`: 村民说事 — raise, the public list, my matters, the cadres' queue, detail,
// moderate / respond / note / assign / progress / close, rate / reopen, statistics, the holiday
// calendar's overrides; and its timer (deploy.ts), which runs the overdue escalation and the calendar check.
import * as z from 'zod';
import { matterCategorySchema } from '../shared/matters/model';
import { MAX_PHOTOS } from '../shared/matters/policy';
import { createFunction } from '../shared/router';
import { assign, close, moderate, note, progress, rate, reopen, respond } from './act';
import { calendar, setOverride } from './calendar';
import { assignees, detail, mine, publicList, queue } from './lists';
import { raise } from './raise';
import { stats } from './stats';
import { spendDaily } from '../shared/limits';
import { mediaVerdict } from './media';
import { schedule } from './timers';
import { empty, id, clientKey, fileId, date } from '../shared/wire';

const photos = z.array(fileId).max(MAX_PHOTOS);
const text = (max: number) => z.string().trim().min(1).max(max);
const page = z.object({ page: z.number().int().min(0).max(50).optional() }).strict();

export const main = createFunction(
  'matters',
  {
    raise: {
      input: z
        .object({
          clientKey,
          text: z.string().max(1000),
          photos: photos.optional(),
          voice: z
            .object({ fileId, seconds: z.number().int().min(1).max(60) })
            .strict()
            .optional(),
          category: matterCategorySchema,
          public: z.boolean(),
          location: z
            .object({ name: text(50), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
            .strict()
            .optional(),
        })
        .strict(),
      run: async (req, ctx) => {
        await spendDaily(ctx.openid, 'matters.raise');
        return raise(req, ctx.openid);
      },
    },
    list: { input: page, run: (req, ctx) => publicList(req.page, ctx.openid) },
    mine: { input: page, run: (req, ctx) => mine(req.page, ctx.openid) },
    queue: { input: page, run: (req, ctx) => queue(req.page, ctx.openid) },
    detail: { input: z.object({ id }).strict(), run: (req, ctx) => detail(req.id, ctx.openid) },
    moderate: {
      input: z.object({ id, clientKey, decision: z.enum(['release', 'private']) }).strict(),
      run: (req, ctx) => moderate(req, ctx.openid),
    },
    respond: {
      input: z.object({ id, clientKey, text: text(1000), photos: photos.optional() }).strict(),
      run: (req, ctx) => respond(req, ctx.openid),
    },
    note: { input: z.object({ id, clientKey, text: text(1000), publish: z.boolean() }).strict(), run: (req, ctx) => note(req, ctx.openid) },
    assign: {
      input: z
        .object({
          id,
          clientKey,
          assignee: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('person'), personId: id }).strict(),
            z.object({ kind: z.literal('body'), name: text(30) }).strict(),
          ]),
          dueDate: date,
          note: z.string().max(500).optional(),
        })
        .strict(),
      run: (req, ctx) => assign(req, ctx.openid),
    },
    progress: {
      input: z.object({ id, clientKey, text: text(1000), photos: photos.optional() }).strict(),
      run: (req, ctx) => progress(req, ctx.openid),
    },
    close: {
      input: z.object({ id, clientKey, text: text(1000), photos: photos.optional() }).strict(),
      run: (req, ctx) => close(req, ctx.openid),
    },
    rate: {
      input: z.object({ id, clientKey, stars: z.number().int().min(1).max(5), comment: z.string().max(300).optional() }).strict(),
      run: (req, ctx) => rate(req, ctx.openid),
    },
    reopen: { input: z.object({ id, clientKey, reason: text(500) }).strict(), run: (req, ctx) => reopen(req, ctx.openid) },
    assignees: { input: empty, run: (_req, ctx) => assignees(ctx.openid) },
    stats: { input: z.object({ from: date, to: date }).strict(), run: (req, ctx) => stats(req, ctx.openid) },
    calendar: { input: empty, run: (_req, ctx) => calendar(ctx.openid) },
    setOverride: {
      input: z
        .object({ scope: z.enum(['village', 'town']), date, kind: z.enum(['holiday', 'workday', 'none']), name: z.string().max(20) })
        .strict(),
      run: (req, ctx) => setOverride(req, ctx.openid),
    },
  },
  schedule,
  mediaVerdict,
);
