// honours.grids: each micro grid's settled points of a month and its leader's 50/50 score. A bounded
// number of reads for any village size: one aggregation of the month's settled records by household,
// the households page by page (1,000 a read), the leaders in one read.
import type { GridScoreView, GridsResult, LeaderScoreView } from '../../typings';
import { C } from '../shared/collections';
import { previousChinaMonth } from '../shared/china-time';
import { householdSchema, userSchema, type Grid, type Household, type User } from '../shared/village/model';
import { averageTenths, competitionRanks, leaderScore } from '../shared/honours/ranking';
import { aggregateRows, count, list, listAll } from '../shared/repo';
import { _ } from '../shared/sdk';
import * as z from 'zod';
import type { VillageContext as HonoursContext } from '../shared/village-context';

const totalRowSchema = z.object({ _id: z.string(), points: z.number() });

/** Settled points per household over the given months (records the months' notices settled). */
export async function settledTotals(villageId: string, months: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let skip = 0; ; skip += 1000) {
    const rows = await aggregateRows(C.pointRecords, (a) =>
      a
        .match({ villageId, month: _.in(months), status: 'approved', settled: true })
        .group({ _id: '$householdId', points: { $sum: '$points' } })
        .sort({ _id: 1 })
        .skip(skip)
        .limit(1000),
    );
    for (const row of rows) {
      const r = totalRowSchema.parse(row);
      out.set(r._id, r.points);
    }
    if (rows.length < 1000) return out;
  }
}

export function villageHouseholds(villageId: string): Promise<Household[]> {
  return listAll(C.households, { villageId }, householdSchema);
}

/** The households of each grid, by grid id. */
export function householdsByGrid(households: Household[]): Map<string, Household[]> {
  const out = new Map<string, Household[]>();
  for (const h of households) out.set(h.gridId, [...(out.get(h.gridId) ?? []), h]);
  return out;
}

export function sumOf(households: Household[], totals: Map<string, number>): number {
  return households.reduce((s, h) => s + (totals.get(h._id) ?? 0), 0);
}

/** Every leader's score: their own household's points and the average of all the households they lead. */
export function leaderScores(
  grids: Grid[],
  leaders: User[],
  byGrid: Map<string, Household[]>,
  totals: Map<string, number>,
  villageId: string,
): Map<string, LeaderScoreView> {
  const out = new Map<string, LeaderScoreView>();
  for (const leader of leaders) {
    const led = grids.filter((g) => g.leaderUserId === leader._id).flatMap((g) => byGrid.get(g._id) ?? []);
    const hasHousehold = leader.villageId === villageId && leader.householdId !== null;
    const own = hasHousehold && leader.householdId ? (totals.get(leader.householdId) ?? 0) : 0;
    out.set(leader._id, { name: leader.name, own, hasHousehold, ...leaderScore(own, sumOf(led, totals), led.length) });
  }
  return out;
}

export async function gridScores(ctx: HonoursContext, month: string | undefined, now: Date): Promise<GridsResult> {
  const { village, grids } = ctx;
  const m = month ?? previousChinaMonth(now);
  const leaderIds = [...new Set(grids.map((g) => g.leaderUserId).filter((id): id is string => id !== null))];
  const [households, totals, settled, leaders] = await Promise.all([
    villageHouseholds(village._id),
    settledTotals(village._id, [m]),
    count(C.notices, { villageId: village._id, month: m, status: 'settled' }),
    leaderIds.length ? list(C.users, { _id: _.in(leaderIds) }, userSchema, { limit: leaderIds.length }) : Promise.resolve([]),
  ]);
  const byGrid = householdsByGrid(households);
  const leaderViews = leaderScores(grids, leaders, byGrid, totals, village._id);
  const points = grids.map((g) => sumOf(byGrid.get(g._id) ?? [], totals));
  const ranks = competitionRanks(points);
  const views: GridScoreView[] = grids.map((g, i) => {
    const size = byGrid.get(g._id)?.length ?? 0;
    return {
      gridId: g._id,
      name: g.name,
      households: size,
      points: points[i] ?? 0,
      rank: ranks[i] ?? grids.length,
      average: averageTenths(points[i] ?? 0, size),
      leader: g.leaderUserId ? (leaderViews.get(g.leaderUserId) ?? null) : null,
    };
  });
  views.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh'));
  return { villageName: village.name, month: m, settled: settled > 0, grids: views };
}
