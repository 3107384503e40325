// China time (Asia/Shanghai, UTC+8, no daylight saving) whatever the server's zone is: cloud
// functions run in UTC, and a month or a day of the village is a China one. Every China date and
// every step between dates is computed here, by dayjs: a calendar date (YYYY-MM-DD) is counted on
// as a day of its own in UTC (no zone can move it), an instant is read in China's zone.
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

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

/** A calendar date to count on; a malformed one is a bug of the caller (input is checked before). */
function calendarDay(date: string): dayjs.Dayjs {
  if (!isDate(date)) throw new Error(`not a date: ${date}`);
  return dayjs.utc(date);
}

/** The date `days` days after (before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return calendarDay(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return calendarDay(to).diff(calendarDay(from), 'day');
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return calendarDay(date).day();
}

/** 00:00 China time at the start of a China date. */
export function startOfChinaDay(date: string): Date {
  return dayjs.tz(calendarDay(date).format('YYYY-MM-DD'), CHINA_TZ).toDate();
}

/** 24:00 China time at the end of a China date (the start of the next day). */
export function endOfChinaDay(date: string): Date {
  return startOfChinaDay(addDays(date, 1));
}

/** The month (YYYY-MM) `n` months after (before, when negative) a month. */
export function addMonths(month: string, n: number): string {
  return calendarDay(`${month}-01`).add(n, 'month').format('YYYY-MM');
}

/** Whole months from one month (YYYY-MM) to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return calendarDay(`${to}-01`).diff(calendarDay(`${from}-01`), 'month');
}

/** The last day (YYYY-MM-DD) of a month (YYYY-MM). */
export function lastDayOf(month: string): string {
  return calendarDay(`${month}-01`).endOf('month').format('YYYY-MM-DD');
}

/** The month before the China month of `now` (what month-end work is about). */
export function previousChinaMonth(now: Date = currentTime()): string {
  return addMonths(monthOf(chinaDate(now)), -1);
}

/** The last `n` months up to and including the month of `date`, oldest first (YYYY-MM). */
export function lastMonths(date: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(monthOf(date), i - (n - 1)));
}
