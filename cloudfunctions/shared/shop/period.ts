// The periods a per-household limit counts in, keyed by China-time date: 2026-03, 2026-Q1, 2026.
import type { GoodsLimit, LimitPeriod } from '../../../typings';
import { PERIODS, periodKey } from '../period';

/** The usage counter of a household in one period: one document per household and period key. */
export function usageId(householdId: string, key: string): string {
  return `${householdId}|${key}`;
}

/** The three counters a household may need on a date (month, quarter, year), for one lookup. */
export function usageIdsOn(householdId: string, date: string): string[] {
  return PERIODS.map((p) => usageId(householdId, periodKey(p, date)));
}

const PERIOD_NAMES: Record<LimitPeriod, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** "每户每月限 2 件", or '' without a limit. */
export function limitText(limit: GoodsLimit | null): string {
  return limit ? `每户${PERIOD_NAMES[limit.period]}限 ${limit.qty} 件` : '';
}

export function periodName(period: LimitPeriod): string {
  return PERIOD_NAMES[period].replace('每', '本');
}
