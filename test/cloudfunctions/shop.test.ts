// The shop function through the real path: the built function on a local cloud with the demo
// village (and its demo shop), called as each role. Refusals are checked to change nothing; money
// (points) is checked to the point, and against the points recomputation.
import ExcelJS from 'exceljs';
import type { GoodsView, RedeemRequest, SaveGoodsRequest, SaveSettingsRequest } from '../../typings';
import { C } from '../../cloudfunctions/shared/collections';
import { userSchema, type User } from '../../cloudfunctions/shared/village/model';
import { count, getAll, num, settled, str, type Doc } from '../support/sdk';
import { key, goodsDraft } from './drafts';
import { demoCloudPerFile } from './support';

const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const DAY = 86_400_000;
/** DB requests per action, reported at the end. */
const figures: Record<string, number[]> = {};
const note = (action: string, n: number): void => {
  figures[action] = [...(figures[action] ?? []), n];
};

/** Settings that open the shop only on these 兑换活动 days. */
const eventDays = (pickupDays: number, events: SaveSettingsRequest['events']): SaveSettingsRequest => ({
  mode: 'events',
  pickupDays,
  events,
});

const user = (u: Partial<User> & Pick<User, '_id' | 'name' | 'roles'>): User =>
  userSchema.parse({ villageId: 'village-hemei', townId: 'town-qingxi', householdId: null, memberId: null, ...u });

const demo = demoCloudPerFile();
beforeAll(async () => {
  await settled(
    demo.db.collection(C.users).add({
      data: [
        user({ _id: 'qingshan-keeper', name: '青山店员', roles: ['keeper', 'villager'], villageId: 'village-qingshan' }),
        user({ _id: 'qingshan-cadre', name: '青山干部', roles: ['cadre'], villageId: 'village-qingshan' }),
        user({ _id: 'hemei-keeper-only', name: '店员小何', roles: ['keeper'] }),
      ],
    }),
  );
});
afterAll(async () => {
  const lines = Object.entries(figures).map(([action, ns]) => `  ${action}: ${[...new Set(ns)].sort((a, b) => a - b).join(', ')}`);
  console.log(`shop: database requests per cloud call\n${lines.join('\n')}`);
});

async function available(householdId: string): Promise<number> {
  const [b] = await getAll(demo.db.collection(C.balances).where({ _id: householdId }));
  return b ? num(b, 'available') : 0;
}

async function doc(coll: string, id: string): Promise<Doc | undefined> {
  const [d] = await getAll(demo.db.collection(coll).where({ _id: id }));
  return d;
}

async function newGoods(fields: Partial<SaveGoodsRequest> = {}): Promise<GoodsView> {
  return demo.api.ok('demo-cadre-1', 'shop', 'saveGoods', {
    clientKey: key(),
    name: '测试商品',
    photo: '',
    price: 5,
    stock: 10,
    limit: null,
    onShelf: true,
    ...fields,
  });
}

async function redeem(openid: string, payload: RedeemRequest, label = 'redeem (any outcome, races included)') {
  const reply = await demo.api.call(openid, 'shop', 'redeem', payload);
  note(label, reply.dbRequests);
  return reply.envelope;
}

