// The 积分超市's rules as plain functions: limit periods, redemption days, pickup codes, what a
// redemption needs, the pickup deadline and the monthly report's figures.
import { thrownAppError } from './thrown';
import type { ShopGoods, ShopOrder } from '../../cloudfunctions/shared/shop/model';
import type { User } from '../../cloudfunctions/shared/village/model';
import { shopStatus } from '../../cloudfunctions/shared/shop/calendar';
import { CODE_ALPHABET, formatCode, isPickupCode, newPickupCode, normalizeCode } from '../../cloudfunctions/shared/shop/code';
import { periodKey } from '../../cloudfunctions/shared/period';
import { limitText, usageIdsOn } from '../../cloudfunctions/shared/shop/period';
import { reportFigures, reportSheets, safeCell } from '../../cloudfunctions/shared/shop/report';
import { canManageShop, canVerify, checkRedeem, pickupDeadline, redeemDelta, refundDelta } from '../../cloudfunctions/shared/shop/rules';

const user = (roles: User['roles']): User => ({
  _id: 'u',
  name: '某人',
  roles,
  villageId: 'v',
  townId: 't',
  householdId: null,
  memberId: null,
  status: 'active',
});

const goods = (over: Partial<ShopGoods> = {}): ShopGoods => ({
  _id: 'g1',
  villageId: 'v',
  name: '大米',
  photo: '',
  price: 30,
  stock: 5,
  limit: { period: 'month', qty: 1 },
  onShelf: true,
  clientKey: 'k',
  createdBy: 'c',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});

function refusal(f: () => unknown): string {
  const e = thrownAppError(f);
  return e ? `${e.code} ${e.message}` : 'allowed';
}

test('limit periods are China-time month, quarter and year', () => {
  expect(periodKey('month', '2026-03-31')).toBe('2026-03');
  expect(periodKey('quarter', '2026-03-31')).toBe('2026-Q1');
  expect(periodKey('quarter', '2026-04-01')).toBe('2026-Q2');
  expect(periodKey('quarter', '2026-12-01')).toBe('2026-Q4');
  expect(periodKey('year', '2026-12-31')).toBe('2026');
  expect(usageIdsOn('hh-1', '2026-05-02')).toEqual(['hh-1|2026-05', 'hh-1|2026-Q2', 'hh-1|2026']);
  expect(limitText({ period: 'quarter', qty: 2 })).toBe('每户每季度限 2 件');
  expect(limitText(null)).toBe('');
});

test('who manages and who verifies', () => {
  expect([
    canManageShop(user(['cadre'])),
    canManageShop(user(['secretary'])),
    canManageShop(user(['keeper'])),
    canManageShop(user(['head'])),
  ]).toEqual([true, true, false, false]);
  expect([canVerify(user(['keeper'])), canVerify(user(['cadre'])), canVerify(user(['gridLeader'])), canVerify(user(['villager']))]).toEqual(
    [true, true, false, false],
  );
});

test('redemption days: open every day, or only inside a 兑换活动 (both days included)', () => {
  const events = [
    { id: 'b', title: '年货兑换', from: '2026-01-20', to: '2026-01-22' },
    { id: 'a', title: '三月兑换日', from: '2026-03-05', to: '2026-03-05' },
  ];
  expect(shopStatus({ mode: 'always', events: [] }, '2026-02-01')).toEqual({ open: true, note: '', event: null });
  expect(shopStatus({ mode: 'events', events }, '2026-01-20').open).toBe(true);
  expect(shopStatus({ mode: 'events', events }, '2026-01-22')).toMatchObject({
    open: true,
    note: '正在进行：年货兑换（1月20日至1月22日）',
  });
  const closed = shopStatus({ mode: 'events', events }, '2026-01-23');
  expect(closed).toMatchObject({ open: false, event: { id: 'a' } });
  expect(closed.note).toBe('本村积分超市只在兑换活动期间开放，下一次：三月兑换日（3月5日）');
  expect(shopStatus({ mode: 'events', events }, '2026-04-01')).toMatchObject({ open: false, event: null });
  expect(shopStatus({ mode: 'events', events: [] }, '2026-04-01').note).toContain('请留意村里通知');
});

