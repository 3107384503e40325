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
import { shopGoodsSchema, shopOrderSchema, shopUsageSchema, type ShopGoods, type ShopOrder, type ShopUsage } from '../shared/shop/model';
import type { Household, User } from '../shared/village/model';
import { getById } from '../shared/repo';
import { _ } from '../shared/sdk';
import { shopStatus } from '../shared/shop/calendar';
import { newPickupCode } from '../shared/shop/code';
import { periodKey } from '../shared/period';
import { usageId } from '../shared/shop/period';
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
  /** The goods as read with the context (to know its limit period before the transaction). */
  goodsSeen: ShopGoods | null;
  code: string;
}

interface Reads {
  goods: ShopGoods | null;
  balance: number;
  usage: ShopUsage | null;
  limitKey: string;
}

/** Goods, balance and the household's usage counter, read side by side in the transaction. */
async function readAll(t: Tx, a: Attempt, today: string): Promise<Reads> {
  // The counter's id needs the goods' limit period: the goods as read with the context tell it;
  // should the limit have changed since, the counter is read again below.
  const guess = a.goodsSeen?.limit ? periodKey(a.goodsSeen.limit.period, today) : '';
  const [rawGoods, rawBalance, rawUsage] = await Promise.all([
    txGet(t, C.shopGoods, a.req.goodsId),
    txGet(t, C.balances, a.household._id),
    guess ? txGet(t, C.shopUsage, usageId(a.household._id, guess)) : null,
  ]);
  const goods = rawGoods ? shopGoodsSchema.parse(rawGoods) : null;
  const limitKey = goods?.limit ? periodKey(goods.limit.period, today) : '';
  const usage = limitKey === guess ? rawUsage : limitKey ? await txGet(t, C.shopUsage, usageId(a.household._id, limitKey)) : null;
  return {
    goods,
    balance: rawBalance ? balanceSchema.parse(rawBalance).available : 0,
    usage: usage ? shopUsageSchema.parse(usage) : null,
    limitKey,
  };
}

function orderOf(a: Attempt, goods: ShopGoods, limitKey: string, now: Date, today: string): ShopOrder {
  return {
    _id: a.id,
    villageId: goods.villageId,
    householdId: a.household._id,
    householdLabel: householdLabel(a.household),
    goodsId: goods._id,
    goodsName: goods.name,
    photo: goods.photo,
    price: goods.price,
    qty: a.req.qty,
    points: goods.price * a.req.qty,
    code: a.code,
    status: 'open',
    by: a.user._id,
    byName: a.user.name,
    clientKey: a.req.clientKey,
    createdAt: now,
    month: monthOf(today),
    limitKey,
    expiresAt: pickupDeadline(now, a.settings.pickupDays),
    closedAt: null,
    closedMonth: null,
    closedBy: null,
    closedByName: '',
  };
}

/**
 * One attempt. An order already made under this id (a retry) is not looked for first: its add
 * fails as a duplicate key and the caller answers with it.
 */
async function redeemOnce(a: Attempt): Promise<RedeemResult> {
  return withTransaction(async (t) => {
    const now = currentTime();
    const today = chinaDate(now);
    const status = shopStatus(a.settings, today);
    if (!status.open) throw new AppError('SHOP.CLOSED', status.note);
    const r = await readAll(t, a, today);
    const used = r.goods ? (r.usage?.counts[r.goods._id] ?? 0) : 0;
    const goods = checkRedeem({ goods: r.goods, villageId: a.villageId, qty: a.req.qty, available: r.balance, used });
    const order = orderOf(a, goods, r.limitKey, now, today);
    // The balance first (claims the household), then the rest side by side: two round trips.
    await bookPoints(t, order, 'redeem', a.user._id, now, () => [
      t
        .collection(C.shopGoods)
        .doc(goods._id)
        .update({ data: { stock: _.inc(-a.req.qty), updatedAt: now } }),
      r.limitKey
        ? t
            .collection(C.shopUsage)
            .doc(usageId(a.household._id, r.limitKey))
            .set({ data: { householdId: a.household._id, counts: { ...r.usage?.counts, [goods._id]: used + a.req.qty } } })
        : Promise.resolve(null),
      t.collection(C.shopOrders).add({ data: order }),
    ]);
    return { order: orderView(order), available: r.balance - order.points, repeated: false };
  });
}

/** The order this submission already made, if any (a retry or a double tap), as the answer. */
async function madeBefore(id: string, householdId: string): Promise<RedeemResult | null> {
  const [twin, balance] = await Promise.all([getById(C.shopOrders, id, shopOrderSchema), getById(C.balances, householdId, balanceSchema)]);
  return twin ? { order: orderView(twin), available: balance?.available ?? 0, repeated: true } : null;
}

/** What a failed attempt answers: another try (a pickup code taken), the order made before, or the error. */
async function afterFailure(e: unknown, attempt: number, id: string, householdId: string): Promise<RedeemResult | 'again'> {
  if (isDuplicateKey(e) && /code_1/.test(message(e)) && attempt < 5) return 'again'; // the code is taken in the village: draw another
  // A retry of a submission that made its order (its add is a duplicate key, or what it spent now
  // refuses it), or a double tap whose twin won: answer with that order.
  const twin = isDuplicateKey(e) || e instanceof AppError ? await madeBefore(id, householdId) : null;
  if (twin) return twin;
  if (isConflict(e)) throw new AppError('COMMON.BUSY');
  throw e;
}

export async function redeem(req: RedeemRequest, openid: string): Promise<RedeemResult> {
  const ctx = await shopContext(openid, req.goodsId);
  const household = requireHousehold(ctx);
  const id = orderId(ctx.villageId, household._id, req.clientKey);
  const attempt: Omit<Attempt, 'code'> = {
    req,
    id,
    villageId: ctx.villageId,
    user: ctx.user,
    household,
    settings: ctx.settings,
    goodsSeen: ctx.namedGoods,
  };
  for (let n = 1; ; n++) {
    try {
      return await redeemOnce({ ...attempt, code: newPickupCode() });
    } catch (e) {
      const answer = await afterFailure(e, n, id, household._id);
      if (answer !== 'again') return answer;
    }
  }
}
