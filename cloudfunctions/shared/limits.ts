// Per-user daily limits on what anyone can send many of (spam, guessing invite codes). A use is
// counted by one conditional increment (count below the limit), which the database applies
// atomically: 50 calls at once get exactly the limit through, and the usual call costs one request.
import { C } from './collections';
import { chinaDate } from './china-time';
import { AppError } from './errors';
import { updatedCount } from './points/ledger';
import { _, db } from './sdk';
import { isDuplicateKey } from './tx';
import { currentTime } from './clock';

export const DAILY_LIMITS = {
  'matters.raise': { limit: 10, what: '提交说事' },
  'notice.object': { limit: 20, what: '提出异议' },
  'board.comment': { limit: 30, what: '留言' },
  'village.invite': { limit: 30, what: '查询邀请码' },
} as const;

export type LimitedAction = keyof typeof DAILY_LIMITS;

async function increment(id: string, limit: number): Promise<boolean> {
  return (
    updatedCount(
      await db
        .collection(C.dailyQuotas)
        .where({ _id: id, count: _.lt(limit) })
        .update({ data: { count: _.inc(1) } }),
    ) === 1
  );
}

/** Counts one use of the action by the user today (China time), or refuses once the day's limit is reached. */
export async function spendDaily(openid: string, action: LimitedAction, now = currentTime()): Promise<void> {
  const { limit, what } = DAILY_LIMITS[action];
  const id = `${action}|${openid}|${chinaDate(now)}`;
  if (await increment(id, limit)) return;
  try {
    // The day's first use (or the limit reached: the counter exists, and adding it again fails).
    await db.collection(C.dailyQuotas).add({ data: { _id: id, count: 1 } });
    return;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  // Someone else made the day's counter just now: count on it, or refuse at the limit.
  if (await increment(id, limit)) return;
  throw new AppError('COMMON.DAILY_LIMIT', `今天${what}已经${limit}次了，请明天再来`);
}
