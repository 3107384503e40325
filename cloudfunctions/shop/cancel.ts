// shop.cancel: before pickup, the household (its head or any member) cancels an order and the
// points come back.
import type { CancelResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { balanceSchema } from '../shared/points/model';
import { isConflict, txGet, withTransaction } from '../shared/tx';
import { currentUser } from '../shared/users';
import { closeWithRefund, readOrder } from './refund';
import { closedMessage } from './verify';
import { orderView } from './views';
import { currentTime } from '../shared/clock';

export async function cancel(orderId: string, openid: string): Promise<CancelResult> {
  const user = await currentUser(openid);
  try {
    return await withTransaction(async (t) => {
      const order = await readOrder(t, orderId);
      if (order.villageId !== user.villageId) throw new AppError('AUTH.OTHER_VILLAGE');
      if (order.householdId !== user.householdId) throw new AppError('AUTH.FORBIDDEN', '只能取消自己家的兑换单');
      if (order.status !== 'open') throw new AppError('SHOP.ORDER_CLOSED', closedMessage(order.status));
      const raw = await txGet(t, C.balances, order.householdId);
      const before = raw ? balanceSchema.parse(raw).available : 0;
      const closed = await closeWithRefund(t, order, 'cancelled', { by: user._id, byName: user.name }, currentTime());
      return { order: orderView(closed), available: before + order.points };
    });
  } catch (e) {
    if (isConflict(e)) throw new AppError('COMMON.BUSY');
    throw e;
  }
}
