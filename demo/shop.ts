// The demo village's 积分超市: everyday goods at points prices a household of the demo can afford,
// orders of last month and this month already handed over (for the report), and an order of the
// demo head waiting for pickup (for "my orders" and the keeper's counter). Every order's points are
// taken from its household's available balance with a 'redeem' ledger event, so the points
// recomputation still finds no differences.
import { chinaDate, lastMonths } from '../cloudfunctions/shared/china-time';
import { C } from '../cloudfunctions/shared/collections';
import { ledgerEventSchema, type Balance, type LedgerEvent } from '../cloudfunctions/shared/points/model';
import {
  shopGoodsSchema,
  shopOrderSchema,
  shopSettingsSchema,
  shopUsageSchema,
  type ShopGoods,
  type ShopOrder,
} from '../cloudfunctions/shared/shop/model';
import type { Household, User } from '../cloudfunctions/shared/village/model';
import { CODE_ALPHABET, CODE_LENGTH } from '../cloudfunctions/shared/shop/code';
import { periodKey } from '../cloudfunctions/shared/period';
import { usageId } from '../cloudfunctions/shared/shop/period';
import { pickupDeadline } from '../cloudfunctions/shared/shop/rules';
import type { SeedStore } from '../localcloud/src/demo-module';
import { between, pick, prng, type Rand } from './names';

type DemoGoods = Pick<ShopGoods, 'name' | 'price' | 'stock' | 'limit' | 'onShelf'>;

const GOODS: DemoGoods[] = [
  { name: '食盐（400克）', price: 3, stock: 180, limit: { period: 'month', qty: 3 }, onShelf: true },
  { name: '洗衣皂（2块装）', price: 5, stock: 120, limit: { period: 'month', qty: 2 }, onShelf: true },
  { name: '牙膏', price: 6, stock: 80, limit: null, onShelf: true },
  { name: '酱油（500毫升）', price: 6, stock: 75, limit: null, onShelf: true },
  { name: '毛巾', price: 8, stock: 60, limit: null, onShelf: true },
  { name: '洗洁精', price: 8, stock: 50, limit: null, onShelf: true },
  { name: '洗衣粉（1公斤）', price: 12, stock: 40, limit: null, onShelf: true },
  { name: '雨伞', price: 18, stock: 0, limit: null, onShelf: true },
  { name: '保温杯', price: 25, stock: 12, limit: { period: 'year', qty: 1 }, onShelf: true },
  { name: '大米（5公斤）', price: 30, stock: 30, limit: { period: 'month', qty: 1 }, onShelf: true },
  { name: '菜籽油（1.8升）', price: 35, stock: 20, limit: { period: 'month', qty: 1 }, onShelf: true },
  { name: '挂面（1公斤）', price: 4, stock: 0, limit: null, onShelf: false },
];

const VILLAGE = 'village-hemei';

function code(rand: Rand, taken: Set<string>): string {
  for (;;) {
    let c = '';
    for (let i = 0; i < CODE_LENGTH; i++) c += pick(rand, [...CODE_ALPHABET]);
    if (!taken.has(c)) {
      taken.add(c);
      return c;
    }
  }
}

