// The key of the period a count is kept in, from a China-time date (YYYY-MM-DD, or YYYY-MM): a
// goods limit of the 积分超市 and a capped points item count in the same month, quarter and year.
import type { LimitPeriod } from '../../typings';

/** Every period a count may be kept in. */
export const PERIODS: readonly LimitPeriod[] = ['month', 'quarter', 'year'];

/** 2026-03, 2026-Q1 or 2026 for 2026-03-31. */
export function periodKey(period: LimitPeriod, date: string): string {
  const year = date.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  return date.slice(0, 7);
}
