// The keeper's counter: shop.verify finds the order of a pickup code (typed, or scanned from the
// household's QR, whose text is the code); shop.handover hands the goods over and closes it. Only a
// keeper or cadre of the order's own village may do either.
import type { OrderStatus, OrderView } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, monthOf } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { shopOrderSchema, type ShopOrder } from '../shared/shop/model';
import type { User } from '../shared/village/model';
import { list } from '../shared/repo';
import { isPickupCode, normalizeCode } from '../shared/shop/code';
import { canVerify } from '../shared/shop/rules';
import { isConflict, withTransaction } from '../shared/tx';
import { currentUser, villageOf } from '../shared/users';
import { readOrder } from './refund';
import { orderView } from './views';
import { currentTime } from '../shared/clock';

const CLOSED: Record<Exclude<OrderStatus, 'open'>, string> = {
  done: '这个兑换单已经领取过了',
  cancelled: '这个兑换单已经取消了，积分已退回',
  expired: '这个兑换单已过期，积分已退回',
};

export function closedMessage(status: OrderStatus): string {
  return status === 'open' ? '' : CLOSED[status];
}

async function keeper(openid: string): Promise<User> {
  const user = await currentUser(openid);
  villageOf(user);
  if (!canVerify(user)) throw new AppError('AUTH.FORBIDDEN', '只有积分超市店员或村干部可以核销取货码');
  return user;
}

export async function verify(input: string, openid: string): Promise<OrderView> {
  const user = await keeper(openid);
  const code = normalizeCode(input);
  if (!isPickupCode(code)) throw new AppError('COMMON.INVALID_INPUT', '取货码是6位字母和数字，请核对后再输入');
  // Only this village's orders are searched: another village's code is simply not found here.
  const [order] = await list(C.shopOrders, { villageId: villageOf(user), code }, shopOrderSchema, { limit: 1 });
  if (!order) throw new AppError('COMMON.NOT_FOUND', '本村没有这个取货码，请核对后再输入');
  return orderView(order);
}

export async function handover(orderId: string, openid: string): Promise<OrderView> {
  const user = await keeper(openid);
  try {
    return await withTransaction(async (t) => {
      const order = await readOrder(t, orderId);
      if (order.villageId !== user.villageId) throw new AppError('AUTH.OTHER_VILLAGE', '这是其他村的兑换单，不能在本村核销');
      if (order.status !== 'open') throw new AppError('SHOP.ORDER_CLOSED', closedMessage(order.status));
      const now = currentTime();
      // Past its deadline an order is the expiry timer's: its points go back to the household.
      if (now > order.expiresAt) throw new AppError('SHOP.ORDER_CLOSED', '这个兑换单已超过领取期限，积分会自动退回');
      const closed: Pick<ShopOrder, 'status' | 'closedAt' | 'closedMonth' | 'closedBy' | 'closedByName'> = {
        status: 'done',
        closedAt: now,
        closedMonth: monthOf(chinaDate(now)),
        closedBy: user._id,
        closedByName: user.name,
      };
      await t.collection(C.shopOrders).doc(order._id).update({ data: closed });
      return orderView({ ...order, ...closed });
    });
  } catch (e) {
    if (isConflict(e)) throw new AppError('COMMON.BUSY');
    throw e;
  }
}
