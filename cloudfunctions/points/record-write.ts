// Writing one household's record in its transaction. What the write depends on is read inside it,
// side by side: the cap counter, and (for a record of an earlier month) whether that month's books are
// closed (shared/notice/booking.ts), so a notice published meanwhile books the record in the current
// month. Then the documents: the cap counter (or the record) first, then the rest side by side: the
// record, and, approved at once, the ledger event and the balance; and an earlier month still open is
// claimed. Five round trips for a household: start, reads, two of writes, commit.
import { C } from '../shared/collections';
import type { AppError } from '../shared/errors';
import { capCounterSchema, type PointRecord } from '../shared/points/model';
import { claimMonths, closedMonths } from '../shared/notice/booking';
import type { RecordDocs } from '../shared/points/build';
import { bookEvent } from '../shared/points/ledger';
import { txGet, type Tx } from '../shared/tx';

export interface Booking {
  villageId: string;
  /** The month the record happened in. */
  occurredMonth: string;
  /** The month it is booked in when the month it happened in has its notice out. */
  currentMonth: string;
}

export interface Cap {
  times: number;
  /** The refusal when the household has used it up. */
  reached: () => AppError;
}

/** Whether the month's books are closed, read in the transaction; the current month's never are (a notice follows its month's end). */
async function booksClosed(t: Tx, b: Booking, householdId: string): Promise<boolean> {
  if (b.occurredMonth >= b.currentMonth) return false;
  return (await closedMonths(t, { villageId: b.villageId, householdId }, [b.occurredMonth])).has(b.occurredMonth);
}

async function capUsed(t: Tx, capId: string | null): Promise<number> {
  if (!capId) return 0;
  const raw = await txGet(t, C.pointCaps, capId);
  return raw ? capCounterSchema.parse(raw).count : 0;
}

/**
 * One household's record in transaction `t`; `build` makes its documents for the month it is booked
 * in. A record already written under its id (a retry) fails the add as a duplicate key: the caller
 * then looks for its records first.
 */
export async function writeRecord(t: Tx, build: (month: string) => RecordDocs, booking: Booking, cap: Cap | null): Promise<PointRecord> {
  const first = build(booking.occurredMonth);
  const capId = first.capId;
  const householdId = first.record.householdId;
  const [used, closed] = await Promise.all([capUsed(t, cap ? capId : null), booksClosed(t, booking, householdId)]);
  if (cap && used >= cap.times) throw cap.reached();
  const { record, approval } = build(closed ? booking.currentMonth : booking.occurredMonth);
  const { _id, ...data } = record;
  const add = () => t.collection(C.pointRecords).add({ data: { _id, ...data } });
  // The first write alone: it claims what a concurrent submission for the household would also
  // write (the cap counter, or the record itself for an item without a cap), so of two such
  // transactions one fails before it holds anything the other needs. Written side by side, each
  // could take one document the other needs, and both fail, again and again.
  if (cap && capId) {
    await t
      .collection(C.pointCaps)
      .doc(capId)
      .set({ data: { count: used + 1 } });
  } else await add();
  // The rest share at most the balance (or an earlier month's gate) with any other transaction: side by side.
  const late = record.month < booking.currentMonth ? claimMonths(t, { villageId: booking.villageId, householdId }, [record.month]) : null;
  await Promise.all([cap && capId ? add() : null, approval ? bookEvent(t, approval, record.gridId) : null, late]);
  return record;
}
