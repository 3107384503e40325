// Who is calling and what of their village the shop needs, in ONE database request: an aggregation
// from the caller's user document that joins (by indexed fields) their household, the village's
// shop settings and, for browsing, the village's goods, the household's balance and its usage
// counters of the current periods.
import type * as z from 'zod';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { balanceSchema, type Balance } from '../shared/points/model';
import { householdSchema, userSchema, type Household, type User } from '../shared/village/model';
import { shopGoodsSchema, shopSettingsSchema, shopUsageSchema, type ShopGoods, type ShopUsage } from '../shared/shop/model';
import { aggregateRows } from '../shared/repo';
import type { ShopCalendar } from '../shared/shop/calendar';
import { LIMIT_PERIODS, periodKey } from '../shared/shop/period';
import { DEFAULT_PICKUP_DAYS } from '../shared/shop/rules';

export interface ShopSettingsNow extends ShopCalendar {
  pickupDays: number;
}

export interface ShopContext {
  user: User;
  villageId: string;
  household: Household | null;
  settings: ShopSettingsNow;
}

export interface BrowseContext extends ShopContext {
  goods: ShopGoods[];
  balance: Balance | null;
  /** The household's counters of today's month, quarter and year. */
  usage: ShopUsage[];
}

/** The documents joined under `field` (null entries, which a lookup by an array may give, dropped). */
function joined<T>(row: unknown, field: string, schema: z.ZodType<T>): T[] {
  const list: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, field) : undefined;
  return Array.isArray(list) ? list.filter((d) => d !== null && d !== undefined).map((d) => schema.parse(d)) : [];
}

export function householdLabel(h: Household): string {
  return `${h.no} ${h.headName}`;
}

function activeUser(row: unknown): User {
  if (row === undefined) throw new AppError('AUTH.NOT_JOINED');
  const user = userSchema.parse(row);
  // As currentUser(): a pending member waits for a cadre; one who left is no longer of the village.
  if (user.status === 'pending') throw new AppError('AUTH.PENDING');
  if (user.status === 'left') throw new AppError('AUTH.LEFT');
  return user;
}

async function load(openid: string, browse: { today: string } | null): Promise<{ ctx: ShopContext; row: unknown }> {
  const [row] = await aggregateRows(C.users, (a) => {
    let p = a
      .match({ _id: openid })
      .lookup({ from: C.households, localField: 'householdId', foreignField: '_id', as: 'shopHousehold' })
      .lookup({ from: C.shopSettings, localField: 'villageId', foreignField: '_id', as: 'shopSettings' });
    if (browse) {
      // The ids of usageIdsOn(householdId, today), built from the user's own householdId in the pipeline.
      const keys = LIMIT_PERIODS.map((period) => ({ $concat: ['$householdId', `|${periodKey(period, browse.today)}`] }));
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
  return { ctx: { user, villageId: user.villageId, household: household ?? null, settings }, row };
}

export async function shopContext(openid: string): Promise<ShopContext> {
  return (await load(openid, null)).ctx;
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
