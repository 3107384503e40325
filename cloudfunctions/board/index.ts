// Function `board`: 书记公开信, the village notice board, subscriptions, the village home and the
// town's view. Reads take an optional villageId (public mode, from a shared card); writes act only
// in the caller's own village, as who WeChat says they are.
import * as z from 'zod';
import { createFunction } from '../shared/router';
import { MAX_ATTACHMENTS, MAX_PICTURES } from '../shared/board/policy';
import { subscribeTemplates } from '../shared/board/push';
import { comment, like, moderate, reply } from './comments';
import { home } from './home';
import { getItem, listItems, publishItem, saveItem, signOff } from './items';
import { getLetter, listLetters, saveLetter } from './letters';
import { decideItem, decideLetter } from './held';
import { mediaVerdict } from './media';
import { readers } from './reads';
import { subscribed } from './subscriptions';
import { townView } from './town';
import { spendDaily } from '../shared/limits';
import { currentTime } from '../shared/clock';
import { id, clientKey, fileId, month } from '../shared/wire';

const page = z.number().int().min(0).max(500).optional();
const kind = z.enum(['party', 'village', 'finance', 'chronicle', 'notice']);
const title = z.string().trim().min(1, '请填写标题').max(60);
const decideHeld = z.object({ id, decision: z.enum(['release', 'withdraw']) }).strict();
const attachment = z.object({ fileId, name: z.string().trim().min(1).max(80), type: z.enum(['pdf', 'image', 'file']) }).strict();

export const main = createFunction(
  'board',
  {
    home: { input: z.object({ villageId: id.optional() }).strict(), run: (req, ctx) => home(ctx.openid, req.villageId) },
    letters: { input: z.object({ villageId: id.optional(), page }).strict(), run: (req, ctx) => listLetters(ctx.openid, req) },
    letter: { input: z.object({ id }).strict(), run: (req, ctx) => getLetter(ctx.openid, req.id) },
    saveLetter: {
      input: z
        .object({
          clientKey,
          id: id.optional(),
          title,
          body: z.string().trim().min(1).max(5000),
          pictures: z.array(fileId).max(MAX_PICTURES),
          publish: z.boolean(),
        })
        .strict(),
      run: (req, ctx) => saveLetter(ctx.openid, req),
    },
    like: { input: z.object({ id, liked: z.boolean() }).strict(), run: (req, ctx) => like(ctx.openid, req.id, req.liked) },
    comment: {
      input: z.object({ clientKey, letterId: id, text: z.string().trim().min(1).max(300) }).strict(),
      run: async (req, ctx) => {
        await spendDaily(ctx.openid, 'board.comment');
        return comment(ctx.openid, req);
      },
    },
    moderate: {
      input: z.object({ commentId: id, decision: z.enum(['approve', 'reject']), reason: z.string().max(200).optional() }).strict(),
      run: (req, ctx) => moderate(ctx.openid, req),
    },
    reply: {
      input: z.object({ commentId: id, text: z.string().trim().min(1).max(500) }).strict(),
      run: (req, ctx) => reply(ctx.openid, req),
    },
    readers: { input: z.object({ id }).strict(), run: (req, ctx) => readers(ctx.openid, req.id) },
    items: { input: z.object({ villageId: id.optional(), kind, page }).strict(), run: (req, ctx) => listItems(ctx.openid, req) },
    item: { input: z.object({ id }).strict(), run: (req, ctx) => getItem(ctx.openid, req.id) },
    saveItem: {
      input: z
        .object({
          clientKey,
          id: id.optional(),
          kind,
          title,
          body: z.string().trim().max(5000),
          attachments: z.array(attachment).max(MAX_ATTACHMENTS),
          eventDate: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          publish: z.boolean(),
        })
        .strict(),
      run: (req, ctx) => saveItem(ctx.openid, req),
    },
    signOff: {
      input: z.object({ id, updatedAt: z.string().min(1).max(40), note: z.string().max(200).optional() }).strict(),
      run: (req, ctx) => signOff(ctx.openid, req.id, req.updatedAt, req.note ?? ''),
    },
    publishItem: { input: z.object({ id }).strict(), run: (req, ctx) => publishItem(ctx.openid, req.id) },
    decideLetter: { input: decideHeld, run: (req, ctx) => decideLetter(ctx.openid, req) },
    decideItem: { input: decideHeld, run: (req, ctx) => decideItem(ctx.openid, req) },
    subscribeTemplates: { input: z.object({}).strict(), run: async () => ({ templates: subscribeTemplates() }) },
    subscribed: {
      input: z.object({ accepted: z.array(z.string().min(1).max(64)).max(20) }).strict(),
      run: (req, ctx) => subscribed(ctx.openid, req.accepted),
    },
    town: { input: z.object({ from: month, to: month }).strict(), run: (req, ctx) => townView(ctx.openid, req, currentTime()) },
  },
  undefined,
  mediaVerdict,
);
