// shop.orders: the household's orders, newest first, each open one with its pickup code as a QR.
// The QR is drawn here (the `qrcode` package, a PNG data URL the page shows in an <image>), and holds
// exactly the code: the keeper's wx.scanCode reads the same text a keeper would type.
import QRCode from 'qrcode';
import type { MyOrder, OrdersResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { balanceSchema } from '../shared/points/model';
import { shopOrderSchema } from '../shared/shop/model';
import { getById, list } from '../shared/repo';
import { currentUser } from '../shared/users';
import { orderView } from './views';

export function pickupQr(code: string): Promise<string> {
  return QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, scale: 10 });
}

export async function myOrders(openid: string): Promise<OrdersResult> {
  const user = await currentUser(openid);
  const householdId = user.householdId;
  if (!householdId || !user.villageId) throw new AppError('AUTH.FORBIDDEN', '您还没有加入任何一户');
  const [orders, balance] = await Promise.all([
    list(C.shopOrders, { householdId }, shopOrderSchema, { orderBy: ['createdAt', 'desc'], limit: 50 }),
    getById(C.balances, householdId, balanceSchema),
  ]);
  const views: MyOrder[] = await Promise.all(
    orders.map(async (o) => ({ ...orderView(o), qr: o.status === 'open' ? await pickupQr(o.code) : '' })),
  );
  return { orders: views, available: balance?.available ?? 0 };
}
