// Function `notice`: 一月一公示 — publish, read, object, resolve, settle; and its daily timer.
import * as z from 'zod';
import { AppError } from '../shared/errors';
import { isCadre } from '../shared/access';
import { createFunction } from '../shared/router';
import { currentUser, villageOf } from '../shared/users';
import { object, resolve } from './objections';
import { publishNotice, villageById } from './publish';
import { getNotice, listNotices } from './read';
import { settleNotice } from './settle';
import { sweep } from './timer';
import { getBoards } from './boards';
import { getById } from '../shared/repo';
import { C } from '../shared/collections';
import { noticeSchema } from '../shared/notice/model';
import { noticeId } from '../shared/notice/booking';
import { noticeView } from './views';
import { spendDaily } from '../shared/limits';
import { currentTime } from '../shared/clock';
import { clientKey, month } from '../shared/wire';

async function caller(openid: string) {
  const user = await currentUser(openid);
  const village = await villageById(villageOf(user));
  return { user, village };
}

export const main = createFunction(
  'notice',
  {
    list: {
      input: z.object({}).strict(),
      run: async (_req, ctx) => {
        const user = await currentUser(ctx.openid);
        return listNotices(user, villageOf(user));
      },
    },
    get: {
      input: z.object({ month }).strict(),
      run: async (req, ctx) => {
        const { user, village } = await caller(ctx.openid);
        return getNotice(user, village, req.month, currentTime());
      },
    },
    publish: {
      input: z.object({ month }).strict(),
      run: async (req, ctx) => {
        const { user, village } = await caller(ctx.openid);
        if (!isCadre(user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以发布公示');
        const now = currentTime();
        return noticeView(await publishNotice(village, req.month, user._id, now), village.name, [], now);
      },
    },
    object: {
      input: z
        .object({
          clientKey,
          month,
          householdId: z.string().min(1).max(64),
          recordId: z.string().min(1).max(64).optional(),
          reason: z.string().trim().min(2).max(200),
        })
        .strict(),
      run: async (req, ctx) => {
        const user = await currentUser(ctx.openid);
        await spendDaily(ctx.openid, 'notice.object');
        return object(user, villageOf(user), req, currentTime());
      },
    },
    resolve: {
      input: z
        .object({
          objectionId: z.string().min(1).max(64),
          decision: z.enum(['uphold', 'dismiss']),
          reason: z.string().trim().min(2).max(200),
          clientKey,
        })
        .strict(),
      run: async (req, ctx) => {
        const user = await currentUser(ctx.openid);
        return resolve(user, villageOf(user), req, currentTime());
      },
    },
    settle: {
      input: z.object({ month }).strict(),
      run: async (req, ctx) => {
        const { user, village } = await caller(ctx.openid);
        if (!isCadre(user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以结算');
        const notice = await getById(C.notices, noticeId(village._id, req.month), noticeSchema);
        if (!notice) throw new AppError('COMMON.NOT_FOUND', '这个月还没有公示');
        return settleNotice(notice, user._id, currentTime());
      },
    },
    boards: {
      input: z.object({ month }).strict(),
      run: async (req, ctx) => {
        const { village } = await caller(ctx.openid);
        return getBoards(village, req.month, currentTime());
      },
    },
  },
  sweep,
);