test('pickup codes: six unambiguous symbols, typed any way', () => {
  for (const c of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B']) expect(CODE_ALPHABET).not.toContain(c);
  const codes = new Set(Array.from({ length: 2000 }, () => newPickupCode()));
  expect(codes.size).toBeGreaterThan(1990);
  for (const c of codes) expect(isPickupCode(c)).toBe(true);
  let i = 0;
  expect(newPickupCode(() => i++ % 3)).toBe('346346');
  expect(normalizeCode(' k7m-3pq ')).toBe('K7M3PQ');
  expect(normalizeCode('k7m 3pq')).toBe('K7M3PQ');
  expect(isPickupCode('K7M3PQ')).toBe(true);
  expect(isPickupCode('K7M3P')).toBe(false);
  expect(isPickupCode('K7M3P0')).toBe(false);
  expect(formatCode('K7M3PQ')).toBe('K7M 3PQ');
});

test('a redemption needs the goods of the village, on the shelf, within the limit, in stock, and the points', () => {
  const ok = { goods: goods(), villageId: 'v', qty: 1, available: 30, used: 0 };
  expect(checkRedeem(ok)._id).toBe('g1');
  expect(refusal(() => checkRedeem({ ...ok, goods: null }))).toMatch(/^COMMON.NOT_FOUND/);
  expect(refusal(() => checkRedeem({ ...ok, villageId: 'other' }))).toMatch(/^COMMON.NOT_FOUND/);
  expect(refusal(() => checkRedeem({ ...ok, goods: goods({ onShelf: false }) }))).toMatch(/^SHOP.OFF_SHELF/);
  expect(refusal(() => checkRedeem({ ...ok, used: 1 }))).toBe('SHOP.LIMIT_REACHED 「大米」本月每户限 1 件，您家已经兑满了');
  expect(refusal(() => checkRedeem({ ...ok, goods: goods({ limit: { period: 'year', qty: 3 } }), qty: 2, used: 2, available: 100 }))).toBe(
    'SHOP.LIMIT_REACHED 「大米」本年每户限 3 件，您家还能兑 1 件',
  );
  expect(refusal(() => checkRedeem({ ...ok, goods: goods({ stock: 0 }) }))).toBe('SHOP.SOLD_OUT 「大米」已经兑完了');
  expect(refusal(() => checkRedeem({ ...ok, goods: goods({ stock: 1, limit: null }), qty: 2, available: 100 }))).toBe(
    'SHOP.SOLD_OUT 「大米」只剩 1 件了',
  );
  expect(refusal(() => checkRedeem({ ...ok, available: 29 }))).toBe('SHOP.NOT_ENOUGH_POINTS 可用积分不够：需要 30 分，您家现有 29 分');
  expect(refusal(() => checkRedeem({ ...ok, available: -3 }))).toBe('SHOP.NOT_ENOUGH_POINTS 可用积分不够：需要 30 分，您家现有 0 分');
});

test('a redemption spends available points only, and its refund gives back exactly that', () => {
  expect(redeemDelta(35)).toEqual({ pending: 0, earned: 0, available: -35 });
  expect(refundDelta(35)).toEqual({ pending: 0, earned: 0, available: 35 });
});

test('the pickup deadline is the end of the N-th China day after the redemption', () => {
  // 23:30 China time on 3 March (15:30 UTC): 7 days → the end of 10 March, China time.
  expect(pickupDeadline(new Date('2026-03-03T15:30:00Z'), 7).toISOString()).toBe('2026-03-10T16:00:00.000Z');
  // 00:10 China time on 4 March (16:10 UTC on the 3rd) is already the 4th in China.
  expect(pickupDeadline(new Date('2026-03-03T16:10:00Z'), 7).toISOString()).toBe('2026-03-11T16:00:00.000Z');
  expect(pickupDeadline(new Date('2026-03-31T02:00:00Z'), 1).toISOString()).toBe('2026-04-01T16:00:00.000Z');
});

test('the report folds what went out per goods and per household; what came back apart', () => {
  const at = new Date('2026-03-10T02:00:00Z');
  const order = (id: string, householdId: string, goodsId: string, qty: number, price: number, status: ShopOrder['status']): ShopOrder => ({
    _id: id,
    villageId: 'v',
    householdId,
    householdLabel: `${householdId} 户主`,
    goodsId,
    goodsName: goodsId === 'rice' ? '大米' : '=食盐',
    photo: '',
    price,
    qty,
    points: price * qty,
    code: 'AAAAAA',
    status,
    by: 'u',
    byName: '某人',
    clientKey: id,
    createdAt: at,
    month: '2026-03',
    limitKey: '',
    expiresAt: at,
    closedAt: at,
    closedMonth: '2026-03',
    closedBy: 'k',
    closedByName: '店员',
  });
  const figures = reportFigures([
    order('1', 'hh-1', 'rice', 1, 30, 'done'),
    order('2', 'hh-2', 'salt', 3, 3, 'done'),
    order('3', 'hh-1', 'salt', 1, 3, 'done'),
    order('4', 'hh-2', 'rice', 1, 30, 'cancelled'),
    order('5', 'hh-3', 'salt', 2, 3, 'expired'),
  ]);
  expect(figures.totals).toEqual({ orders: 3, qty: 5, points: 42, households: 2 });
  expect(figures.goods).toEqual([
    { goodsId: 'rice', name: '大米', qty: 1, points: 30 },
    { goodsId: 'salt', name: '=食盐', qty: 4, points: 12 },
  ]);
  expect(figures.households.map((h) => [h.householdId, h.orders, h.qty, h.points])).toEqual([
    ['hh-1', 2, 2, 33],
    ['hh-2', 1, 3, 9],
  ]);
  expect(figures.returned).toEqual({ cancelled: 1, expired: 1, points: 36 });
  const sheets = reportSheets({ month: '2026-03', villageName: '和美村', ...figures, orders: [] }, (iso) => iso.slice(0, 10));
  expect(sheets.map((s) => s.name)).toEqual(['汇总', '分户', '明细']);
  expect(sheets[0]?.rows[0]).toEqual(['和美村 积分超市 2026年3月 兑换报表']);
  // A name that would be a formula in Excel stays text.
  expect(sheets[0]?.rows.some((r) => r[0] === "'=食盐")).toBe(true);
  expect(safeCell('+86')).toBe("'+86");
  expect(safeCell('大米')).toBe('大米');
});