async function redeemOk(openid: string, payload: RedeemRequest, label?: string) {
  const envelope = await redeem(openid, payload, label);
  if (!envelope.ok) throw new Error(`redeem refused: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

async function fireExpiry(at: Date): Promise<number> {
  const out = await demo.cloud.control<{ result?: { ok: boolean; data?: { expired: number } }; invocation?: { dbRequests: number } }>(
    'POST',
    '/_localcloud/timers/shop/expire',
    {
      time: at.toISOString(),
    },
  );
  if (!out.result?.ok || !out.result.data) throw new Error(`timer failed: ${JSON.stringify(out)}`);
  note(`expire timer (${out.result.data.expired} expired)`, out.invocation?.dbRequests ?? NaN);
  return out.result.data.expired;
}

async function recomputeClean(): Promise<void> {
  expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
}

test('browse is one cloud call and one database request: the shelf, the points, open today', async () => {
  const reply = await demo.api.call('demo-head', 'shop', 'browse', {});
  note('browse', reply.dbRequests);
  expect(reply.dbRequests).toBe(1);
  expect(reply.envelope.ok).toBe(true);
  if (!reply.envelope.ok) return;
  const b = reply.envelope.data;
  expect(b.status.open).toBe(true);
  expect(b.household?.id).toBe('hh-021');
  expect(b.household?.available).toBe(await available('hh-021'));
  expect(b.goods.length).toBeGreaterThanOrEqual(10);
  expect(b.goods.every((g) => g.onShelf)).toBe(true); // a villager never sees what is off the shelf
  expect(b.goods.map((g) => g.name)).toContain('大米（5公斤）');
  // The demo head's open soap order counts against the soap's monthly limit.
  const soap = b.goods.find((g) => g.name.startsWith('洗衣皂'));
  expect([soap?.limitText, soap?.used]).toEqual(['每户每月限 2 件', 1]);
  expect([b.canManage, b.canVerify]).toEqual([false, false]);

  const cadre = await demo.api.call('demo-cadre-1', 'shop', 'browse', {});
  note('browse', cadre.dbRequests);
  expect(cadre.dbRequests).toBe(1);
  if (!cadre.envelope.ok) throw new Error('cadre browse refused');
  expect(cadre.envelope.data.goods.some((g) => !g.onShelf)).toBe(true);
  expect([cadre.envelope.data.canManage, cadre.envelope.data.canVerify]).toEqual([true, true]);
  const keeper = await demo.api.ok('demo-keeper', 'shop', 'browse', {});
  expect([keeper.canManage, keeper.canVerify]).toEqual([false, true]);
});

test('redeem takes points and stock in one transaction, writes the ledger event, and the keeper hands it over', async () => {
  const goods = await newGoods({ name: '香皂', price: 2, stock: 3, limit: { period: 'month', qty: 2 } });
  const before = await available('hh-022');
  // demo-villager is a member of hh-022: a member redeems for the household.
  const r = await redeemOk('demo-villager', { clientKey: key(), goodsId: goods.id, qty: 2 }, 'redeem (new order, goods with a limit)');
  expect(r.repeated).toBe(false);
  expect(r.order).toMatchObject({ status: 'open', statusText: '待领取', qty: 2, points: 4, goodsName: '香皂', householdId: 'hh-022' });
  expect(r.order.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
  expect(r.available).toBe(before - 4);
  expect(await available('hh-022')).toBe(before - 4);
  expect(num(await doc(C.shopGoods, goods.id), 'stock')).toBe(1);
  const event = await doc(C.ledger, `${r.order.id}:redeem`);
  expect(event).toMatchObject({ kind: 'redeem', householdId: 'hh-022', available: -4, earned: 0, pending: 0, recordId: r.order.id });
  // Pickup within the village's period, to the end of the day.
  const deadline = Date.parse(r.order.expiresAt) - Date.parse(r.order.createdAt);
  expect(deadline).toBeGreaterThan(7 * DAY);
  expect(deadline).toBeLessThanOrEqual(8 * DAY);

  // My orders: the code and its QR (a PNG of exactly the code).
  const mine = await demo.api.call('demo-head', 'shop', 'orders', {});
  note('orders', mine.dbRequests);
  const hers = await demo.api.ok('demo-villager', 'shop', 'orders', {});
  const listed = hers.orders.find((o) => o.id === r.order.id);
  expect(listed?.qr).toMatch(/^data:image\/png;base64,/);
  expect(hers.available).toBe(before - 4);

  // The limit: 2 a month for the household, whoever of it redeems.
  const over = await redeem('demo-villager', { clientKey: key(), goodsId: goods.id, qty: 1 });
  expect(over.ok ? '' : over.error.code).toBe('SHOP.LIMIT_REACHED');

  // The keeper types the code (any case, with a space) and hands it over.
  const seen = await demo.api.call('demo-keeper', 'shop', 'verify', {
    code: `${r.order.code.slice(0, 3).toLowerCase()} ${r.order.code.slice(3)}`,
  });
  note('verify', seen.dbRequests);
  expect(seen.envelope.ok && seen.envelope.data.id).toBe(r.order.id);
  const done = await demo.api.call('demo-keeper', 'shop', 'handover', { orderId: r.order.id });
  note('handover', done.dbRequests);
  expect(done.envelope.ok && done.envelope.data.status).toBe('done');
  expect(done.envelope.ok && done.envelope.data.closedByName).toBeTruthy();
  const again = await demo.api.refused('demo-keeper', 'shop', 'handover', { orderId: r.order.id });
  expect([again.code, again.message]).toEqual(['SHOP.ORDER_CLOSED', '这个兑换单已经领取过了']);
  // Handed over: no cancelling, no expiry, no refund.
  expect((await demo.api.refused('demo-villager', 'shop', 'cancel', { orderId: r.order.id })).code).toBe('SHOP.ORDER_CLOSED');
  await fireExpiry(new Date(Date.now() + 30 * DAY));
  expect(await doc(C.ledger, `${r.order.id}:refund`)).toBeUndefined();
  expect(await available('hh-022')).toBe(before - 4);
  await recomputeClean();
});

test('30 households racing for the last 5 items make exactly 5 orders, and every balance is exact', async () => {
  const goods = await newGoods({ name: '抢兑毛巾', price: 5, stock: 5 });
  const rows = await getAll(
    demo.db
      .collection(C.balances)
      .where({ villageId: 'village-hemei', available: demo.db.command.gte(5) })
      .limit(1000),
  );
  const households = rows
    .map((r) => str(r, '_id'))
    .filter((id) => id >= 'hh-040')
    .slice(0, 30);
  expect(households).toHaveLength(30);
  await settled(
    demo.db
      .collection(C.users)
      .add({ data: households.map((h) => user({ _id: `race-${h}`, name: `户主${h}`, roles: ['head', 'villager'], householdId: h })) }),
  );
  const before = new Map(await Promise.all(households.map(async (h) => [h, await available(h)] as const)));
  const [orders0, ledger0] = [await count(demo.db.collection(C.shopOrders)), await count(demo.db.collection(C.ledger))];

  const outcomes = await Promise.all(households.map((h) => redeem(`race-${h}`, { clientKey: key(), goodsId: goods.id, qty: 1 })));
  const won = outcomes.flatMap((o) => (o.ok ? [o.data] : []));
  const refusals = outcomes.flatMap((o) => (o.ok ? [] : [o.error.code]));
  expect(won).toHaveLength(5);
  expect(new Set(refusals)).toEqual(new Set(['SHOP.SOLD_OUT']));
  expect(new Set(won.map((w) => w.order.code)).size).toBe(5);

  expect(num(await doc(C.shopGoods, goods.id), 'stock')).toBe(0);
  expect(await count(demo.db.collection(C.shopOrders))).toBe(orders0 + 5);
  expect(await count(demo.db.collection(C.ledger))).toBe(ledger0 + 5);
  const winners = new Set(won.map((w) => w.order.householdId));
  for (const h of households) expect([h, await available(h)]).toEqual([h, (before.get(h) ?? NaN) - (winners.has(h) ? 5 : 0)]);
  await recomputeClean();
});

test('a double-tapped redeem, and a retry after it, make one order', async () => {
  const goods = await newGoods({ name: '双击牙刷', price: 1, stock: 10 });
  const before = await available('hh-021');
  const payload = { clientKey: key(), goodsId: goods.id, qty: 1 };
  const first = await redeemOk('demo-head', { ...payload, clientKey: key() }, 'redeem (new order, goods without a limit)');
  const [a, b] = await Promise.all([redeemOk('demo-head', payload), redeemOk('demo-head', payload)]);
  const retry = await redeemOk('demo-head', payload, 'redeem (a retry: the order it made)');
  expect(new Set([a.order.id, b.order.id, retry.order.id]).size).toBe(1);
  expect(new Set([a.order.code, b.order.code, retry.order.code]).size).toBe(1);
  expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
  expect(retry.repeated).toBe(true);
  expect(await count(demo.db.collection(C.shopOrders).where({ goodsId: goods.id }))).toBe(2);
  expect(num(await doc(C.shopGoods, goods.id), 'stock')).toBe(8);
  expect(await available('hh-021')).toBe(before - 2);
  expect(retry.available).toBe(before - 2);
  note('cancel', (await demo.api.call('demo-head', 'shop', 'cancel', { orderId: first.order.id })).dbRequests);
});

test('cancel before pickup refunds exactly once, stock and limit come back', async () => {
  const goods = await newGoods({ name: '取消测试', price: 2, stock: 4, limit: { period: 'year', qty: 1 } });
  const before = await available('hh-021');
  const r = await redeemOk('demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 });
  expect(await available('hh-021')).toBe(before - 2);
  // The other household's member cannot cancel it; nor can the keeper.
  expect((await demo.api.refused('demo-villager', 'shop', 'cancel', { orderId: r.order.id })).code).toBe('AUTH.FORBIDDEN');
  expect((await demo.api.refused('demo-keeper', 'shop', 'cancel', { orderId: r.order.id })).code).toBe('AUTH.FORBIDDEN');

  const replies = await Promise.all([1, 2, 3].map(() => demo.api.call('demo-head', 'shop', 'cancel', { orderId: r.order.id })));
  for (const x of replies) note('cancel (three at once, one refunds)', x.dbRequests);
  const oks = replies.filter((x) => x.envelope.ok);
  expect(oks).toHaveLength(1);
  expect(replies.filter((x) => !x.envelope.ok).map((x) => (x.envelope.ok ? '' : x.envelope.error.code))).toEqual([
    'SHOP.ORDER_CLOSED',
    'SHOP.ORDER_CLOSED',
  ]);
  const ok = oks[0]?.envelope;
  expect(ok?.ok && ok.data.order.status).toBe('cancelled');
  expect(ok?.ok && ok.data.available).toBe(before);
  expect(await available('hh-021')).toBe(before);
  expect(await count(demo.db.collection(C.ledger).where({ recordId: r.order.id }))).toBe(2);
  expect(await doc(C.ledger, `${r.order.id}:refund`)).toMatchObject({ kind: 'refund', available: 2 });
  expect(num(await doc(C.shopGoods, goods.id), 'stock')).toBe(4);
  // The yearly limit of 1 is free again.
  const again = await redeemOk('demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 });
  await demo.api.ok('demo-head', 'shop', 'cancel', { orderId: again.order.id });
  await recomputeClean();
});

test('uncollected orders expire after the village period, refunded exactly once however often the timer fires', async () => {
  await demo.api.ok('demo-cadre-2', 'shop', 'saveSettings', { mode: 'always', pickupDays: 3, events: [] });
  const goods = await newGoods({ name: '过期测试', price: 3, stock: 5 });
  const before = await available('hh-021');
  const r = await redeemOk('demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 });
  const deadline = Date.parse(r.order.expiresAt);
  expect(deadline - Date.parse(r.order.createdAt)).toBeGreaterThan(3 * DAY);
  expect(deadline - Date.parse(r.order.createdAt)).toBeLessThanOrEqual(4 * DAY);

  // Before the deadline the timer leaves it alone.
  await fireExpiry(new Date(deadline - 60_000));
  expect(str(await doc(C.shopOrders, r.order.id), 'status')).toBe('open');
  // After it: expired, refunded; the same timer fired again (and twice at once) refunds nothing more.
  const after = new Date(deadline + 60_000);
  const firsts = await Promise.all([fireExpiry(after), fireExpiry(after)]);
  expect(firsts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
  expect(await fireExpiry(after)).toBe(0);
  expect(str(await doc(C.shopOrders, r.order.id), 'status')).toBe('expired');
  expect(await available('hh-021')).toBe(before);
  expect(await count(demo.db.collection(C.ledger).where({ recordId: r.order.id, kind: 'refund' }))).toBe(1);
  expect(num(await doc(C.shopGoods, goods.id), 'stock')).toBe(5);
  // Past its deadline the keeper cannot hand it over; the household cannot cancel it.
  expect((await demo.api.refused('demo-keeper', 'shop', 'handover', { orderId: r.order.id })).code).toBe('SHOP.ORDER_CLOSED');
  expect((await demo.api.refused('demo-head', 'shop', 'cancel', { orderId: r.order.id })).message).toContain('过期');
  await demo.api.ok('demo-cadre-2', 'shop', 'saveSettings', { mode: 'always', pickupDays: 7, events: [] });
  await recomputeClean();
});

test('a keeper or cadre of another village is refused, and the order stays as it was', async () => {
  const goods = await newGoods({ name: '外村测试', price: 1, stock: 5 });
  const r = await redeemOk('demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 });
  for (const who of ['qingshan-keeper', 'qingshan-cadre']) {
    // Their village's orders are the only ones their code search sees.
    expect((await demo.api.refused(who, 'shop', 'verify', { code: r.order.code })).code).toBe('COMMON.NOT_FOUND');
    expect((await demo.api.refused(who, 'shop', 'handover', { orderId: r.order.id })).code).toBe('AUTH.OTHER_VILLAGE');
  }
  expect(
    (await demo.api.refused('qingshan-cadre', 'shop', 'saveGoods', goodsDraft('改名', { id: goods.id, price: 1, addStock: 100 }))).code,
  ).toBe('AUTH.OTHER_VILLAGE');
  // Nor may someone of this village who is no keeper.
  expect((await demo.api.refused('demo-villager', 'shop', 'verify', { code: r.order.code })).code).toBe('AUTH.FORBIDDEN');
  expect((await demo.api.refused('demo-grid-1', 'shop', 'handover', { orderId: r.order.id })).code).toBe('AUTH.FORBIDDEN');
  expect(await doc(C.shopOrders, r.order.id)).toMatchObject({ status: 'open', closedBy: null });
  expect(await doc(C.shopGoods, goods.id)).toMatchObject({ name: '外村测试', stock: 4 });
  // A keeper without a household of their own (not a head) still works the counter.
  expect((await demo.api.ok('hemei-keeper-only', 'shop', 'verify', { code: r.order.code })).id).toBe(r.order.id);
  await demo.api.ok('demo-head', 'shop', 'cancel', { orderId: r.order.id });
});

test('redemption days: with 兑换活动 set, the shop opens only inside one', async () => {
  const goods = await newGoods({ name: '活动测试', price: 1, stock: 5 });
  const t = today();
  const later = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
  const saved = await demo.api.ok('demo-cadre-1', 'shop', 'saveSettings', eventDays(7, [{ title: '春季兑换日', from: later, to: later }]));
  expect(saved.events[0]?.id).toMatch(/^e/);
  const closed = await demo.api.ok('demo-head', 'shop', 'browse', {});
  expect(closed.status.open).toBe(false);
  expect(closed.status.note).toContain('春季兑换日');
  try {
    const refused = await demo.api.refused('demo-head', 'shop', 'redeem', { clientKey: key(), goodsId: goods.id, qty: 1 });
    expect(refused.code).toBe('SHOP.CLOSED');
    expect(refused.message).toContain('兑换活动');

    await demo.api.ok('demo-cadre-1', 'shop', 'saveSettings', eventDays(7, [...saved.events, { title: '今日兑换', from: t, to: t }]));
    const open = await demo.api.ok('demo-head', 'shop', 'browse', {});
    expect(open.status).toMatchObject({ open: true, event: { title: '今日兑换', from: t, to: t } });
    const r = await redeemOk('demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 });
    await demo.api.ok('demo-head', 'shop', 'cancel', { orderId: r.order.id });
    const settings = await demo.api.ok('demo-cadre-1', 'shop', 'settings', {});
    expect(settings.events.map((e) => e.title)).toEqual(['今日兑换', '春季兑换日']);
  } finally {
    await demo.api.ok('demo-cadre-1', 'shop', 'saveSettings', { mode: 'always', pickupDays: 7, events: [] });
  }
});

test('goods admin: cadres add (once per form), restock and take goods off the shelf; villagers cannot', async () => {
  const form = {
    clientKey: key(),
    name: '搪瓷盆',
    photo: 'cloud://local-dev.local-bucket/shop/goods/pen.jpg',
    price: 15,
    stock: 6,
    limit: { period: 'quarter' as const, qty: 1 },
    onShelf: true,
  };
  const [a, b] = await Promise.all([
    demo.api.ok('demo-cadre-1', 'shop', 'saveGoods', form),
    demo.api.ok('demo-cadre-1', 'shop', 'saveGoods', form),
  ]);
  expect(a.id).toBe(b.id);
  expect(await count(demo.db.collection(C.shopGoods).where({ name: '搪瓷盆' }))).toBe(1);
  expect(a).toMatchObject({ photo: form.photo, stock: 6, limitText: '每户每季度限 1 件' });
  const edit = { clientKey: key(), id: a.id, name: '搪瓷盆（大）', photo: form.photo, price: 16, addStock: 4, limit: null, onShelf: false };
  const edited = await demo.api.ok('demo-secretary', 'shop', 'saveGoods', edit);
  expect(edited).toMatchObject({ name: '搪瓷盆（大）', price: 16, stock: 10, onShelf: false, limit: null });
  // The same edit submitted again adds no stock twice.
  expect((await demo.api.ok('demo-secretary', 'shop', 'saveGoods', edit)).stock).toBe(10);
  expect((await demo.api.ok('demo-head', 'shop', 'browse', {})).goods.map((g) => g.id)).not.toContain(a.id);
  const off = await demo.api.refused('demo-head', 'shop', 'redeem', { clientKey: key(), goodsId: a.id, qty: 1 });
  expect(off.code).toBe('SHOP.OFF_SHELF');
});

test('bad input changes nothing', async () => {
  const goods = await newGoods({ name: '限购测试', price: 2, stock: 3, limit: { period: 'month', qty: 1 } });
  const dear = await newGoods({ name: '贵重商品', price: 100_000, stock: 3 });
  await settled(
    demo.db.collection(C.shopGoods).add({
      data: {
        _id: 'goods-qingshan',
        villageId: 'village-qingshan',
        name: '青山村的米',
        photo: '',
        price: 1,
        stock: 9,
        limit: null,
        onShelf: true,
        clientKey: 'x',
        createdBy: 'x',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    }),
  );
  const taken = await redeemOk('demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 });
  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      await Promise.all([
        getAll(demo.db.collection(C.shopGoods).limit(1000)),
        getAll(demo.db.collection(C.shopOrders).limit(1000)),
        getAll(demo.db.collection(C.shopUsage).limit(1000)),
        getAll(demo.db.collection(C.shopSettings)),
        count(demo.db.collection(C.ledger)),
        getAll(demo.db.collection(C.balances).where({ _id: demo.db.command.in(['hh-021', 'hh-022']) })),
      ]),
    );
  const before = await snapshot();
  const redeems: [string, RedeemRequest, string][] = [
    ['demo-head', { clientKey: key(), goodsId: goods.id, qty: 0 }, 'COMMON.INVALID_INPUT'],
    ['demo-head', { clientKey: key(), goodsId: goods.id, qty: 21 }, 'COMMON.INVALID_INPUT'],
    ['demo-head', { clientKey: key(), goodsId: goods.id, qty: 1.5 }, 'COMMON.INVALID_INPUT'],
    ['demo-head', { clientKey: 'x', goodsId: goods.id, qty: 1 }, 'COMMON.INVALID_INPUT'],
    ['demo-head', { clientKey: key(), goodsId: 'no-such-goods', qty: 1 }, 'COMMON.NOT_FOUND'],
    ['demo-head', { clientKey: key(), goodsId: 'goods-qingshan', qty: 1 }, 'COMMON.NOT_FOUND'],
    ['demo-head', { clientKey: key(), goodsId: 'goods-12', qty: 1 }, 'SHOP.OFF_SHELF'],
    ['demo-head', { clientKey: key(), goodsId: 'goods-08', qty: 1 }, 'SHOP.SOLD_OUT'],
    ['demo-head', { clientKey: key(), goodsId: goods.id, qty: 1 }, 'SHOP.LIMIT_REACHED'],
    ['demo-villager', { clientKey: key(), goodsId: dear.id, qty: 1 }, 'SHOP.NOT_ENOUGH_POINTS'],
    ['hemei-keeper-only', { clientKey: key(), goodsId: dear.id, qty: 1 }, 'AUTH.FORBIDDEN'],
    ['demo-town', { clientKey: key(), goodsId: goods.id, qty: 1 }, 'AUTH.NOT_JOINED'],
    ['nobody', { clientKey: key(), goodsId: goods.id, qty: 1 }, 'AUTH.NOT_JOINED'],
  ];
  for (const [who, payload, code] of redeems) {
    const error = await demo.api.refused(who, 'shop', 'redeem', payload);
    expect([who, payload.goodsId, payload.qty, error.code]).toEqual([who, payload.goodsId, payload.qty, code]);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  const goodsForm = { clientKey: key(), name: '新商品', photo: '', price: 3, stock: 1, limit: null, onShelf: true };
  const admin: [string, SaveGoodsRequest, string][] = [
    ['demo-head', goodsForm, 'AUTH.FORBIDDEN'],
    ['demo-keeper', goodsForm, 'AUTH.FORBIDDEN'],
    ['demo-cadre-1', { ...goodsForm, price: 0 }, 'COMMON.INVALID_INPUT'],
    ['demo-cadre-1', { ...goodsForm, stock: -1 }, 'COMMON.INVALID_INPUT'],
    ['demo-cadre-1', { ...goodsForm, name: ' ' }, 'COMMON.INVALID_INPUT'],
    ['demo-cadre-1', { ...goodsForm, photo: 'http://example.com/a.jpg' }, 'COMMON.INVALID_INPUT'],
    ['demo-cadre-1', { ...goodsForm, limit: { period: 'month', qty: 0 } }, 'COMMON.INVALID_INPUT'],
    ['demo-cadre-1', { ...goodsForm, id: goods.id, stock: undefined, addStock: -3 }, 'COMMON.INVALID_INPUT'],
    ['demo-cadre-1', { ...goodsForm, id: 'goods-qingshan', stock: undefined }, 'AUTH.OTHER_VILLAGE'],
    ['demo-cadre-1', { ...goodsForm, id: 'no-such-goods', stock: undefined }, 'COMMON.NOT_FOUND'],
  ];
  for (const [who, payload, code] of admin) {
    const error = await demo.api.refused(who, 'shop', 'saveGoods', payload);
    expect([who, payload.name, error.code]).toEqual([who, payload.name, code]);
  }
  const others: [string, Promise<{ code: string }>, string][] = [
    ['cancel other household', demo.api.refused('demo-villager', 'shop', 'cancel', { orderId: taken.order.id }), 'AUTH.FORBIDDEN'],
    ['cancel missing', demo.api.refused('demo-head', 'shop', 'cancel', { orderId: 'no-such-order' }), 'COMMON.NOT_FOUND'],
    ['verify bad code', demo.api.refused('demo-keeper', 'shop', 'verify', { code: 'O0I1L' }), 'COMMON.INVALID_INPUT'],
    ['verify unknown code', demo.api.refused('demo-keeper', 'shop', 'verify', { code: 'AAAAAA' }), 'COMMON.NOT_FOUND'],
    ['handover by villager', demo.api.refused('demo-head', 'shop', 'handover', { orderId: taken.order.id }), 'AUTH.FORBIDDEN'],
    ['settings by villager', demo.api.refused('demo-head', 'shop', 'saveSettings', eventDays(3, [])), 'AUTH.FORBIDDEN'],
    [
      'event ends before it starts',
      demo.api.refused('demo-cadre-1', 'shop', 'saveSettings', eventDays(3, [{ title: '倒序', from: '2026-05-02', to: '2026-05-01' }])),
      'COMMON.INVALID_INPUT',
    ],
    [
      'event not a date',
      demo.api.refused('demo-cadre-1', 'shop', 'saveSettings', eventDays(3, [{ title: '错日', from: '2026-02-30', to: '2026-03-01' }])),
      'COMMON.INVALID_INPUT',
    ],
    [
      'pickup days 0',
      demo.api.refused('demo-cadre-1', 'shop', 'saveSettings', { mode: 'always', pickupDays: 0, events: [] }),
      'COMMON.INVALID_INPUT',
    ],
    ['report by villager', demo.api.refused('demo-head', 'shop', 'report', { month: today().slice(0, 7) }), 'AUTH.FORBIDDEN'],
    ['report bad month', demo.api.refused('demo-cadre-1', 'shop', 'report', { month: '2026-13' }), 'COMMON.INVALID_INPUT'],
  ];
  for (const [what, refusal, code] of others) expect([what, (await refusal).code]).toEqual([what, code]);
  // Malformed calls never reach the rules.
  const raw = async (payload: unknown): Promise<string | undefined> =>
    (await demo.cloud.call<{ error?: { code: string } }>('shop', { action: 'redeem', payload }, 'demo-head')).body.result?.error?.code;
  expect(await raw({ clientKey: key(), goodsId: goods.id, qty: '1' })).toBe('COMMON.INVALID_INPUT');
  expect(await raw({ clientKey: key(), goodsId: goods.id, qty: 1, householdId: 'hh-100' })).toBe('COMMON.INVALID_INPUT');
  expect(await raw(null)).toBe('COMMON.INVALID_INPUT');
  // A user's call dressed up as the timer is no timer.
  const fake = await demo.cloud.call<{ ok: boolean; error?: { code: string } }>(
    'shop',
    { Type: 'Timer', TriggerName: 'expire', Time: new Date(Date.now() + 99 * DAY).toISOString() },
    'demo-head',
  );
  expect(fake.body.result?.ok).toBe(false);
  // Nor is a call with no caller at all (the HTTP API, an anonymous web client): only the cloud's own
  // trigger (SOURCE wx_trigger) runs the timer, and it reads its clock, not the event's Time.
  const anonymous = await demo.cloud.call<{ ok: boolean; error?: { code: string } }>(
    'shop',
    { Type: 'Timer', TriggerName: 'expire', Time: '2099-01-01T00:00:00Z' },
    '',
  );
  expect(anonymous.body.result).toMatchObject({ ok: false });

  expect(await snapshot()).toBe(before);
  await demo.api.ok('demo-head', 'shop', 'cancel', { orderId: taken.order.id });
});

test('the monthly report: what went out, points spent, per household; exported as an Excel file', async () => {
  const month = today().slice(0, 7);
  const base = await demo.api.call('demo-cadre-3', 'shop', 'report', { month });
  note('report', base.dbRequests);
  if (!base.envelope.ok) throw new Error('report refused');
  const r0 = base.envelope.data;
  const goods = await newGoods({ name: '报表商品', price: 3, stock: 10 });
  // Two households with points to spend.
  const rich = await getAll(
    demo.db
      .collection(C.balances)
      .where({ villageId: 'village-hemei', available: demo.db.command.gte(12) })
      .orderBy('_id', 'desc')
      .limit(2),
  );
  const [x, y] = rich.map((r) => str(r, '_id'));
  if (!x || !y) throw new Error('no demo households with points');
  await settled(
    demo.db
      .collection(C.users)
      .add({ data: [x, y].map((h) => user({ _id: `report-${h}`, name: `户主${h}`, roles: ['head', 'villager'], householdId: h })) }),
  );
  const a = await redeemOk(`report-${x}`, { clientKey: key(), goodsId: goods.id, qty: 2 });
  const b = await redeemOk(`report-${y}`, { clientKey: key(), goodsId: goods.id, qty: 1 });
  const c = await redeemOk(`report-${y}`, { clientKey: key(), goodsId: goods.id, qty: 1 });
  await demo.api.ok('demo-keeper', 'shop', 'handover', { orderId: a.order.id });
  await demo.api.ok('demo-keeper', 'shop', 'handover', { orderId: b.order.id });
  await demo.api.ok(`report-${y}`, 'shop', 'cancel', { orderId: c.order.id });

  const r = await demo.api.ok('demo-cadre-3', 'shop', 'report', { month });
  expect(r.villageName).toBe('和美村');
  expect(r.totals.orders).toBe(r0.totals.orders + 2);
  expect(r.totals.points).toBe(r0.totals.points + 9);
  expect(r.goods.find((g) => g.goodsId === goods.id)).toEqual({ goodsId: goods.id, name: '报表商品', qty: 3, points: 9 });
  expect(r.returned.cancelled).toBe(r0.returned.cancelled + 1);
  expect(r.households.reduce((s, h) => s + h.points, 0)).toBe(r.totals.points);
  expect(r.orders.map((o) => o.id)).toEqual(expect.arrayContaining([a.order.id, b.order.id]));

  const exported = await demo.api.call('demo-cadre-3', 'shop', 'exportReport', { month });
  note('exportReport', exported.dbRequests);
  if (!exported.envelope.ok) throw new Error(`export refused: ${JSON.stringify(exported.envelope)}`);
  expect(exported.envelope.data.fileName).toMatch(/^和美村积分超市\d{4}年\d{1,2}月兑换报表\.xlsx$/);
  const file = await fetch(exported.envelope.data.url);
  expect(file.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '分户', '明细']);
  const summary = book.getWorksheet('汇总');
  expect(summary?.getCell('A1').text).toContain('和美村 积分超市');
  expect(summary?.getCell('B5').value).toBe(r.totals.points);
  const detail = book.getWorksheet('明细');
  const codes: string[] = [];
  detail?.eachRow((row) => codes.push(row.getCell(1).text));
  expect(codes).toEqual(expect.arrayContaining([a.order.code, b.order.code]));
  await recomputeClean();
});
