// Stored shop documents → the contract's views.
import type { GoodsView, OrderStatus, OrderView, RedemptionEventView, ShopSettingsView } from '../../typings';
import { mayReleaseHeld } from '../shared/access';
import { holdView } from '../shared/hold';
import type { ShopGoods, ShopOrder } from '../shared/shop/model';
import type { User } from '../shared/village/model';
import { limitText } from '../shared/shop/period';
import type { ShopSettingsNow } from './context';

const STATUS_TEXT: Record<OrderStatus, string> = { open: '待领取', done: '已领取', cancelled: '已取消', expired: '已过期' };

export function statusText(status: OrderStatus): string {
  return STATUS_TEXT[status];
}

/** Who wrote held goods' text: whoever added them and whoever wrote the name that was held. */
export function goodsWriters(g: ShopGoods): string[] {
  return g.hold ? [g.createdBy, g.hold.by] : [g.createdBy];
}

export function goodsView(g: ShopGoods, used: number, viewer: User): GoodsView {
  return {
    id: g._id,
    name: g.name,
    photo: g.photo,
    price: g.price,
    stock: g.stock,
    limit: g.limit,
    limitText: limitText(g.limit),
    used,
    onShelf: g.onShelf,
    hold: holdView(g.hold),
    canRelease: Boolean(g.hold) && mayReleaseHeld(viewer, g.villageId, goodsWriters(g)),
  };
}

export function orderView(o: ShopOrder): OrderView {
  return {
    id: o._id,
    code: o.code,
    status: o.status,
    statusText: STATUS_TEXT[o.status],
    goodsId: o.goodsId,
    goodsName: o.goodsName,
    photo: o.photo,
    price: o.price,
    qty: o.qty,
    points: o.points,
    householdId: o.householdId,
    householdLabel: o.householdLabel,
    byName: o.byName,
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    closedAt: o.closedAt ? o.closedAt.toISOString() : null,
    closedByName: o.closedByName,
  };
}

export function settingsView(s: ShopSettingsNow): ShopSettingsView {
  const events: RedemptionEventView[] = [...s.events].sort((a, b) => a.from.localeCompare(b.from));
  return { mode: s.mode, pickupDays: s.pickupDays, events };
}
