// The rules of redemption as plain functions: who may do what in the 积分超市, what a redemption
// needs, what it and its refund do to a balance, when an uncollected order expires.
import { addDays, chinaDate, endOfChinaDay } from '../china-time';
import { AppError } from '../errors';
import type { LedgerEvent } from '../points/model';
import type { ShopGoods } from './model';
import type { User } from '../village/model';
import { isCadre, isKeeper } from '../access';
import { periodName } from './period';

export const DEFAULT_PICKUP_DAYS = 7;
export const MAX_QTY = 20;

/** Cadres and the secretary manage goods, redemption days and the report. */
export function canManageShop(user: User): boolean {
  return isCadre(user);
}

/** The keeper hands goods over; so may a cadre when the keeper is away. */
export function canVerify(user: User): boolean {
  return isKeeper(user) || isCadre(user);
}

export interface RedeemCheck {
  goods: ShopGoods | null;
  villageId: string;
  qty: number;
  available: number;
  /** Pieces of these goods the household took in the limit's current period. */
  used: number;
}

/** Refuses a redemption the goods, the stock, the limit or the household's points do not allow; gives the goods. */
export function checkRedeem({ goods, villageId, qty, available, used }: RedeemCheck): ShopGoods {
  if (!goods || goods.villageId !== villageId) throw new AppError('COMMON.NOT_FOUND', '没有这件商品，请刷新后再试');
  if (!goods.onShelf || goods.hold) throw new AppError('SHOP.OFF_SHELF');
  if (goods.limit && used + qty > goods.limit.qty) {
    const left = Math.max(0, goods.limit.qty - used);
    throw new AppError(
      'SHOP.LIMIT_REACHED',
      left
        ? `「${goods.name}」${periodName(goods.limit.period)}每户限 ${goods.limit.qty} 件，您家还能兑 ${left} 件`
        : `「${goods.name}」${periodName(goods.limit.period)}每户限 ${goods.limit.qty} 件，您家已经兑满了`,
    );
  }
  if (goods.stock < qty)
    throw new AppError('SHOP.SOLD_OUT', goods.stock ? `「${goods.name}」只剩 ${goods.stock} 件了` : `「${goods.name}」已经兑完了`);
  const points = goods.price * qty;
  if (available < points)
    throw new AppError('SHOP.NOT_ENOUGH_POINTS', `可用积分不够：需要 ${points} 分，您家现有 ${Math.max(0, available)} 分`);
  return goods;
}

export type AvailableDelta = Pick<LedgerEvent, 'pending' | 'earned' | 'available'>;

/** A redemption spends available points only: earned points (rankings, 积分贷) stay as they are. */
export function redeemDelta(points: number): AvailableDelta {
  return { pending: 0, earned: 0, available: -points };
}

/** A cancelled or expired order gives back exactly what its redemption took. */
export function refundDelta(points: number): AvailableDelta {
  return { pending: 0, earned: 0, available: points };
}

/**
 * The pickup deadline: the end (24:00 China time) of the `days`-th day after the redemption's day,
 * so "7 天内领取" always means whole days, whatever the hour of the redemption.
 */
export function pickupDeadline(createdAt: Date, days: number): Date {
  return endOfChinaDay(addDays(chinaDate(createdAt), days));
}
