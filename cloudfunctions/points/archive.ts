// points.archive: the 户主档案袋 — a household's members (names and relations, never ID numbers), balances, rank, monthly trend
// and history, in one call. Open to the household's members, its grid leader and the village's cadres.
import type { ArchiveResult, BalanceView } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, lastMonths, yearOf } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { balanceSchema, pointRecordSchema, type Balance } from '../shared/points/model';
import { householdSchema, memberSchema } from '../shared/village/model';
import { emptyBalance } from '../shared/points/policy';
import { isCadre, microGridsLedBy } from '../shared/access';
import { aggregateRows, count, getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { mayLookAt, villageContextWith } from '../shared/village-context';
import { recordViewFor } from './views';

export function balanceView(b: Balance, year: number): BalanceView {
  const y = b.years[String(year)] ?? { earned: 0, pending: 0 };
  return { earned: b.earned, pending: b.pending, available: b.available, year: { year, ...y } };
}

function numberField(row: unknown, key: string): number {
  if (typeof row !== 'object' || row === null || !(key in row)) return 0;
  const v: unknown = Reflect.get(row, key);
  return typeof v === 'number' ? v : 0;
}

function stringField(row: unknown, key: string): string {
  if (typeof row !== 'object' || row === null || !(key in row)) return '';
  const v: unknown = Reflect.get(row, key);
  return typeof v === 'string' ? v : '';
}

export async function archive(householdId: string | undefined, openid: string): Promise<ArchiveResult> {
  const today = chinaDate();
  const months = lastMonths(today, 12);
  // What the archive shows is read with the caller's village, before the access check: nothing is
  // returned unless the check passes, and the archive opens in three round trips instead of five.
  const [ctx, reads] = await villageContextWith(openid, (u, villageId) => {
    const id = householdId ?? u.householdId;
    if (!id) throw new AppError('AUTH.NOT_JOINED', '您还没有加入任何一户');
    return Promise.all([
      getById(C.households, id, householdSchema),
      list(C.members, { householdId: id }, memberSchema, { limit: 50 }),
      getById(C.balances, id, balanceSchema),
      list(C.pointRecords, { householdId: id }, pointRecordSchema, { orderBy: ['occurredOn', 'desc'], limit: 50 }),
      aggregateRows(C.pointRecords, (a) =>
        a
          .match({ householdId: id, status: 'approved', month: _.gte(months[0] ?? '') })
          .group({ _id: '$month', points: { $sum: '$points' } }),
      ),
      count(C.households, { villageId }),
    ]);
  });
  const [found, members, rawBalance, history, trendRows, villageSize] = reads;
  const { user, village, grids } = ctx;
  const household = mayLookAt(ctx, found, '只能查看自己家的档案');
  const canRecord = isCadre(user) || microGridsLedBy(user, grids).includes(household.gridId);
  const balance = rawBalance ?? emptyBalance(household._id, village._id, household.gridId);
  const [gridSize, [above]] = await Promise.all([
    count(C.households, { villageId: village._id, gridId: household.gridId }),
    aggregateRows(C.balances, (a) =>
      a.match({ villageId: village._id }).group({
        _id: null,
        village: { $sum: { $cond: [{ $gt: ['$earned', balance.earned] }, 1, 0] } },
        grid: { $sum: { $cond: [{ $and: [{ $gt: ['$earned', balance.earned] }, { $eq: ['$gridId', household.gridId] }] }, 1, 0] } },
      }),
    ),
  ]);
  const byMonth = new Map(trendRows.map((r) => [stringField(r, '_id'), numberField(r, 'points')]));
  const grid = grids.find((g) => g._id === household.gridId);
  return {
    household: { id: household._id, label: household.no, headName: household.headName, gridName: grid?.name ?? '' },
    members: members.filter((m) => m.status === 'active').map((m) => ({ name: m.name, relation: m.relation })),
    balance: balanceView(balance, yearOf(today)),
    rank: {
      village: { rank: numberField(above, 'village') + 1, of: villageSize },
      grid: { rank: numberField(above, 'grid') + 1, of: gridSize },
    },
    trend: months.map((month) => ({ month, points: byMonth.get(month) ?? 0 })),
    history: history.map((r) => recordViewFor(r, isCadre(user) || r.recordedBy === user._id)),
    settledMonths: balance.settledMonths,
    canRecord,
    canReverse: isCadre(user),
  };
}
