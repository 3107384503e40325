// The `expire` timer (config.json): open orders past their pickup deadline are closed as expired
// and refunded, across every village, a few at a time. An order is expired in its own transaction
// and only while still open, so firing the timer again (or twice at once) refunds nothing twice.
import { C } from '../shared/collections';
import { shopOrderSchema, type ShopOrder } from '../shared/shop/model';
import { list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { withTransaction } from '../shared/tx';
import { closeWithRefund, readOrder } from './refund';
import { currentTime } from '../shared/clock';

const BATCH = 100;
const PARALLEL = 5;
const MAX_BATCHES = 20;
export const SYSTEM = { by: 'system:expire', byName: '系统（超过领取期限）' };

async function expireOne(seen: ShopOrder, at: Date): Promise<boolean> {
  return withTransaction(async (t) => {
    const order = await readOrder(t, seen._id);
    if (order.status !== 'open' || order.expiresAt > at) return false;
    await closeWithRefund(t, order, 'expired', SYSTEM, currentTime());
    return true;
  });
}

/** `at` is when the cloud fired the timer: orders whose deadline has passed by then expire. */
export async function expireOrders(at: Date): Promise<{ expired: number }> {
  let expired = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await list(C.shopOrders, { status: 'open', expiresAt: _.lte(at) }, shopOrderSchema, {
      orderBy: ['expiresAt', 'asc'],
      limit: BATCH,
    });
    for (let i = 0; i < due.length; i += PARALLEL) {
      const done = await Promise.all(due.slice(i, i + PARALLEL).map((o) => expireOne(o, at)));
      expired += done.filter(Boolean).length;
    }
    if (due.length < BATCH) break;
  }
  return { expired };
}
