// Who is calling and what of their village the shop needs, in ONE database request: an aggregation
// from the caller's user document that joins (by indexed fields) their household, the village's
// shop settings and, for browsing, the village's goods, the household's balance and its usage
// counters of the current periods.
import { C } from '../shared/collections';
import { activeUser } from '../shared/users';
import { AppError } from '../shared/errors';
import { balanceSchema, type Balance } from '../shared/points/model';
import { householdSchema, type Household, type User } from '../shared/village/model';
import { shopGoodsSchema, shopSettingsSchema, shopUsageSchema, type ShopGoods, type ShopUsage } from '../shared/shop/model';
import { aggregateRows, joinedDocs as joined } from '../shared/repo';
import type { ShopCalendar } from '../shared/shop/calendar';
import { PERIODS, periodKey } from '../shared/period';
import { DEFAULT_PICKUP_DAYS } from '../shared/shop/rules';

export interface ShopSettingsNow extends ShopCalendar {
  pickupDays: number;
}

export interface ShopContext {
  user: User;
  villageId: string;
  household: Household | null;
  settings: ShopSettingsNow;
  /** The goods named by the action (redeem), as read with the rest; null when none was named or found. */
  namedGoods: ShopGoods | null;
}

export interface BrowseContext extends ShopContext {
  goods: ShopGoods[];
  balance: Balance | null;
  /** The household's counters of today's month, quarter and year. */
  usage: ShopUsage[];
}

export function householdLabel(h: Household): string {
  return `${h.no} ${h.headName}`;
}

async function load(openid: string, browse: { today: string } | null, goodsId?: string): Promise<{ ctx: ShopContext; row: unknown }> {
  const [row] = await aggregateRows(C.users, (a) => {
    let p = a
      .match({ _id: openid })
      .lookup({ from: C.households, localField: 'householdId', foreignField: '_id', as: 'shopHousehold' })
      .lookup({ from: C.shopSettings, localField: 'villageId', foreignField: '_id', as: 'shopSettings' });
    if (goodsId) {
      p = p
        .addFields({ shopGoodsId: { $literal: goodsId } })
        .lookup({ from: C.shopGoods, localField: 'shopGoodsId', foreignField: '_id', as: 'shopNamedGoods' });
    }
    if (browse) {
      // The ids of usageIdsOn(householdId, today), built from the user's own householdId in the pipeline.
      const keys = PERIODS.map((period) => ({ $concat: ['$householdId', `|${periodKey(period, browse.today)}`] }));
      p = p
        .lookup({ from: C.shopGoods, localField: 'villageId', foreignField: 'villageId', as: 'shopGoods' })
        .lookup({ from: C.balances, localField: 'householdId', foreignField: '_id', as: 'shopBalance' })
        .addFields({ shopUsageIds: keys })
        .lookup({ from: C.shopUsage, localField: 'shopUsageIds', foreignField: '_id', as: 'shopUsage' });
    }
    return p;
  });
  const user = activeUser(row);
  if (!user.villageId) throw new AppError('AUTH.NOT_JOINED');
  const [household] = joined(row, 'shopHousehold', householdSchema).filter((h) => h.villageId === user.villageId);
  const [stored] = joined(row, 'shopSettings', shopSettingsSchema);
  const settings: ShopSettingsNow = stored
    ? { mode: stored.mode, events: stored.events, pickupDays: stored.pickupDays }
    : { mode: 'always', events: [], pickupDays: DEFAULT_PICKUP_DAYS };
  const [goods] = goodsId ? joined(row, 'shopNamedGoods', shopGoodsSchema) : [];
  return { ctx: { user, villageId: user.villageId, household: household ?? null, settings, namedGoods: goods ?? null }, row };
}

/** The shop's context; `goodsId`: goods read with it (redeem learns its limit period before its transaction). */
export async function shopContext(openid: string, goodsId?: string): Promise<ShopContext> {
  return (await load(openid, null, goodsId)).ctx;
}

export async function browseContext(openid: string, today: string): Promise<BrowseContext> {
  const { ctx, row } = await load(openid, { today });
  const [balance] = ctx.household ? joined(row, 'shopBalance', balanceSchema) : [];
  return {
    ...ctx,
    goods: joined(row, 'shopGoods', shopGoodsSchema),
    balance: balance ?? null,
    usage: ctx.household ? joined(row, 'shopUsage', shopUsageSchema) : [],
  };
}

/** The caller's household, which redeems and cancels; someone without one is told so. */
export function requireHousehold(ctx: ShopContext): Household {
  if (!ctx.household) throw new AppError('AUTH.FORBIDDEN', '您还没有加入任何一户，不能兑换');
  return ctx.household;
}
