// notice.publish: generates and publishes a month's notice (a cadre by hand, or the month-end timer).
// Publishing a month twice returns the notice already published: it is never regenerated.
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { noticeSchema, type Notice } from '../shared/notice/model';
import { villageSchema, type Village } from '../shared/village/model';
import { closeMonth, noticeId } from '../shared/notice/booking';
import { getById } from '../shared/repo';
import { db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';
import { generateLines } from './generate';
import { booksSettled, closingTime, hasEnded } from './period';

export async function publishNotice(village: Village, month: string, by: string, now: Date): Promise<Notice> {
  if (!hasEnded(month, now)) throw new AppError('COMMON.INVALID_INPUT', '这个月还没有结束，月底之后才能公示');
  if (!booksSettled(month, now)) throw new AppError('COMMON.INVALID_INPUT', '月底刚过，请一分钟后再公示');
  const id = noticeId(village._id, month);
  const existing = await getById(C.notices, id, noticeSchema);
  if (existing) return existing;
  // Closed before the records are read: a record of the month either is committed by now and
  // counted below, or finds the books closed and counts in the current month (shared/notice/booking.ts).
  await closeMonth(village._id, month);
  const notice: Notice = {
    _id: id,
    villageId: village._id,
    month,
    status: 'published',
    publishedAt: now,
    publishedBy: by,
    closesAt: closingTime(now, village.settings.noticeDays),
    settledAt: null,
    version: 1,
    lines: await generateLines(village._id, month),
  };
  try {
    await db.collection(C.notices).add({ data: notice });
  } catch (e) {
    // Published at the same moment by someone else (a cadre and the timer): theirs stands.
    const twin = isDuplicateKey(e) ? await getById(C.notices, id, noticeSchema) : null;
    if (!twin) throw e;
    return twin;
  }
  return notice;
}

export async function villageById(villageId: string): Promise<Village> {
  const village = await getById(C.villages, villageId, villageSchema);
  if (!village) throw new AppError('COMMON.NOT_FOUND', '村庄不存在');
  return village;
}
