// The notice's calendar, in China time: which months may be published, when objections close.
import { chinaNow, previousChinaMonth } from '../shared/china-time';

/** A month may be published once it has ended in China. */
export function hasEnded(month: string, now: Date): boolean {
  return month < chinaNow(now).format('YYYY-MM');
}

/**
 * How long a month's books stay open after its end: longer than the points function's timeout (20 s,
 * points/deploy.ts), so a record whose transaction began in the month has committed, or died, before
 * the month can be published. Records of a month ended earlier meet its gate (shared/notice/booking.ts).
 */
export const BOOKS_GRACE_MS = 60_000;

/** Whether a month ended at least BOOKS_GRACE_MS ago: no record begun in it can still commit. */
export function booksSettled(month: string, now: Date): boolean {
  return hasEnded(month, new Date(now.getTime() - BOOKS_GRACE_MS));
}

/** The last month whose books are settled (what the month-end timer publishes): the previous China month, from a minute after its end. */
export function previousMonth(now: Date): string {
  return previousChinaMonth(new Date(now.getTime() - BOOKS_GRACE_MS));
}

/** 24:00 China time of the `days`-th day of the notice, the day of publication being the first. */
export function closingTime(publishedAt: Date, days: number): Date {
  return chinaNow(publishedAt).startOf('day').add(days, 'day').toDate();
}
