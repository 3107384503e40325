// The town view's period: whole China-time months, from and to inclusive, at most a year.
import { AppError } from '../errors';

export const MAX_MONTHS = 12;

function parseMonth(month: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

function formatMonth(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months of [from, to], oldest first; refuses a bad or too long period. */
export function monthsOf(from: string, to: string): string[] {
  const a = parseMonth(from);
  const b = parseMonth(to);
  if (a === null || b === null) throw new AppError('COMMON.INVALID_INPUT', '月份格式不对');
  if (b < a) throw new AppError('COMMON.INVALID_INPUT', '结束月份不能早于开始月份');
  if (b - a + 1 > MAX_MONTHS) throw new AppError('COMMON.INVALID_INPUT', `统计区间最长${MAX_MONTHS}个月`);
  return Array.from({ length: b - a + 1 }, (_, i) => formatMonth(a + i));
}

/** The first and last China day (YYYY-MM-DD) of the months [from, to]. */
export function daysOf(from: string, to: string): { first: string; last: string } {
  const [y, m] = to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return { first: `${from}-01`, last: `${to}-${String(lastDay).padStart(2, '0')}` };
}
