// China time (Asia/Shanghai, UTC+8, no daylight saving) whatever the server's zone is: cloud
// functions run in UTC, and a month or a day of the village is a China one.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { currentTime } from './clock';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

export function chinaNow(now: Date = currentTime()): dayjs.Dayjs {
  return dayjs(now).tz(CHINA_TZ);
}

/** YYYY-MM-DD of the given instant in China. */
export function chinaDate(now: Date = currentTime()): string {
  return chinaNow(now).format('YYYY-MM-DD');
}

/** YYYY-MM of a YYYY-MM-DD date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The last `n` months up to and including the month of `date`, oldest first (YYYY-MM). */
export function lastMonths(date: string, n: number): string[] {
  const end = dayjs(`${monthOf(date)}-01`);
  return Array.from({ length: n }, (_, i) => end.subtract(n - 1 - i, 'month').format('YYYY-MM'));
}

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}
