// Grid honours as plain functions: the quarter's calendar, ranking with ties, which places get 金豆 /
// 银豆 / 铜豆, how a grid's bonus is shared, and the grid leader's 50/50 score.
//
// The rules we chose (and test in test/cloudfunctions/honours-rules.test.ts):
// - A grid's score is the sum of the settled points of the households it has now (a household that
//   moved counts for its present grid); only micro grids (微网格) are ranked.
// - Ranks are competition ranks: a grid's rank is 1 + the number of grids with strictly more points
//   (100, 100, 80 → ranks 1, 1, 3).
// - Places: of N grids, the top ceil(10% × N) places are 金豆, the top ceil(30% × N) 银豆, the top
//   ceil(50% × N) 铜豆 (cumulative, each counted in whole grids rounded up, computed in integers).
//   A grid whose rank is within a tier's places gets that tier's honour, its best one: ties at a
//   boundary all get the better honour (so a tier may hold more grids than its places, and a tier
//   whose places are all taken by better-ranked ties is empty). A grid with no positive points gets
//   no honour whatever its rank.
// - Bonus: the village sets points per honoured grid (default 金 300 / 银 200 / 铜 100); each of the
//   grid's households gets floor(bonus ÷ households); the remainder is awarded to no one (and shown).
// - 网格长: 0.5 × own household's points + 0.5 × the average of every household of the grids they
//   lead (their own included when it is in one), rounded half up to one decimal; with no household
//   of their own, their own points count as 0.
import type { Honour } from '../../../typings';
import { addMonths, chinaNow } from '../china-time';
import { periodKey } from '../period';

export const HONOURS: readonly Honour[] = ['gold', 'silver', 'bronze'];

export const HONOUR_NAMES: Record<Honour, string> = { gold: '金豆网格', silver: '银豆网格', bronze: '铜豆网格' };

/** The top share of grids (percent, cumulative) within which each honour falls. */
export const HONOUR_PERCENT: Record<Honour, number> = { gold: 10, silver: 30, bronze: 50 };

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3" of "2026-08". */
export function quarterOfMonth(month: string): string {
  return periodKey('quarter', month);
}

export function isQuarter(quarter: string): boolean {
  return QUARTER.test(quarter);
}

/** The three months (YYYY-MM) of a quarter, in order. */
export function monthsOfQuarter(quarter: string): string[] {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const first = (Number(m[2]) - 1) * 3;
  return [0, 1, 2].map((i) => addMonths(`${m[1]}-01`, first + i));
}

export function yearOfQuarter(quarter: string): number {
  return Number(quarter.slice(0, 4));
}

/** "2026年第3季度". */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${quarter.slice(6)}季度`;
}

/** The quarter before the one `now` is in (China time): what the quarterly timer awards. */
export function previousQuarter(now: Date): string {
  return quarterOfMonth(chinaNow(now).startOf('month').subtract(3, 'month').format('YYYY-MM'));
}

/** Whether the quarter has ended in China. */
export function quarterEnded(quarter: string, now: Date): boolean {
  const months = monthsOfQuarter(quarter);
  return (months[2] ?? '') < chinaNow(now).format('YYYY-MM');
}

/** ceil(n × percent ÷ 100) in integers. */
export function ceilPercent(n: number, percent: number): number {
  return Math.floor((n * percent + 99) / 100);
}

/** How many places each honour reaches down to, of `n` grids (cumulative). */
export function honourPlaces(n: number): Record<Honour, number> {
  return {
    gold: ceilPercent(n, HONOUR_PERCENT.gold),
    silver: ceilPercent(n, HONOUR_PERCENT.silver),
    bronze: ceilPercent(n, HONOUR_PERCENT.bronze),
  };
}

/** Competition ranks (1 + how many score strictly more), in the order of `scores`. */
export function competitionRanks(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s).length);
}

/** The best honour a grid of this rank and score gets, or null. */
export function honourFor(rank: number, points: number, places: Record<Honour, number>): Honour | null {
  if (points <= 0) return null;
  return HONOURS.find((h) => rank <= places[h]) ?? null;
}

/** Each household's share of a grid's bonus (rounded down) and what is left over for no one. */
export function shareBonus(bonus: number, households: number): { share: number; remainder: number } {
  if (households <= 0 || bonus <= 0) return { share: 0, remainder: Math.max(0, bonus) };
  const share = Math.floor(bonus / households);
  return { share, remainder: bonus - share * households };
}

export interface GridTotal {
  gridId: string;
  name: string;
  points: number;
  householdIds: string[];
}

export interface GridDecision extends GridTotal {
  rank: number;
  honour: Honour | null;
  bonus: number;
  share: number;
  remainder: number;
}

/** Ranks the grids, decides their honours and shares: best first (ties by name). */
export function decideHonours(grids: GridTotal[], bonus: Record<Honour, number>): GridDecision[] {
  const places = honourPlaces(grids.length);
  const ranks = competitionRanks(grids.map((g) => g.points));
  return grids
    .map((g, i): GridDecision => {
      const rank = ranks[i] ?? grids.length;
      const honour = honourFor(rank, g.points, places);
      const pool = honour ? bonus[honour] : 0;
      return { ...g, rank, honour, bonus: pool, ...shareBonus(pool, honour ? g.householdIds.length : 0) };
    })
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh') || a.gridId.localeCompare(b.gridId));
}

/** num ÷ den rounded half up to an integer (den > 0), in integers. */
export function roundHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/** Average points per household, to one decimal. */
export function averageTenths(sum: number, households: number): number {
  return households > 0 ? roundHalfUp(sum * 10, households) / 10 : 0;
}

/** 网格长's score: 0.5 × own + 0.5 × (sum ÷ households), to one decimal, half up. */
export function leaderScore(own: number, sum: number, households: number): { average: number; score: number } {
  if (households <= 0) return { average: 0, score: roundHalfUp(own * 10, 2) / 10 };
  return { average: averageTenths(sum, households), score: roundHalfUp((own * households + sum) * 10, 2 * households) / 10 };
}
