// shop.settings / shop.saveSettings: the village's pickup period and its 兑换活动 (redemption days).
// Cadres only. Event titles are shown to every villager, so they pass the content check.
import { randomBytes } from 'node:crypto';
import type { SaveSettingsRequest, ShopSettingsView } from '../../typings';
import { C } from '../shared/collections';
import { isDate } from '../shared/china-time';
import { requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import type { ShopSettings } from '../shared/shop/model';
import { db } from '../shared/sdk';
import { badEvent } from '../shared/shop/calendar';
import { requireManager } from './goods';
import { shopContext } from './context';
import { settingsView } from './views';
import { currentTime } from '../shared/clock';

export async function settings(openid: string): Promise<ShopSettingsView> {
  const ctx = await shopContext(openid);
  requireManager(ctx.user);
  return settingsView(ctx.settings);
}

export async function saveSettings(req: SaveSettingsRequest, openid: string): Promise<ShopSettingsView> {
  const ctx = await shopContext(openid);
  const user = requireManager(ctx.user);
  for (const e of req.events) {
    if (!isDate(e.from) || !isDate(e.to)) throw new AppError('COMMON.INVALID_INPUT', '活动日期不对');
    if (badEvent(e)) throw new AppError('COMMON.INVALID_INPUT', `「${e.title}」的结束日期早于开始日期`);
  }
  await requireCleanText(openid, req.events.map((e) => e.title).join('\n'), 1);
  const known = new Set(ctx.settings.events.map((e) => e.id));
  const events = req.events.map((e) => ({
    id: e.id && known.has(e.id) ? e.id : `e${randomBytes(5).toString('hex')}`,
    title: e.title,
    from: e.from,
    to: e.to,
  }));
  const doc: Omit<ShopSettings, '_id'> = {
    mode: req.mode,
    pickupDays: req.pickupDays,
    events,
    updatedBy: user._id,
    updatedAt: currentTime(),
  };
  await db.collection(C.shopSettings).doc(ctx.villageId).set({ data: doc });
  return settingsView({ mode: doc.mode, pickupDays: doc.pickupDays, events });
}
