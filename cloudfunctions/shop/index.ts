// Function `shop`: the 积分超市 — browse and redeem, my orders and cancel, the keeper's verify and
// handover, goods and redemption days (cadres), the monthly report; the `expire` timer.
import * as z from 'zod';
import { createFunction } from '../shared/router';
import { MAX_QTY } from '../shared/shop/rules';
import { browse } from './browse';
import { cancel } from './cancel';
import { expireOrders } from './expire';
import { decideGoods, saveGoods } from './goods';
import { myOrders } from './orders';
import { redeem } from './redeem';
import { exportReport, report } from './report';
import { saveSettings, settings } from './settings';
import { handover, verify } from './verify';
import { empty, id, clientKey, month } from '../shared/wire';

const limit = z.object({ period: z.enum(['month', 'quarter', 'year']), qty: z.number().int().min(1).max(99) }).strict();

export const main = createFunction(
  'shop',
  {
    browse: { input: empty, run: (_req, ctx) => browse(ctx.openid) },
    redeem: {
      input: z.object({ clientKey, goodsId: id, qty: z.number().int().min(1).max(MAX_QTY) }).strict(),
      run: (req, ctx) => redeem(req, ctx.openid),
    },
    orders: { input: empty, run: (_req, ctx) => myOrders(ctx.openid) },
    cancel: { input: z.object({ orderId: id }).strict(), run: (req, ctx) => cancel(req.orderId, ctx.openid) },
    verify: { input: z.object({ code: z.string().min(1).max(32) }).strict(), run: (req, ctx) => verify(req.code, ctx.openid) },
    handover: { input: z.object({ orderId: id }).strict(), run: (req, ctx) => handover(req.orderId, ctx.openid) },
    saveGoods: {
      input: z
        .object({
          clientKey,
          id: id.optional(),
          name: z.string().trim().min(1).max(20),
          photo: z.string().max(300),
          price: z.number().int().min(1).max(100_000),
          stock: z.number().int().min(0).max(100_000).optional(),
          addStock: z.number().int().min(-100_000).max(100_000).optional(),
          limit: limit.nullable(),
          onShelf: z.boolean(),
        })
        .strict(),
      run: (req, ctx) => saveGoods(req, ctx.openid),
    },
    decideGoods: {
      input: z.object({ id, decision: z.enum(['release', 'withdraw']) }).strict(),
      run: (req, ctx) => decideGoods(ctx.openid, req.id, req.decision),
    },
    settings: { input: empty, run: (_req, ctx) => settings(ctx.openid) },
    saveSettings: {
      input: z
        .object({
          mode: z.enum(['always', 'events']),
          pickupDays: z.number().int().min(1).max(60),
          events: z
            .array(
              z
                .object({
                  id: id.optional(),
                  title: z.string().trim().min(1).max(20),
                  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
                  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
                })
                .strict(),
            )
            .max(30),
        })
        .strict(),
      run: (req, ctx) => saveSettings(req, ctx.openid),
    },
    report: { input: z.object({ month }).strict(), run: (req, ctx) => report(req.month, ctx.openid) },
    exportReport: { input: z.object({ month }).strict(), run: (req, ctx) => exportReport(req.month, ctx.openid) },
  },
  expireOrders,
);
