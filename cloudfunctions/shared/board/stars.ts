// 星级村庄 (like 五星村庄): one star for each criterion a village meets in the period. The criteria
// are written here once, shown on the town view as they are, and applied by rateVillage.
import type { StarCheck, StarCriterion, StarKey } from '../../../typings';

export const THRESHOLDS = {
  /** 书记公开信 a month, on average over the period. */
  lettersPerMonth: 2,
  /** 村民说事 answered within two working days, of those due (as a fraction). */
  responseRate: 0.9,
  /** Households with an approved, not reversed, positive record in the period. */
  participation: 0.6,
  /** Households that collected goods from the 积分超市 in the period. */
  shop: 0.2,
  /** Finance items published after sign-off, per 3 months (a shorter period needs one). */
  financePerQuarter: 1,
} as const;

export const STAR_CRITERIA: StarCriterion[] = [
  { key: 'letters', title: '书记公开信', rule: `平均每月至少发布 ${THRESHOLDS.lettersPerMonth} 封书记公开信` },
  {
    key: 'response',
    title: '村民说事按时答复',
    rule: `期间提出的村民说事中，在两个工作日内答复的不少于 ${THRESHOLDS.responseRate * 100}%（只算已答复或已过答复期限的；没有这样的说事不得星）`,
  },
  {
    key: 'participation',
    title: '积分参与',
    rule: `期间至少有一条审核通过、未被冲销的加分记录的农户，不少于全村农户的 ${THRESHOLDS.participation * 100}%`,
  },
  { key: 'shop', title: '积分超市', rule: `期间在积分超市兑换并领走商品的农户，不少于全村农户的 ${THRESHOLDS.shop * 100}%` },
  {
    key: 'finance',
    title: '财务公开',
    rule: `经村务监督委员会审核签字后发布的财务公开，每 3 个月至少 ${THRESHOLDS.financePerQuarter} 条（不足 3 个月的按 3 个月算）`,
  },
];

export interface VillageFigures {
  months: number;
  households: number;
  letters: number;
  /** Matters due (responded, or past their deadline) and those answered in time. */
  due: number;
  respondedInTime: number;
  /** Households with an approved, not reversed, positive record. */
  activeHouseholds: number;
  /** Households that collected at least one order. */
  shopHouseholds: number;
  /** Finance items published. */
  finance: number;
}

/** n / d rounded to four places, null when d is 0. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
}

/** "92.3%" of a fraction; "—" for none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** Letters per month, to one decimal. */
export function perMonth(letters: number, months: number): number {
  return months > 0 ? Math.round((letters / months) * 10) / 10 : 0;
}

/** Finance items the period needs: one per 3 months, at least one. */
export function financeNeeded(months: number): number {
  return Math.max(1, Math.ceil(months / 3)) * THRESHOLDS.financePerQuarter;
}

/** The checks of every criterion and the stars: one per criterion met. Fractions compare exactly. */
export function rateVillage(f: VillageFigures): { stars: number; checks: StarCheck[] } {
  const share = (n: number, d: number, min: number): boolean => d > 0 && n >= min * d - 1e-9;
  const checks: Record<StarKey, StarCheck> = {
    letters: {
      key: 'letters',
      met: f.months > 0 && f.letters >= THRESHOLDS.lettersPerMonth * f.months,
      value: `${perMonth(f.letters, f.months)} 封/月`,
    },
    response: {
      key: 'response',
      met: share(f.respondedInTime, f.due, THRESHOLDS.responseRate),
      value: f.due > 0 ? `${percent(ratio(f.respondedInTime, f.due))}（${f.respondedInTime}/${f.due}）` : '没有到期的说事',
    },
    participation: {
      key: 'participation',
      met: share(f.activeHouseholds, f.households, THRESHOLDS.participation),
      value:
        f.households > 0 ? `${percent(ratio(f.activeHouseholds, f.households))}（${f.activeHouseholds}/${f.households} 户）` : '没有农户',
    },
    shop: {
      key: 'shop',
      met: share(f.shopHouseholds, f.households, THRESHOLDS.shop),
      value: f.households > 0 ? `${percent(ratio(f.shopHouseholds, f.households))}（${f.shopHouseholds}/${f.households} 户）` : '没有农户',
    },
    finance: { key: 'finance', met: f.finance >= financeNeeded(f.months), value: `${f.finance} 条（需 ${financeNeeded(f.months)} 条）` },
  };
  const list = STAR_CRITERIA.map((c) => checks[c.key]);
  return { stars: list.filter((c) => c.met).length, checks: list };
}
