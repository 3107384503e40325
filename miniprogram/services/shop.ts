// The 积分超市 service (function `shop`), all through call(): browse and redeem, my orders and
// cancel, the keeper's verify and handover, goods and redemption days, the monthly report.
import type {
  BrowseResult,
  CancelResult,
  ExportResult,
  GoodsView,
  HoldDecision,
  OrdersResult,
  OrderView,
  RedeemRequest,
  RedeemResult,
  ReportResult,
  SaveGoodsRequest,
  SaveSettingsRequest,
  ShopSettingsView,
} from '../../typings/index';
import { call } from './cloud';

export function browseShop(): Promise<BrowseResult> {
  return call('shop', 'browse', {});
}

export function redeem(req: RedeemRequest): Promise<RedeemResult> {
  return call('shop', 'redeem', req);
}

export function myOrders(): Promise<OrdersResult> {
  return call('shop', 'orders', {});
}

export function cancelOrder(orderId: string): Promise<CancelResult> {
  return call('shop', 'cancel', { orderId });
}

export function verifyCode(code: string): Promise<OrderView> {
  return call('shop', 'verify', { code });
}

export function handOver(orderId: string): Promise<OrderView> {
  return call('shop', 'handover', { orderId });
}

export function saveGoods(req: SaveGoodsRequest): Promise<GoodsView> {
  return call('shop', 'saveGoods', req);
}

export function shopSettings(): Promise<ShopSettingsView> {
  return call('shop', 'settings', {});
}

export function saveShopSettings(req: SaveSettingsRequest): Promise<ShopSettingsView> {
  return call('shop', 'saveSettings', req);
}

export function monthReport(month: string): Promise<ReportResult> {
  return call('shop', 'report', { month });
}

export function exportReport(month: string): Promise<ExportResult> {
  return call('shop', 'exportReport', { month });
}

/** "K7M 3PQ": the pickup code in two groups, easier to read aloud. */
export function codeText(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** The one character a goods' tile shows when it has no photo yet: "大" of "大米（5公斤）". */
export function initialOf(name: string): string {
  return name.charAt(0);
}

/** A cadre who wrote none of it releases held goods (villagers see them) or withdraws them (off the shelf). */
export function decideGoods(id: string, decision: HoldDecision): Promise<GoodsView> {
  return call('shop', 'decideGoods', { id, decision });
}
