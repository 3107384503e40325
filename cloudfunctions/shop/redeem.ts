// shop.redeem: a household (its head, or a member for it) takes goods for points. ONE transaction
// reads the goods, the balance and the usage counter, and writes the stock, the balance with its
// ledger event, the counter and the order: stock and points can never go negative, whatever the
// concurrency (a transaction that read a document someone else wrote since fails and is retried).
// The order id derives from the client's key, so a retried or double-tapped submit makes one order.
import { createHash } from 'node:crypto';
import type { RedeemRequest, RedeemResult } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, monthOf } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { balanceSchema } from '../shared/points/model';
import { shopGoodsSchema, shopOrderSchema, shopUsageSchema, type ShopOrder } from '../shared/shop/model';
import { type Household, type User } from '../shared/village/model';
import { getById } from '../shared/repo';
import { _ } from '../shared/sdk';
import { shopStatus } from '../shared/shop/calendar';
import { newPickupCode } from '../shared/shop/code';
import { periodKey, usageId } from '../shared/shop/period';
import { checkRedeem, pickupDeadline } from '../shared/shop/rules';
import { isConflict, isDuplicateKey, txGet, withTransaction, type Tx } from '../shared/tx';
import { householdLabel, requireHousehold, shopContext, type ShopSettingsNow } from './context';
import { bookPoints } from './ledger';
import { orderView } from './views';
import { currentTime } from '../shared/clock';

export function orderId(villageId: string, householdId: string, clientKey: string): string {
  return `o${createHash('sha1').update(`${villageId}|${householdId}|${clientKey}`).digest('hex').slice(0, 24)}`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'errMsg' in e ? String(e.errMsg) : String(e);
}

interface Attempt {
  req: RedeemRequest;
  id: string;
  villageId: string;
  user: User;
  household: Household;
  settings: ShopSettingsNow;
  code: string;
}

async function available(t: Tx, householdId: string): Promise<number> {
  const raw = await txGet(t, C.balances, householdId);
  return raw ? balanceSchema.parse(raw).available : 0;
}

async function redeemOnce({ req, id, villageId, user, household, settings, code }: Attempt): Promise<RedeemResult> {
  return withTransaction(async (t) => {
    // A retry of a submission that already made its order: that order, nothing more.
    const existing = await txGet(t, C.shopOrders, id);
    if (existing)
      return { order: orderView(shopOrderSchema.parse(existing)), available: await available(t, household._id), repeated: true };

    const now = currentTime();
    const today = chinaDate(now);
    const status = shopStatus(settings, today);
    if (!status.open) throw new AppError('SHOP.CLOSED', status.note);

    // One request at a time: a transaction's operations are sequential in the cloud database.
    const rawGoods = await txGet(t, C.shopGoods, req.goodsId);
    const rawBalance = await txGet(t, C.balances, household._id);
    const found = rawGoods ? shopGoodsSchema.parse(rawGoods) : null;
    const limitKey = found?.limit ? periodKey(found.limit.period, today) : '';
    const counterId = usageId(household._id, limitKey);
    const rawUsage = limitKey ? await txGet(t, C.shopUsage, counterId) : null;
    const usage = rawUsage ? shopUsageSchema.parse(rawUsage) : null;
    const balance = rawBalance ? balanceSchema.parse(rawBalance).available : 0;
    const used = found ? (usage?.counts[found._id] ?? 0) : 0;
    const goods = checkRedeem({ goods: found, villageId, qty: req.qty, available: balance, used });

    const order: ShopOrder = {
      _id: id,
      villageId: goods.villageId,
      householdId: household._id,
      householdLabel: householdLabel(household),
      goodsId: goods._id,
      goodsName: goods.name,
      photo: goods.photo,
      price: goods.price,
      qty: req.qty,
      points: goods.price * req.qty,
      code,
      status: 'open',
      by: user._id,
      byName: user.name,
      clientKey: req.clientKey,
      createdAt: now,
      month: monthOf(today),
      limitKey,
      expiresAt: pickupDeadline(now, settings.pickupDays),
      closedAt: null,
      closedMonth: null,
      closedBy: null,
      closedByName: '',
    };
    await t
      .collection(C.shopGoods)
      .doc(goods._id)
      .update({ data: { stock: _.inc(-req.qty), updatedAt: now } });
    await bookPoints(t, order, 'redeem', user._id, now);
    if (limitKey) {
      await t
        .collection(C.shopUsage)
        .doc(counterId)
        .set({ data: { householdId: household._id, counts: { ...usage?.counts, [goods._id]: used + req.qty } } });
    }
    await t.collection(C.shopOrders).add({ data: order });
    return { order: orderView(order), available: balance - order.points, repeated: false };
  });
}

export async function redeem(req: RedeemRequest, openid: string): Promise<RedeemResult> {
  const ctx = await shopContext(openid);
  const household = requireHousehold(ctx);
  const id = orderId(ctx.villageId, household._id, req.clientKey);
  for (let attempt = 1; ; attempt++) {
    try {
      return await redeemOnce({
        req,
        id,
        villageId: ctx.villageId,
        user: ctx.user,
        household,
        settings: ctx.settings,
        code: newPickupCode(),
      });
    } catch (e) {
      if (isDuplicateKey(e) && /code_1/.test(message(e)) && attempt < 5) continue; // the code is taken in the village: draw another
      if (isDuplicateKey(e)) {
        // A double tap raced its twin into the same order id: the twin won, answer as a retry.
        const twin = await getById(C.shopOrders, id, shopOrderSchema);
        const balance = await getById(C.balances, household._id, balanceSchema);
        if (twin) return { order: orderView(twin), available: balance?.available ?? 0, repeated: true };
      }
      if (isConflict(e)) throw new AppError('COMMON.BUSY');
      throw e;
    }
  }
}
