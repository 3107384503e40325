// matters.stats: per village and per cadre over a period (matters raised in [from, to], China
// time): response-within-deadline rate, resolution rate, average rating, share of 4–5 stars. The
// counting is done by the database in aggregations — a fixed number of requests however many
// matters there are: the village's total and its per-handler rows (a cadre), or one row per village
// of the town (a town admin).
import type { MatterStatsRequest, MatterStatsResult, MatterStatsRow } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { isVillageCadre } from '../shared/matters/policy';
import { ratesOf, checkPeriod, type StatsCounts } from '../shared/matters/stats';
import { villageSchema } from '../shared/village/model';
import { aggregateRows, getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { currentUser, personIdOf } from '../shared/users';
import { villageCadres } from './tell';
import { townOf } from '../shared/access';
import { currentTime } from '../shared/clock';

/** The $group accumulators of the counts; `now` decides which deadlines have passed. */
function counters(now: Date): Record<string, unknown> {
  return {
    raised: { $sum: 1 },
    // Over what the response rate counts: responded, or past its deadline without a response.
    due: { $sum: { $cond: [{ $or: [{ $ne: ['$respondedInTime', null] }, { $lt: ['$deadlineAt', now] }] }, 1, 0] } },
    respondedInTime: { $sum: { $cond: [{ $eq: ['$respondedInTime', true] }, 1, 0] } },
    closed: { $sum: { $cond: [{ $eq: ['$status', 'closed'] }, 1, 0] } },
    rated: { $sum: { $cond: [{ $gt: ['$stars', 0] }, 1, 0] } },
    starsSum: { $sum: { $cond: [{ $gt: ['$stars', 0] }, '$stars', 0] } },
    good: { $sum: { $cond: [{ $gte: ['$stars', 4] }, 1, 0] } },
  };
}

function num(row: unknown, key: string): number {
  if (typeof row !== 'object' || row === null) return 0;
  const v: unknown = Reflect.get(row, key);
  return typeof v === 'number' ? v : 0;
}

function key(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return null;
  const v: unknown = Reflect.get(row, '_id');
  return typeof v === 'string' ? v : null;
}

function countsOf(row: unknown): StatsCounts {
  return {
    raised: num(row, 'raised'),
    due: num(row, 'due'),
    respondedInTime: num(row, 'respondedInTime'),
    closed: num(row, 'closed'),
    rated: num(row, 'rated'),
    starsSum: num(row, 'starsSum'),
    good: num(row, 'good'),
  };
}

function rowOf(row: unknown): MatterStatsRow {
  return ratesOf(countsOf(row));
}

export async function stats(req: MatterStatsRequest, openid: string): Promise<MatterStatsResult> {
  checkPeriod(req.from, req.to);
  const user = await currentUser(openid);
  const now = currentTime();
  const period = _.gte(req.from).and(_.lte(req.to));

  if (townOf(user) !== null && user.townId) {
    const townId = user.townId;
    const [villages, rows] = await Promise.all([
      list(C.villages, { townId }, villageSchema, { limit: 1000 }),
      aggregateRows(C.matters, (a) => a.match({ townId, raisedOn: period }).group({ _id: '$villageId', ...counters(now) })),
    ]);
    const byVillage = new Map(rows.map((r) => [key(r), r]));
    return {
      from: req.from,
      to: req.to,
      village: null,
      cadres: [],
      villages: villages.map((v) => ({ id: v._id, name: v.name, ...rowOf(byVillage.get(v._id)) })),
    };
  }

  const villageId = user.villageId;
  if (!villageId) throw new AppError('AUTH.NOT_JOINED');
  if (!isVillageCadre(user, villageId)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以查看统计');
  const [village, [total], perHandler, cadres] = await Promise.all([
    getById(C.villages, villageId, villageSchema),
    aggregateRows(C.matters, (a) => a.match({ villageId, raisedOn: period }).group({ _id: null, ...counters(now) })),
    aggregateRows(C.matters, (a) =>
      a.match({ villageId, raisedOn: period, handlerId: _.neq(null) }).group({ _id: '$handlerId', ...counters(now) }),
    ),
    villageCadres(villageId),
  ]);
  const byHandler = new Map(perHandler.map((r) => [key(r), r]));
  return {
    from: req.from,
    to: req.to,
    village: { id: villageId, name: village?.name ?? '', ...rowOf(total) },
    cadres: cadres
      .map((c) => ({ personId: personIdOf(c), name: c.name, ...rowOf(byHandler.get(c._id)) }))
      .sort((a, b) => b.raised - a.raised || a.name.localeCompare(b.name, 'zh')),
    villages: [],
  };
}
