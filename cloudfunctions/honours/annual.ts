// honours.annual: 一年一评优 for one household — the year's earned points (settled and bonus), its
// rank in the village, its honours of the year (文明家庭; the grid honours it shared in) and the 积分贷
// rate it qualifies for. Reads: the household, its balance, one aggregation for the rank, the
// village's size, the year's awards.
import type { AnnualHonourView, AnnualResult } from '../../typings';
import { C } from '../shared/collections';
import { chinaNow } from '../shared/china-time';
import { balanceSchema } from '../shared/points/model';
import { honourAwardSchema } from '../shared/honours/model';
import { CIVILIZED_NAME, civilizedPlaces, isCivilized } from '../shared/honours/annual';
import { loanRate } from '../shared/honours/loan';
import { HONOUR_NAMES, quarterLabel } from '../shared/honours/ranking';
import { emptyBalance } from '../shared/points/policy';
import { aggregateRows, count, getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import * as z from 'zod';
import { visibleHousehold, type VillageContext as HonoursContext } from '../shared/village-context';

const aboveRowSchema = z.object({ above: z.number() });

export async function annual(
  ctx: HonoursContext,
  year: number | undefined,
  householdId: string | undefined,
  now: Date,
): Promise<AnnualResult> {
  const { village, grids } = ctx;
  const thisYear = Number(chinaNow(now).format('YYYY'));
  const y = year ?? thisYear;
  const household = await visibleHousehold(ctx, householdId);
  const quarters = [1, 2, 3, 4].map((q) => `${y}-Q${q}`);
  const [rawBalance, households, awards] = await Promise.all([
    getById(C.balances, household._id, balanceSchema),
    count(C.households, { villageId: village._id }),
    list(C.honourAwards, { villageId: village._id, quarter: _.in(quarters) }, honourAwardSchema, { limit: 4 }),
  ]);
  const balance = rawBalance ?? emptyBalance(household._id, village._id, household.gridId);
  const earned = balance.years[String(y)]?.earned ?? 0;
  const yearField = `$years.${y}.earned`;
  const [row] = await aggregateRows(C.balances, (a) =>
    a
      .match({ villageId: village._id })
      .group({ _id: null, above: { $sum: { $cond: [{ $gt: [{ $ifNull: [yearField, 0] }, earned] }, 1, 0] } } }),
  );
  const rank = (row ? aboveRowSchema.parse(row).above : 0) + 1;

  const honours: AnnualHonourView[] = [];
  if (isCivilized(rank, earned, households))
    honours.push({ name: CIVILIZED_NAME, detail: `${y}年全村第${rank}名（前${civilizedPlaces(households)}名评为文明家庭）` });
  let bonus = 0;
  for (const award of [...awards].sort((a, b) => a.quarter.localeCompare(b.quarter))) {
    if (award.status !== 'done') continue;
    const grid = award.grids.find((g) => g.honour && g.householdIds.includes(household._id));
    if (!grid?.honour) continue;
    bonus += grid.share;
    honours.push({ name: HONOUR_NAMES[grid.honour], detail: `${quarterLabel(award.quarter)}，${grid.name}，本户分得 ${grid.share} 分` });
  }
  return {
    year: y,
    final: y < thisYear,
    household: {
      id: household._id,
      label: household.no,
      headName: household.headName,
      gridName: grids.find((g) => g._id === household.gridId)?.name ?? '',
    },
    earned,
    bonus,
    rank: { rank, of: households },
    civilizedPlaces: civilizedPlaces(households),
    honours,
    loanRateBp: loanRate(balance.earned, village.settings.loan).rateBp,
  };
}
