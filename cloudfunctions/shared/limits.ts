// Per-user daily limits on what anyone can send many of (spam, guessing invite codes). The count is
// read and raised in one transaction, so 50 calls at once get exactly the limit through.
import { C } from './collections';
import { chinaDate } from './china-time';
import { AppError } from './errors';
import { txGet, withTransaction } from './tx';
import * as z from 'zod';

export const DAILY_LIMITS = {
  'matters.raise': { limit: 10, what: '提交说事' },
  'notice.object': { limit: 20, what: '提出异议' },
  'board.comment': { limit: 30, what: '留言' },
  'village.invite': { limit: 30, what: '查询邀请码' },
} as const;

export type LimitedAction = keyof typeof DAILY_LIMITS;

const quotaSchema = z.object({ count: z.number().int().min(0) });

/** Counts one use of the action by the user today (China time), or refuses once the day's limit is reached. */
export async function spendDaily(openid: string, action: LimitedAction, now = new Date()): Promise<void> {
  const { limit, what } = DAILY_LIMITS[action];
  const id = `${action}|${openid}|${chinaDate(now)}`;
  await withTransaction(async (t) => {
    const raw = await txGet(t, C.dailyQuotas, id);
    const used = raw ? quotaSchema.parse(raw).count : 0;
    if (used >= limit) throw new AppError('COMMON.DAILY_LIMIT', `今天${what}已经${limit}次了，请明天再来`);
    await t.collection(C.dailyQuotas).doc(id).set({ data: { count: used + 1 } });
  });
}
