// Closing an order without handing it over (cancelled by the household, or expired): in one
// transaction the order is closed, the stock and the household's limit come back and the points
// are refunded with the ledger event "<order>:refund". Only an open order is closed, so the refund
// happens exactly once however often (or however concurrently) it is asked for.
import { C } from '../shared/collections';
import { chinaDate, monthOf } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { shopOrderSchema, type ShopOrder } from '../shared/shop/model';
import { _ } from '../shared/sdk';
import { usageId } from '../shared/shop/period';
import { txGet, txUpdate, type Tx } from '../shared/tx';
import { bookPoints } from './ledger';

export async function readOrder(t: Tx, id: string): Promise<ShopOrder> {
  const raw = await txGet(t, C.shopOrders, id);
  if (!raw) throw new AppError('COMMON.NOT_FOUND', '没有这个兑换单');
  return shopOrderSchema.parse(raw);
}

export interface Closer {
  by: string;
  byName: string;
}

export async function closeWithRefund(
  t: Tx,
  order: ShopOrder,
  status: 'cancelled' | 'expired',
  closer: Closer,
  at: Date,
): Promise<ShopOrder> {
  const closed: ShopOrder = {
    ...order,
    status,
    closedAt: at,
    closedMonth: monthOf(chinaDate(at)),
    closedBy: closer.by,
    closedByName: closer.byName,
  };
  await t
    .collection(C.shopOrders)
    .doc(order._id)
    .update({
      data: { status, closedAt: at, closedMonth: closed.closedMonth, closedBy: closer.by, closedByName: closer.byName },
    });
  await txUpdate(t, C.shopGoods, order.goodsId, { stock: _.inc(order.qty), updatedAt: at });
  if (order.limitKey) {
    await txUpdate(t, C.shopUsage, usageId(order.householdId, order.limitKey), { [`counts.${order.goodsId}`]: _.inc(-order.qty) });
  }
  await bookPoints(t, order, 'refund', closer.by, at);
  return closed;
}
