// notice.settle: when the notice period has ended with no open objection, the month's approved points
// move from pending to earned (and become spendable). A bounded number of requests for any village
// size: households are settled in groups that share the same month total, one multi-document update
// a group, each guarded by the household's settledMonths so that running it twice changes nothing.
import type { SettleResult } from '../../typings';
import { C } from '../shared/collections';
import { ledgerEventSchema, type LedgerEvent } from '../shared/points/model';
import type { Notice } from '../shared/notice/model';
import { noticeId } from '../shared/notice/booking';
import { count, listAll } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { monthTotals } from './generate';

const INSERT_CHUNK = 200;

/** Households grouped by the points they settle this month (zero totals have nothing to move). */
export function groupsByTotal(totals: Map<string, { total: number }>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const [householdId, { total }] of totals) {
    if (total === 0) continue;
    groups.set(total, [...(groups.get(total) ?? []), householdId]);
  }
  return groups;
}

export async function settleNotice(notice: Notice, by: string, now: Date): Promise<SettleResult> {
  const none = { households: 0, points: 0 };
  if (notice.status === 'settled') return { settled: true, reason: '', ...none };
  if (now < notice.closesAt) return { settled: false, reason: '公示期还没有结束', ...none };
  const open = await count(C.objections, { villageId: notice.villageId, month: notice.month, status: 'open' });
  if (open > 0) return { settled: false, reason: `还有${open}条异议没有处理`, ...none };

  const { villageId, month } = notice;
  const year = Number(month.slice(0, 4));
  const totals = await monthTotals(villageId, month);
  const groups = groupsByTotal(totals);

  // The ledger first: its events are what a recomputation folds, and each has a fixed id.
  const booked = new Set((await listAll(C.ledger, { villageId, month, kind: 'settle' }, ledgerEventSchema)).map((e) => e._id));
  const events: LedgerEvent[] = [];
  for (const [total, ids] of groups) {
    for (const householdId of ids) {
      const _id = `${householdId}:${month}:settle`;
      if (!booked.has(_id))
        events.push({
          _id,
          villageId,
          householdId,
          recordId: null,
          kind: 'settle',
          pending: -total,
          earned: total,
          available: total,
          year,
          month,
          by,
          at: now,
        });
    }
  }
  for (let i = 0; i < events.length; i += INSERT_CHUNK) await db.collection(C.ledger).add({ data: events.slice(i, i + INSERT_CHUNK) });

  for (const [total, ids] of groups) {
    await db
      .collection(C.balances)
      .where({ villageId, _id: _.in(ids), settledMonths: _.neq(month) })
      .update({
        data: {
          pending: _.inc(-total),
          earned: _.inc(total),
          available: _.inc(total),
          years: { [String(year)]: { pending: _.inc(-total), earned: _.inc(total) } },
          settledMonths: _.push(month),
        },
      });
  }
  await db
    .collection(C.pointRecords)
    .where({ villageId, month, status: 'approved', settled: false })
    .update({ data: { settled: true } });
  await db
    .collection(C.notices)
    .doc(noticeId(villageId, month))
    .update({ data: { status: 'settled', settledAt: now } });
  const households = [...groups.values()].reduce((n, ids) => n + ids.length, 0);
  const points = [...totals.values()].reduce((s, t) => s + t.total, 0);
  return { settled: true, reason: '', households, points };
}
