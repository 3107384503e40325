// The ledger: one event per change of a household's balance, written in the same transaction as
// the balance itself. Event ids derive from the record and the kind of change, so the same change
// can never be booked twice.
import { C } from '../collections';
import type { LedgerEvent, PointRecord } from './model';
import { _ } from '../sdk';
import { ledgerEvent } from './build';
import { emptyBalance, type BalanceDelta } from './policy';
import { txGet, type Tx } from '../tx';

/** Books a change of a record's household balance: its ledger event and the balance, in transaction `t`. */
export async function applyLedger(
  t: Tx,
  rec: PointRecord,
  kind: LedgerEvent['kind'],
  delta: BalanceDelta,
  by: string,
  at: Date,
): Promise<void> {
  await bookEvent(t, ledgerEvent(rec, kind, delta, by, at), rec.gridId);
}

/** Writes a ledger event and moves its household's balance by its amounts (see bookEvents). */
export function bookEvent(t: Tx, event: LedgerEvent, gridId: string): Promise<void> {
  return bookEvents(t, [event], gridId);
}

/**
 * Writes ledger events of ONE household and moves its balance by their sum, side by side (one round
 * trip). The balance moves with $inc, without reading it first; a household without a balance
 * document yet gets one. Written in the same transaction, a concurrent change to the balance is a
 * write conflict, retried as a whole.
 */
export async function bookEvents(t: Tx, events: LedgerEvent[], gridId: string): Promise<void> {
  const first = events[0];
  if (!first) return;
  const sum = { pending: 0, earned: 0, available: 0 };
  const years: Record<string, { earned: number; pending: number }> = {};
  for (const e of events) {
    sum.pending += e.pending;
    sum.earned += e.earned;
    sum.available += e.available;
    const y = years[String(e.year)] ?? { earned: 0, pending: 0 };
    years[String(e.year)] = { earned: y.earned + e.earned, pending: y.pending + e.pending };
  }
  const inc = (n: number) => _.inc(n);
  const [res] = await Promise.all([
    t
      .collection(C.balances)
      .doc(first.householdId)
      .update({
        data: {
          pending: inc(sum.pending),
          earned: inc(sum.earned),
          available: inc(sum.available),
          years: Object.fromEntries(Object.entries(years).map(([y, v]) => [y, { earned: inc(v.earned), pending: inc(v.pending) }])),
        },
      }),
    ...events.map((e) => t.collection(C.ledger).add({ data: e })),
  ]);
  if (updatedCount(res) > 0) return;
  // Nothing changed: either no balance yet, or amounts of zero on an existing one.
  if (await txGet(t, C.balances, first.householdId)) return;
  const { _id, ...empty } = emptyBalance(first.householdId, first.villageId, gridId);
  await t
    .collection(C.balances)
    .doc(_id)
    .set({ data: { ...empty, ...sum, years } });
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
