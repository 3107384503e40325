// The documents of 积分超市 as stored: goods, orders, each household's usage of a limit period, and a
// village's shop settings.
import * as z from 'zod';
import { holdSchema } from '../hold';

export const goodsLimitSchema = z.object({ period: z.enum(['month', 'quarter', 'year']), qty: z.number().int().min(1) });

/** Goods of one village's 积分超市. Never deleted: taken off the shelf instead. */
export const shopGoodsSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  name: z.string(),
  /** Cloud file ID of the photo, '' when none was uploaded yet. */
  photo: z.string(),
  /** Points per piece. */
  price: z.number().int().min(1),
  stock: z.number().int().min(0),
  limit: goodsLimitSchema.nullable(),
  onShelf: z.boolean(),
  /** Its name did not pass the content check: off the shelf for villagers until another cadre releases it. */
  hold: holdSchema.nullable().optional(),
  clientKey: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ShopGoods = z.infer<typeof shopGoodsSchema>;

/**
 * One redemption: its points and stock were taken with it (in one transaction, with the ledger
 * event `<id>:redeem`); handed over (done), or cancelled / expired with the points back (`<id>:refund`).
 */
export const shopOrderSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  goodsId: z.string(),
  goodsName: z.string(),
  photo: z.string(),
  price: z.number().int(),
  qty: z.number().int().min(1),
  points: z.number().int(),
  /** The pickup code, unique in the village. */
  code: z.string(),
  status: z.enum(['open', 'done', 'cancelled', 'expired']),
  by: z.string(),
  byName: z.string(),
  clientKey: z.string(),
  createdAt: z.date(),
  /** YYYY-MM (China) of createdAt. */
  month: z.string(),
  /** The key of the limit period the order counted in (e.g. 2026-03), '' for goods without a limit. */
  limitKey: z.string(),
  expiresAt: z.date(),
  closedAt: z.date().nullable(),
  /** YYYY-MM (China) of closedAt: the month of the report it belongs to. */
  closedMonth: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedByName: z.string(),
});
export type ShopOrder = z.infer<typeof shopOrderSchema>;

/** What a household took in one limit period ("hh|2026-03"), per goods. */
export const shopUsageSchema = z.object({
  _id: z.string(),
  householdId: z.string(),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type ShopUsage = z.infer<typeof shopUsageSchema>;

export const redemptionEventSchema = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** A village's 积分超市 settings; _id is the village id. A village without one is open every day. */
export const shopSettingsSchema = z.object({
  _id: z.string(),
  mode: z.enum(['always', 'events']),
  /** Days a household has to collect an order before it expires. */
  pickupDays: z.number().int().min(1).max(60),
  events: z.array(redemptionEventSchema),
  updatedBy: z.string(),
  updatedAt: z.date(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;
