// The ledger: one event per change of a household's balance, written in the same transaction as
// the balance itself. Event ids derive from the record and the kind of change, so the same change
// can never be booked twice.
import { C } from '../collections';
import { balanceSchema, type LedgerEvent, type PointRecord } from '../model';
import { emptyBalance, type BalanceDelta } from './policy';
import { txGet, type Tx } from '../tx';

export function ledgerEventId(recordId: string, kind: LedgerEvent['kind']): string {
  return `${recordId}:${kind}`;
}

export async function applyLedger(t: Tx, rec: PointRecord, kind: LedgerEvent['kind'], delta: BalanceDelta, by: string, at: Date): Promise<void> {
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
  const raw = await txGet(t, C.balances, rec.householdId);
  const b = raw ? balanceSchema.parse(raw) : emptyBalance(rec.householdId, rec.villageId, rec.gridId);
  const year = b.years[String(rec.year)] ?? { earned: 0, pending: 0 };
  const { _id, ...next } = {
    ...b,
    pending: b.pending + delta.pending,
    earned: b.earned + delta.earned,
    available: b.available + delta.available,
    years: { ...b.years, [String(rec.year)]: { earned: year.earned + delta.earned, pending: year.pending + delta.pending } },
  };
  await t.collection(C.balances).doc(_id).set({ data: next });
}
