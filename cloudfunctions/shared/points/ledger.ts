// The ledger: one event per change of a household's balance, written in the same transaction as
// the balance itself. Event ids derive from the record and the kind of change, so the same change
// can never be booked twice.
import { C } from '../collections';
import type { LedgerEvent, PointRecord } from './model';
import { _ } from '../sdk';
import { emptyBalance, type BalanceDelta } from './policy';
import { txGet, type Tx } from '../tx';

export function ledgerEventId(recordId: string, kind: LedgerEvent['kind']): string {
  return `${recordId}:${kind}`;
}

export async function applyLedger(
  t: Tx,
  rec: PointRecord,
  kind: LedgerEvent['kind'],
  delta: BalanceDelta,
  by: string,
  at: Date,
): Promise<void> {
  const event: LedgerEvent = {
    _id: ledgerEventId(rec._id, kind),
    villageId: rec.villageId,
    householdId: rec.householdId,
    recordId: rec._id,
    kind,
    ...delta,
    year: rec.year,
    month: rec.month,
    by,
    at,
  };
  await t.collection(C.ledger).add({ data: event });
  // The balance moves by the event's amounts with $inc, without reading it first (one request, not
  // two); a household without a balance document yet gets one. Written in the same transaction, a
  // concurrent change to the balance is a write conflict, retried as a whole.
  const year = String(rec.year);
  const res = await t
    .collection(C.balances)
    .doc(rec.householdId)
    .update({
      data: {
        pending: _.inc(delta.pending),
        earned: _.inc(delta.earned),
        available: _.inc(delta.available),
        years: { [year]: { earned: _.inc(delta.earned), pending: _.inc(delta.pending) } },
      },
    });
  if (updatedCount(res) > 0) return;
  // Nothing changed: either no balance yet, or amounts of zero on an existing one.
  if (await txGet(t, C.balances, rec.householdId)) return;
  const { _id, ...empty } = emptyBalance(rec.householdId, rec.villageId, rec.gridId);
  await t
    .collection(C.balances)
    .doc(_id)
    .set({
      data: {
        ...empty,
        pending: delta.pending,
        earned: delta.earned,
        available: delta.available,
        years: { [year]: { earned: delta.earned, pending: delta.pending } },
      },
    });
}

/** How many documents an update changed, from the SDK's reply (`stats.updated`, or `updated` in a transaction). */
export function updatedCount(res: unknown): number {
  if (typeof res !== 'object' || res === null) return 0;
  if (
    'stats' in res &&
    typeof res.stats === 'object' &&
    res.stats !== null &&
    'updated' in res.stats &&
    typeof res.stats.updated === 'number'
  )
    return res.stats.updated;
  if ('updated' in res && typeof res.updated === 'number') return res.updated;
  return 0;
}
