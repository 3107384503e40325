// 积分超市 pages against the real `shop` function on a real local cloud with the demo village: a
// household redeems (one call to browse, one to redeem), sees its code and QR, the keeper verifies it
// (typed or scanned) and hands it over; cancelling gives the points back; cadres add goods with a
// photo, set redemption days and export the month's report.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll, str } from '../../support/sdk';
import { loadPage, type PageHandle, openAs, openPage } from '../support/page';
import { asUser, exchanges, toasts } from '../support/wx';
import { chinaToday, httpGet, shopWx, useShopCloud, writePhoto } from './support';

const { pc, api } = useShopCloud();
const key = (): string => randomBytes(8).toString('hex');
const SALT = 'goods-01'; // 食盐（400克）, 3 积分, 每户每月限 3 件

const shopCalls = (): number => exchanges().filter((x) => x.url.endsWith('/functions/shop')).length;

async function orderByCode(code: string) {
  const [o] = await getAll(pc.db.collection(C.shopOrders).where({ villageId: 'village-hemei', code }));
  if (!o) throw new Error(`no order with code ${code}`);
  return o;
}

async function openShop(openid: string): Promise<PageHandle> {
  const page = await openAs(openid, 'packages/shop/shop/shop');
  return page;
}

test('redeem → my orders → the keeper verifies and hands over', async () => {
  const shop = await openShop('demo-head');
  // The whole shop is ONE cloud call.
  expect(shopCalls()).toBe(1);
  const before = Number(shop.textOf('#available'));
  expect(before).toBeGreaterThanOrEqual(3);
  expect(shop.textOf(`#goods-${SALT}`)).toContain('食盐（400克）');
  expect(shop.textOf(`#goods-${SALT}`)).toContain('每户每月限 3 件');
  expect(shop.textOf('#goods-goods-08')).toContain('已兑完'); // 雨伞: none left
  expect(shop.$('#go-admin')).toBeNull(); // a villager manages nothing

  await shop.tap(`#redeem-${SALT}`);
  expect(shop.textOf('#sheet')).toContain('兑换 食盐（400克）');
  expect(shop.textOf('#cost')).toBe(`共用 3 积分，兑换后剩 ${before - 3} 积分`);
  // A double tap on 确认兑换: one order.
  await shop.tap('#confirm');
  await shop.tap('#confirm');
  await shop.until((d) => d.done !== null && d.submitting === false, 'the order is made');
  expect(shopCalls()).toBe(2); // browse + ONE redeem
  expect(toasts()).toContainEqual({ title: '兑换成功', icon: 'success', duration: 1500 });
  expect(shop.textOf('#available')).toBe(String(before - 3));
  expect(shop.$('#sheet')).toBeNull();
  const code = shop.textOf('#done-code').replace(' ', '');
  expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
  const order = await orderByCode(code);
  expect(order).toMatchObject({ householdId: 'hh-021', goodsId: SALT, qty: 1, points: 3, status: 'open' });
  expect(await getAll(pc.db.collection(C.shopOrders).where({ householdId: 'hh-021', goodsId: SALT }))).toHaveLength(1);
  // The limit's count moved with it, without reloading.
  expect(shop.textOf(`#goods-${SALT}`)).toContain('本期已兑 1 件');

  await shop.tap('.go-orders');
  expect(shopWx.navigations()).toEqual(['/packages/shop/orders/orders']);
  const orders = await openPage('packages/shop/orders/orders');
  const id = str(order, '_id');
  expect(orders.textOf(`#code-${id}`)).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
  // The QR <image> shows a PNG of the code (simulate renders no src attribute: the page's data says it).
  expect(orders.$(`#qr-${id}`)).not.toBeNull();
  expect(JSON.stringify(orders.data.cards)).toMatch(new RegExp(`"id":"${id}".*?"qr":"data:image/png;base64,`));
  expect(orders.textOf(`#order-${id}`)).toContain('待领取');
  expect(orders.textOf(`#order-${id}`)).toMatch(/请在 \d+月\d+日 24:00 前到积分超市出示取货码或二维码领取/);

  // The keeper types the code, lower case and with a space, as read aloud.
  asUser('demo-keeper');
  const verify = await loadPage('packages/shop/verify/verify');
  await verify.dispatch('#code', 'input', { value: `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}` });
  await verify.tap('#find');
  await verify.until((d) => d.found !== null, 'the order is found');
  expect(verify.textOf('#household')).toBe(str(order, 'householdLabel'));
  expect(verify.textOf('#goods')).toBe('食盐（400克） × 1');
  expect(verify.textOf('#status')).toBe('待领取');
  await verify.tap('#hand-over');
  await verify.until((d) => d.handed !== '', 'the goods are handed over');
  expect(verify.textOf('#status')).toBe('已领取');
  expect(verify.$('#hand-over')).toBeNull();
  expect(verify.textOf('#handed')).toContain('已交付');
  expect(str(await orderByCode(code), 'status')).toBe('done');

  // The household sees it collected.
  const after = await openAs('demo-head', 'packages/shop/orders/orders');
  expect(after.textOf(`#order-${id}`)).toContain('已领取');
  expect(after.$(`#code-${id}`)).toBeNull();
});