function chinaInstant(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** What the seed's orders are made from and what they have made so far. */
interface ShopSeed {
  rand: Rand;
  head: User | undefined;
  keeper: User | undefined;
  label: Map<string, string>;
  available: Map<string, number>;
  usage: Map<string, Record<string, number>>;
  orders: ShopOrder[];
  ledger: LedgerEvent[];
  codes: Set<string>;
}

/** Whether the goods' limit allows the household this many more in the period (and counts them). */
function limitAllows(s: ShopSeed, householdId: string, g: ShopGoods, limitKey: string, qty: number): boolean {
  if (!limitKey) return true;
  const counts = s.usage.get(usageId(householdId, limitKey)) ?? {};
  if ((counts[g._id] ?? 0) + qty > (g.limit?.qty ?? 0)) return false;
  counts[g._id] = (counts[g._id] ?? 0) + qty;
  s.usage.set(usageId(householdId, limitKey), counts);
  return true;
}

/** Who redeemed for the household: the demo head for theirs, a member for the others. */
function redeemer(s: ShopSeed, householdId: string): { by: string; byName: string } {
  if (s.head && householdId === s.head.householdId) return { by: s.head._id, byName: s.head.name };
  return { by: `member-of-${householdId}`, byName: s.label.get(householdId)?.split(' ')[1] ?? '' };
}

/** How an order was closed: handed over by the keeper at `done`, or still open. */
function closing(s: ShopSeed, done: Date | null): Pick<ShopOrder, 'closedAt' | 'closedMonth' | 'closedBy' | 'closedByName'> {
  if (!done) return { closedAt: null, closedMonth: null, closedBy: null, closedByName: '' };
  return {
    closedAt: done,
    closedMonth: chinaDate(done).slice(0, 7),
    closedBy: s.keeper?._id ?? 'demo-keeper',
    closedByName: s.keeper?.name ?? '',
  };
}

/** An order as redeeming leaves it, with its ledger event; skipped when the goods' limit is reached. */
function order(s: ShopSeed, householdId: string, g: ShopGoods, qty: number, createdAt: Date, done: Date | null): void {
  const day = chinaDate(createdAt);
  const limitKey = g.limit ? periodKey(g.limit.period, day) : '';
  if (!limitAllows(s, householdId, g, limitKey, qty)) return;
  const points = g.price * qty;
  const id = `seed-o${String(s.orders.length + 1).padStart(3, '0')}`;
  const who = redeemer(s, householdId);
  s.orders.push(
    shopOrderSchema.parse({
      _id: id,
      villageId: VILLAGE,
      householdId,
      householdLabel: s.label.get(householdId) ?? householdId,
      goodsId: g._id,
      goodsName: g.name,
      photo: g.photo,
      price: g.price,
      qty,
      points,
      code: code(s.rand, s.codes),
      status: done ? 'done' : 'open',
      ...who,
      clientKey: `seed-order-${s.orders.length + 1}`,
      createdAt,
      month: day.slice(0, 7),
      limitKey,
      expiresAt: pickupDeadline(createdAt, 7),
      ...closing(s, done),
    }),
  );
  s.ledger.push(
    ledgerEventSchema.parse({
      _id: `${id}:redeem`,
      villageId: VILLAGE,
      householdId,
      recordId: id,
      kind: 'redeem',
      pending: 0,
      earned: 0,
      available: -points,
      year: Number(day.slice(0, 4)),
      month: day.slice(0, 7),
      by: who.by,
      at: createdAt,
    }),
  );
  s.available.set(householdId, (s.available.get(householdId) ?? 0) - points);
  g.stock = Math.max(0, g.stock - qty);
}

/** Orders handed over on the days given: about three households in ten, goods they can pay for. */
function handedOver(s: ShopSeed, households: Household[], goods: ShopGoods[], days: string[]): void {
  const { rand } = s;
  for (const h of households) {
    if (h._id === s.head?.householdId || rand() < 0.7) continue;
    const g = pick(
      rand,
      goods.filter((x) => x.onShelf && x.stock > 0),
    );
    const qty = g.limit ? 1 : between(rand, 1, 2);
    if ((s.available.get(h._id) ?? 0) < g.price * qty) continue;
    const day = pick(rand, days);
    order(s, h._id, g, qty, chinaInstant(day, 9 + between(rand, 0, 6)), chinaInstant(day, 16));
  }
}

/** The balances as inserted, less what the orders spent. */
async function spend(db: SeedStore, balances: Balance[], available: Map<string, number>): Promise<void> {
  for (const b of balances) {
    const spent = b.available - (available.get(b._id) ?? b.available);
    if (spent) await db.update(C.balances, { _id: b._id }, { $inc: { available: -spent } }, { multi: false, merge: true, upsert: false });
  }
}

/** Seeds the shop; `balances` are the households' balances as just inserted (their available points are spent here). */
export async function seedShop(db: SeedStore, households: Household[], users: User[], balances: Balance[], now: Date): Promise<void> {
  const rand = prng(60);
  const today = chinaDate(now);
  const [lastMonth = today.slice(0, 7)] = lastMonths(today, 2);
  const cadre = users.find((u) => u._id === 'demo-cadre-1');
  const head = users.find((u) => u._id === 'demo-head');
  const goods: ShopGoods[] = GOODS.map((g, i) =>
    shopGoodsSchema.parse({
      _id: `goods-${String(i + 1).padStart(2, '0')}`,
      villageId: VILLAGE,
      photo: '',
      clientKey: `seed-goods-${i + 1}`,
      createdBy: cadre?._id ?? 'demo-cadre-1',
      createdAt: chinaInstant(`${lastMonth}-01`, 9),
      updatedAt: chinaInstant(`${lastMonth}-01`, 9),
      ...g,
    }),
  );
  const s: ShopSeed = {
    rand,
    head,
    keeper: users.find((u) => u._id === 'demo-keeper'),
    label: new Map(households.map((h) => [h._id, `${h.no} ${h.headName}`])),
    available: new Map(balances.map((b) => [b._id, b.available])),
    usage: new Map(),
    orders: [],
    ledger: [],
    codes: new Set(),
  };
  const { available, usage, orders, ledger } = s;

  // Handed over: a 兑换日 at the end of last month, and this month's days so far.
  const dayOfMonth = Number(today.slice(8, 10));
  const days = [
    `${lastMonth}-26`,
    `${lastMonth}-27`,
    ...Array.from({ length: Math.max(0, dayOfMonth - 1) }, (_, i) => `${today.slice(0, 7)}-${String(i + 1).padStart(2, '0')}`),
  ];
  handedOver(s, households, goods, days);
  // Waiting for pickup: the demo head's soap, redeemed a little while ago.
  const soap = goods.find((g) => g.name.startsWith('洗衣皂'));
  if (head?.householdId && soap && (available.get(head.householdId) ?? 0) >= soap.price) {
    order(s, head.householdId, soap, 1, new Date(now.getTime() - 30 * 60_000), null);
  }

  await db.insert(
    C.shopGoods,
    goods.map((g) => shopGoodsSchema.parse(g)),
  );
  await db.insert(C.shopOrders, orders);
  await db.insert(C.ledger, ledger);
  await db.insert(
    C.shopUsage,
    [...usage].map(([_id, counts]) => shopUsageSchema.parse({ _id, householdId: _id.split('|')[0], counts })),
  );
  await spend(db, balances, available);
  await db.insert(C.shopSettings, [
    shopSettingsSchema.parse({
      _id: VILLAGE,
      mode: 'always',
      pickupDays: 7,
      events: [{ id: 'e-demo-1', title: '月末兑换日', from: `${today.slice(0, 7)}-26`, to: `${today.slice(0, 7)}-27` }],
      updatedBy: cadre?._id ?? 'demo-cadre-1',
      updatedAt: chinaInstant(`${lastMonth}-01`, 9),
    }),
  ]);
}
