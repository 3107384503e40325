// The town view's period: whole China-time months, from and to inclusive, at most a year.
import { addMonths, lastDayOf, monthsBetween } from '../china-time';
import { AppError } from '../errors';

export const MAX_MONTHS = 12;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months of [from, to], oldest first; refuses a bad or too long period. */
export function monthsOf(from: string, to: string): string[] {
  if (!MONTH.test(from) || !MONTH.test(to)) throw new AppError('COMMON.INVALID_INPUT', '月份格式不对');
  const count = monthsBetween(from, to) + 1;
  if (count < 1) throw new AppError('COMMON.INVALID_INPUT', '结束月份不能早于开始月份');
  if (count > MAX_MONTHS) throw new AppError('COMMON.INVALID_INPUT', `统计区间最长${MAX_MONTHS}个月`);
  return Array.from({ length: count }, (_, i) => addMonths(from, i));
}

/** The first and last China day (YYYY-MM-DD) of the months [from, to]. */
export function daysOf(from: string, to: string): { first: string; last: string } {
  return { first: `${from}-01`, last: lastDayOf(to) };
}
