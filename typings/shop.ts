// Function `shop`: the 积分超市 — goods, redemption with a pickup code, the keeper's handover,
// cancellation and expiry (points back), redemption days and the monthly report.

import type { HoldDecision, HoldView } from './hold';

export type LimitPeriod = 'month' | 'quarter' | 'year';

/** At most `qty` pieces per household in each period (China time). */
export interface GoodsLimit {
  period: LimitPeriod;
  qty: number;
}

export interface GoodsView {
  id: string;
  name: string;
  /** Cloud file ID of the photo; '' when none was uploaded yet. */
  photo: string;
  /** Points per piece. */
  price: number;
  stock: number;
  limit: GoodsLimit | null;
  /** e.g. "每户每月限 2 件"; '' without a limit. */
  limitText: string;
  /** Pieces the caller's household took in the limit's current period (0 without a limit). */
  used: number;
  onShelf: boolean;
  /** Cadres: its name did not pass the content check, so villagers do not see it (why). */
  hold: HoldView | null;
  /** Held, and the caller is a cadre who wrote none of it: may release it. */
  canRelease: boolean;
}

/** always: open every day; events: open only during a 兑换活动. */
export type ShopMode = 'always' | 'events';

/** A 兑换活动: China-time dates, both days included. */
export interface RedemptionEventView {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
}

export interface ShopStatus {
  open: boolean;
  /** Why it is closed, or which 兑换活动 is on; '' for a shop open every day. */
  note: string;
  /** The 兑换活动 going on, else the next one; null when none. */
  event: RedemptionEventView | null;
}

export interface BrowseResult {
  /** The caller's household and its available points; null for someone without a household. */
  household: { id: string; label: string; available: number } | null;
  status: ShopStatus;
  /** On the shelf for everyone; cadres also get the goods taken off the shelf. */
  goods: GoodsView[];
  /** Cadres (and the secretary): goods, redemption days, report. */
  canManage: boolean;
  /** Keepers and cadres: verify pickup codes and hand goods over. */
  canVerify: boolean;
  /** Days a household has to collect an order. */
  pickupDays: number;
}

export type OrderStatus = 'open' | 'done' | 'cancelled' | 'expired';

export interface OrderView {
  id: string;
  /** The pickup code (6 characters); the QR holds exactly this text. */
  code: string;
  status: OrderStatus;
  /** 待领取 / 已领取 / 已取消 / 已过期 */
  statusText: string;
  goodsId: string;
  goodsName: string;
  photo: string;
  price: number;
  qty: number;
  /** price × qty */
  points: number;
  householdId: string;
  /** e.g. "3组12号 李长青" */
  householdLabel: string;
  /** Who redeemed (the head, or a member for the household). */
  byName: string;
  /** ISO times. */
  createdAt: string;
  /** Uncollected by then, the order expires and the points come back. */
  expiresAt: string;
  closedAt: string | null;
  /** The keeper who handed it over, or who cancelled. */
  closedByName: string;
}

export interface RedeemRequest {
  /** Generated once per submission: a retried or double-tapped submit makes one order. */
  clientKey: string;
  goodsId: string;
  qty: number;
}

export interface RedeemResult {
  order: OrderView;
  /** The household's available points after the order. */
  available: number;
  /** True when this submission had already made its order (a retry). */
  repeated: boolean;
}

export interface MyOrder extends OrderView {
  /** A QR of the pickup code as a PNG data URL, for open orders; '' otherwise. */
  qr: string;
}

export interface OrdersResult {
  orders: MyOrder[];
  available: number;
}

export interface CancelResult {
  order: OrderView;
  available: number;
}

export interface SaveGoodsRequest {
  /** Generated once per form: a retried "add" makes one goods. */
  clientKey: string;
  /** Omitted to add new goods. */
  id?: string;
  name: string;
  photo: string;
  price: number;
  /** New goods: the stock put on the shelf. */
  stock?: number;
  /** Existing goods: pieces added (restock) or removed (correction); the stock never goes below 0. */
  addStock?: number;
  limit: GoodsLimit | null;
  onShelf: boolean;
}

export interface ShopSettingsView {
  mode: ShopMode;
  pickupDays: number;
  events: RedemptionEventView[];
}

export interface SaveSettingsRequest {
  mode: ShopMode;
  pickupDays: number;
  /** The whole list; an event without id is new. */
  events: { id?: string; title: string; from: string; to: string }[];
}

export interface ReportGoodsLine {
  goodsId: string;
  name: string;
  qty: number;
  points: number;
}

export interface ReportHouseholdLine {
  householdId: string;
  label: string;
  orders: number;
  qty: number;
  points: number;
}

export interface ReportResult {
  /** YYYY-MM, China time: goods handed over in this month. */
  month: string;
  villageName: string;
  totals: { orders: number; qty: number; points: number; households: number };
  goods: ReportGoodsLine[];
  households: ReportHouseholdLine[];
  /** Orders cancelled or expired in the month (their points went back). */
  returned: { cancelled: number; expired: number; points: number };
  /** Handed-over orders of the month, oldest first. */
  orders: OrderView[];
}

export interface ExportResult {
  fileID: string;
  /** A temporary download URL (wx.downloadFile). */
  url: string;
  fileName: string;
}

export interface ShopApi {
  browse: { req: Record<string, never>; res: BrowseResult };
  redeem: { req: RedeemRequest; res: RedeemResult };
  orders: { req: Record<string, never>; res: OrdersResult };
  cancel: { req: { orderId: string }; res: CancelResult };
  /** Keeper: the order of a pickup code (typed or scanned). */
  verify: { req: { code: string }; res: OrderView };
  /** Keeper: hand the goods over, closing the order. */
  handover: { req: { orderId: string }; res: OrderView };
  saveGoods: { req: SaveGoodsRequest; res: GoodsView };
  /** Release held goods (back on the shelf for everyone) or withdraw them (off the shelf). */
  decideGoods: { req: { id: string; decision: HoldDecision }; res: GoodsView };
  settings: { req: Record<string, never>; res: ShopSettingsView };
  saveSettings: { req: SaveSettingsRequest; res: ShopSettingsView };
  report: { req: { month: string }; res: ReportResult };
  exportReport: { req: { month: string }; res: ExportResult };
}
