// The town admin's view: every village of the town with its figures of the period — letters, 村民说事
// and their response-within-deadline rate, points participation, 积分超市 use, finance published —
// and its stars by the written criteria. A fixed number of requests whatever the town's size: each
// figure is one aggregation over the town's villages, grouped by village.
import type { TownRequest, TownResult, TownVillageRow } from '../../typings';
import { C, type CollectionName } from '../shared/collections';
import { AppError } from '../shared/errors';
import { townSchema, villageSchema } from '../shared/village/model';
import { aggregateRows, getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { currentUser } from '../shared/users';
import { daysOf, monthsOf } from '../shared/board/period';
import { STAR_CRITERIA, perMonth, rateVillage, ratio } from '../shared/board/stars';
import { townOf } from '../shared/access';

function field(row: unknown, key: string): unknown {
  return typeof row === 'object' && row !== null && key in row ? Reflect.get(row, key) : undefined;
}

function num(row: unknown, key: string): number {
  const v = field(row, key);
  return typeof v === 'number' ? v : 0;
}

/** Per village: the sums of `sums` (field → an expression: 1, `$field`, a `$cond`) over the documents matching `match`. */
async function sumsBy(
  coll: CollectionName,
  match: Record<string, unknown>,
  sums: Record<string, unknown>,
): Promise<Map<string, Record<string, number>>> {
  const group: Record<string, unknown> = { _id: '$villageId' };
  for (const [k, v] of Object.entries(sums)) group[k] = { $sum: v };
  const rows = await aggregateRows(coll, (a) => a.match(match).group(group));
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const id = field(row, '_id');
    if (typeof id === 'string') out.set(id, Object.fromEntries(Object.keys(sums).map((k) => [k, num(row, k)])));
  }
  return out;
}

/** Per village: distinct households among the documents matching `match`, and sums over them. */
async function householdsBy(
  coll: CollectionName,
  match: Record<string, unknown>,
  sums: Record<string, string | number>,
): Promise<Map<string, Record<string, number>>> {
  const inner: Record<string, unknown> = { _id: { v: '$villageId', h: '$householdId' } };
  const outer: Record<string, unknown> = { _id: '$_id.v', households: { $sum: 1 } };
  for (const [k, v] of Object.entries(sums)) {
    inner[k] = { $sum: v };
    outer[k] = { $sum: `$${k}` };
  }
  const rows = await aggregateRows(coll, (a) => a.match(match).group(inner).group(outer));
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const id = field(row, '_id');
    if (typeof id === 'string') out.set(id, Object.fromEntries(['households', ...Object.keys(sums)].map((k) => [k, num(row, k)])));
  }
  return out;
}

export async function townView(openid: string, req: TownRequest, now: Date): Promise<TownResult> {
  const user = await currentUser(openid);
  const townId = user.townId;
  if (townOf(user) === null || !townId) throw new AppError('AUTH.FORBIDDEN', '只有乡镇管理员可以查看全镇情况');
  const months = monthsOf(req.from, req.to);
  const { first, last } = daysOf(req.from, req.to);
  const [town, villages] = await Promise.all([
    getById(C.towns, townId, townSchema),
    list(C.villages, { townId }, villageSchema, { limit: 1000 }),
  ]);
  if (!town) throw new AppError('COMMON.NOT_FOUND', '没有找到您所在的乡镇');
  const ids = villages.map((v) => v._id);
  const days = _.gte(first).and(_.lte(last));
  const [households, letters, finance, matters, active, shop] = await Promise.all([
    sumsBy(C.households, { villageId: _.in(ids) }, { n: 1 }),
    sumsBy(C.boardLetters, { townId, status: 'published', publishedOn: days }, { n: 1 }),
    sumsBy(C.boardItems, { townId, kind: 'finance', status: 'published', publishedOn: days }, { n: 1 }),
    // As matters.stats counts them: due = answered (in time or not), or past the deadline unanswered.
    sumsBy(
      C.matters,
      { townId, raisedOn: days },
      {
        raised: 1,
        due: { $cond: [{ $or: [{ $ne: ['$respondedInTime', null] }, { $lt: ['$deadlineAt', now] }] }, 1, 0] },
        inTime: { $cond: [{ $eq: ['$respondedInTime', true] }, 1, 0] },
      },
    ),
    householdsBy(C.pointRecords, { villageId: _.in(ids), month: _.in(months), status: 'approved', points: _.gt(0), reversedBy: null }, {}),
    householdsBy(C.shopOrders, { villageId: _.in(ids), closedMonth: _.in(months), status: 'done' }, { orders: 1, points: '$points' }),
  ]);
  const n = (m: Map<string, Record<string, number>>, id: string, k = 'n'): number => m.get(id)?.[k] ?? 0;
  const rows: TownVillageRow[] = villages.map((v) => {
    const hh = n(households, v._id);
    const due = n(matters, v._id, 'due');
    const figures = {
      months: months.length,
      households: hh,
      letters: n(letters, v._id),
      due,
      respondedInTime: n(matters, v._id, 'inTime'),
      activeHouseholds: n(active, v._id, 'households'),
      shopHouseholds: n(shop, v._id, 'households'),
      finance: n(finance, v._id),
    };
    const { stars, checks } = rateVillage(figures);
    return {
      id: v._id,
      name: v.name,
      households: hh,
      letters: figures.letters,
      lettersPerMonth: perMonth(figures.letters, figures.months),
      matters: {
        raised: n(matters, v._id, 'raised'),
        due,
        respondedInTime: figures.respondedInTime,
        responseRate: ratio(figures.respondedInTime, due),
      },
      participation: { active: figures.activeHouseholds, rate: ratio(figures.activeHouseholds, hh) },
      shop: {
        orders: n(shop, v._id, 'orders'),
        points: n(shop, v._id, 'points'),
        households: figures.shopHouseholds,
        rate: ratio(figures.shopHouseholds, hh),
      },
      finance: figures.finance,
      stars,
      checks,
    };
  });
  rows.sort((a, b) => b.stars - a.stars || a.name.localeCompare(b.name, 'zh'));
  return {
    town: { id: town._id, name: town.name },
    from: req.from,
    to: req.to,
    months: months.length,
    criteria: STAR_CRITERIA,
    villages: rows,
  };
}