test('the keeper scans the household QR (its text is the code); another village keeps out', async () => {
  const made = await api().ok('demo-villager', 'redeem', { clientKey: key(), goodsId: SALT, qty: 1 });
  asUser('demo-keeper');
  const verify = await loadPage('packages/shop/verify/verify');
  shopWx.scan(made.order.code);
  await verify.tap('#scan');
  await verify.until((d) => d.found !== null, 'the scanned order is shown');
  expect(verify.textOf('#goods')).toBe('食盐（400克） × 1');
  await verify.tap('#hand-over');
  await verify.until((d) => d.handed !== '', 'handed over');
  // Closing the camera does nothing.
  await verify.tap('#scan');
  expect(verify.textOf('#status')).toBe('已领取');

  // A keeper of 青山村 scanning 和美村's code finds nothing.
  await pc.db.collection(C.users).add({
    data: {
      _id: 'qingshan-keeper',
      name: '青山店员',
      roles: ['keeper'],
      villageId: 'village-qingshan',
      townId: 'town-qingxi',
      householdId: null,
      memberId: null,
    },
  });
  const again = await api().ok('demo-villager', 'redeem', { clientKey: key(), goodsId: SALT, qty: 1 });
  asUser('qingshan-keeper');
  const other = await loadPage('packages/shop/verify/verify');
  shopWx.scan(again.order.code);
  await other.tap('#scan');
  await other.until((d) => d.error !== '', 'refused');
  expect(other.textOf('#error')).toBe('本村没有这个取货码，请核对后再输入');
  expect(other.$('#found')).toBeNull();
  expect(str(await orderByCode(again.order.code), 'status')).toBe('open');
  await api().ok('demo-villager', 'cancel', { orderId: again.order.id });
});

test('cancel before pickup: asked first, then the points come back', async () => {
  const made = await api().ok('demo-head', 'redeem', { clientKey: key(), goodsId: SALT, qty: 1 });
  const page = await openAs('demo-head', 'packages/shop/orders/orders');
  const before = Number(page.textOf('#available'));
  // "不取消": nothing happens.
  shopWx.answerModal(false);
  await page.tap(`#cancel-${made.order.id}`);
  await page.until(() => shopWx.modalTexts().length === 1, 'the question is asked');
  expect(shopWx.modalTexts()[0]).toBe('取消兑换|取消「食盐（400克） × 1」后，3 积分会退回您家。');
  expect(page.textOf(`#order-${made.order.id}`)).toContain('待领取');

  await page.tap(`#cancel-${made.order.id}`);
  await page.until((d) => typeof d.notice === 'string' && d.notice !== '' && d.loading === false, 'cancelled and reloaded');
  expect(page.textOf('#notice')).toBe(`已取消，3 积分已退回，现有可用积分 ${before + 3}`);
  expect(page.textOf('#available')).toBe(String(before + 3));
  expect(page.textOf(`#order-${made.order.id}`)).toContain('已取消');
  expect(page.$(`#cancel-${made.order.id}`)).toBeNull();
});

test('with 兑换活动 set and none on today, the shop says when it opens and nothing can be redeemed', async () => {
  const later = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  await api().ok('demo-cadre-1', 'saveSettings', {
    mode: 'events',
    pickupDays: 7,
    events: [{ title: '月末兑换日', from: later, to: later }],
  });
  try {
    const page = await openShop('demo-head');
    expect(page.textOf('#closed')).toContain('本村积分超市只在兑换活动期间开放，下一次：月末兑换日');
    expect(page.textOf(`#redeem-${SALT}`)).toBe('暂未开放');
    await page.tap(`#redeem-${SALT}`);
    expect(page.$('#sheet')).toBeNull();
  } finally {
    await api().ok('demo-cadre-1', 'saveSettings', { mode: 'always', pickupDays: 7, events: [] });
  }
});

