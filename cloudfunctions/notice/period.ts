// The notice's calendar, in China time: which months may be published, when objections close.
import { chinaNow } from '../shared/china-time';

/** A month may be published once it has ended in China. */
export function hasEnded(month: string, now: Date): boolean {
  return month < chinaNow(now).format('YYYY-MM');
}

/** The month before the current China month (what the month-end timer publishes). */
export function previousMonth(now: Date): string {
  return chinaNow(now).startOf('month').subtract(1, 'month').format('YYYY-MM');
}

/** 24:00 China time of the `days`-th day of the notice, the day of publication being the first. */
export function closingTime(publishedAt: Date, days: number): Date {
  return chinaNow(publishedAt).startOf('day').add(days, 'day').toDate();
}

/** The last day (YYYY-MM-DD) of a month. */
export function lastDay(month: string): string {
  return chinaNow(new Date(`${month}-15T12:00:00+08:00`))
    .endOf('month')
    .format('YYYY-MM-DD');
}
