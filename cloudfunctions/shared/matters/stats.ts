// The statistics of 村民说事: the rates of a row of counts, and the period they are asked for.
import type { MatterStatsRow } from '../../../typings';
import { daysBetween, isDate } from '../china-time';
import { AppError } from '../errors';

export interface StatsCounts {
  raised: number;
  due: number;
  respondedInTime: number;
  closed: number;
  rated: number;
  starsSum: number;
  good: number;
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
}

/** The rates of a row of counts (rounded to four places; null where nothing counts). */
export function ratesOf(c: StatsCounts): MatterStatsRow {
  return {
    raised: c.raised,
    due: c.due,
    respondedInTime: c.respondedInTime,
    responseRate: ratio(c.respondedInTime, c.due),
    closed: c.closed,
    resolutionRate: ratio(c.closed, c.raised),
    rated: c.rated,
    averageStars: c.rated > 0 ? Math.round((c.starsSum / c.rated) * 100) / 100 : null,
    goodShare: ratio(c.good, c.rated),
  };
}

/** A period of China dates: valid, in order, at most a year and a bit. */
export function checkPeriod(from: string, to: string): void {
  if (!isDate(from) || !isDate(to)) throw new AppError('COMMON.INVALID_INPUT', '日期格式不对');
  if (to < from) throw new AppError('COMMON.INVALID_INPUT', '结束日期不能早于开始日期');
  if (daysBetween(from, to) > 400) throw new AppError('COMMON.INVALID_INPUT', '统计区间最长一年');
}
