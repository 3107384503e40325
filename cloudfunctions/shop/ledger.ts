// The shop's side of the ledger: a redemption takes available points and its refund gives them
// back, each as one ledger event written in the same transaction as the balance. Event ids derive
// from the order ("<order>:redeem", "<order>:refund"), so neither can ever be booked twice.
import { C } from '../shared/collections';
import { chinaDate, monthOf, yearOf } from '../shared/china-time';
import type { LedgerEvent } from '../shared/points/model';
import type { ShopOrder } from '../shared/shop/model';
import { redeemDelta, refundDelta } from '../shared/shop/rules';
import { _ } from '../shared/sdk';
import { txUpdate, type Tx } from '../shared/tx';

export function shopEventId(orderId: string, kind: 'redeem' | 'refund'): string {
  return `${orderId}:${kind}`;
}

/**
 * The balance first, alone: of two transactions for the household, one fails before it holds
 * anything the other needs. Then the event, side by side with `alongside` (the redemption's other
 * writes, which share nothing with another household's): one round trip for all of them.
 */
export async function bookPoints(
  t: Tx,
  order: ShopOrder,
  kind: 'redeem' | 'refund',
  by: string,
  at: Date,
  alongside: () => Promise<unknown>[] = () => [],
): Promise<void> {
  const delta = kind === 'redeem' ? redeemDelta(order.points) : refundDelta(order.points);
  const day = chinaDate(at);
  const event: LedgerEvent = {
    _id: shopEventId(order._id, kind),
    villageId: order.villageId,
    householdId: order.householdId,
    recordId: order._id,
    kind,
    ...delta,
    year: yearOf(day),
    month: monthOf(day),
    by,
    at,
  };
  await txUpdate(t, C.balances, order.householdId, { available: _.inc(delta.available) });
  await Promise.all([t.collection(C.ledger).add({ data: event }), ...alongside()]);
}
