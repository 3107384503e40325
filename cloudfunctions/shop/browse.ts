// shop.browse: the shelf, the household's available points and whether the shop is open today —
// one cloud call, one database request (see context.ts).
import type { BrowseResult } from '../../typings';
import { chinaDate } from '../shared/china-time';
import { shopStatus } from '../shared/shop/calendar';
import { periodKey } from '../shared/period';
import { usageId } from '../shared/shop/period';
import { canManageShop, canVerify } from '../shared/shop/rules';
import { browseContext, householdLabel } from './context';
import { goodsView } from './views';

export async function browse(openid: string): Promise<BrowseResult> {
  const today = chinaDate();
  const ctx = await browseContext(openid, today);
  const manage = canManageShop(ctx.user);
  const counts = new Map(ctx.usage.map((u) => [u._id, u.counts]));
  const goods = ctx.goods
    .filter((g) => manage || (g.onShelf && !g.hold))
    .sort((a, b) => Number(b.onShelf) - Number(a.onShelf) || a.price - b.price || a.name.localeCompare(b.name, 'zh'))
    .map((g) => {
      const used = g.limit && ctx.household ? (counts.get(usageId(ctx.household._id, periodKey(g.limit.period, today)))?.[g._id] ?? 0) : 0;
      return goodsView(g, used, ctx.user);
    });
  return {
    household: ctx.household
      ? { id: ctx.household._id, label: householdLabel(ctx.household), available: ctx.balance?.available ?? 0 }
      : null,
    status: shopStatus(ctx.settings, today),
    goods,
    canManage: manage,
    canVerify: canVerify(ctx.user),
    pickupDays: ctx.settings.pickupDays,
  };
}