test('a cadre adds goods with a photo; villagers see it on the shelf', async () => {
  const admin = await openAs('demo-cadre-1', 'packages/shop/admin/admin');
  expect(admin.textOf('#row-goods-12')).toContain('已下架'); // cadres also see what is off the shelf
  await admin.tap('#add');
  shopWx.pick(writePhoto('basin.png'));
  await admin.tap('#pick-photo');
  await admin.until(
    (d) => d.uploading === false && typeof d.form === 'object' && d.form !== null && 'photo' in d.form && d.form.photo !== '',
    'the photo is uploaded',
  );
  await admin.dispatch('#name', 'input', { value: '搪瓷脸盆' });
  await admin.dispatch('#price', 'input', { value: '0' });
  await admin.dispatch('#stock', 'input', { value: '8' });
  await admin.tap('#save');
  expect(admin.textOf('#form-error')).toBe('积分价格要填1以上的整数');
  await admin.dispatch('#price', 'input', { value: '15' });
  await admin.tap('#save');
  await admin.until((d) => d.form === null && d.loading === false, 'saved and reloaded');
  expect(admin.textOf('#notice')).toBe('已保存：搪瓷脸盆（库存 8 件，在售）');
  const [saved] = await getAll(pc.db.collection(C.shopGoods).where({ name: '搪瓷脸盆' }));
  const photo = str(saved, 'photo');
  expect(photo).toMatch(/^cloud:\/\/.+\/shop\/goods\/.+\.png$/);
  const path = photo.replace(/^cloud:\/\/[^/]+\//, '');
  expect((await httpGet(`${pc.url}/_storage/files/${path}`)).status).toBe(200);

  const shop = await openShop('demo-villager');
  const id = str(saved, '_id');
  expect(shop.textOf(`#goods-${id}`)).toContain('搪瓷脸盆');
  expect(shop.$(`#goods-${id} .tile`)).toBeNull();
  expect(JSON.stringify(shop.data.cards)).toContain(`"photo":"${pc.url}/_storage/files/${path}"`);
});

test('a cadre reads the month report and exports it as an Excel file to open and forward', async () => {
  const month = chinaToday().slice(0, 7);
  const expected = await api().ok('demo-cadre-2', 'report', { month });
  const page = await openAs('demo-cadre-2', 'packages/shop/report/report');
  expect(page.textOf('#month')).toBe(`${month.slice(0, 4)}年${Number(month.slice(5, 7))}月 ▾`);
  expect(page.textOf('#total-points')).toBe(String(expected.totals.points));
  expect(page.textsOf('.household-line')).toHaveLength(expected.households.length);
  await page.tap('#export');
  await page.until((d) => d.exporting === false && d.exported !== '', 'exported, downloaded and opened');
  expect(page.textOf('#exported')).toContain(`和美村积分超市${month.slice(0, 4)}年${Number(month.slice(5, 7))}月兑换报表.xlsx`);
  const [doc] = shopWx.documents();
  expect(doc).toMatchObject({ fileType: 'xlsx', showMenu: true });
  // A real .xlsx (a zip) came down.
  expect(
    fs
      .readFileSync(doc?.filePath ?? '')
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
  // Villagers are turned away.
  const refused = await openAs('demo-head', 'packages/shop/report/report');
  expect(refused.textOf('#state >>> #load-error')).toBe('只有村干部可以管理积分超市');
});

test('a cadre restocks goods and sets 兑换活动 on the same page', async () => {
  const admin = await openAs('demo-cadre-3', 'packages/shop/admin/admin');
  const [towel] = await getAll(pc.db.collection(C.shopGoods).where({ _id: 'goods-05' }));
  const stock = Number(towel?.stock);
  await admin.tap('#edit-goods-05');
  expect(admin.textOf('#form')).toContain(`补货（现有 ${stock} 件，减少填负数）`);
  await admin.dispatch('#stock', 'input', { value: '+5' });
  await admin.tap('#save');
  await admin.until((d) => d.form === null && d.loading === false, 'restocked');
  expect(admin.textOf('#notice')).toBe(`已保存：毛巾（库存 ${stock + 5} 件，在售）`);

  await admin.tap('#mode-events');
  await admin.dispatch('#pickup-days', 'input', { value: '5' });
  await admin.dispatch('#event-title', 'input', { value: '端午兑换日' });
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await admin.dispatch('#event-from', 'change', { value: day });
  await admin.tap('#add-event');
  expect(admin.textsOf('.event').join('|')).toContain('端午兑换日');
  await admin.tap('#save-settings');
  await admin.until((d) => d.savingSettings === false && toasts().some((t) => t.title === '设置已保存'), 'settings saved');
  try {
    const [settings] = await getAll(pc.db.collection(C.shopSettings).where({ _id: 'village-hemei' }));
    expect(settings).toMatchObject({ mode: 'events', pickupDays: 5 });
    expect(settings?.events).toEqual(expect.arrayContaining([expect.objectContaining({ title: '端午兑换日', from: day, to: day })]));
    const shop = await openShop('demo-head');
    expect(shop.textOf('#closed')).toContain('端午兑换日');
  } finally {
    await api().ok('demo-cadre-3', 'saveSettings', { mode: 'always', pickupDays: 7, events: [] });
  }
});
