// Single-document updates are atomic under concurrency, from this process and from many function
// instances at once; transactions that check then update never oversell.
import { useLocalCloud } from '../support/harness';
import { count, getAll, getDoc, num, settled } from '../support/sdk';

const s = useLocalCloud({ functions: 'test', env: { LOCALCLOUD_MAX_INSTANCES: '4' } });

test('50 concurrent _.inc(1) on one document land as 50', async () => {
  const coll = await s.collection('counter', [{ _id: 'c', n: 0 }]);
  const results = await Promise.all(Array.from({ length: 50 }, () => settled(coll.doc('c').update({ data: { n: s._.inc(1) } }))));
  expect(results.map((r) => r.stats.updated)).toEqual(Array.from({ length: 50 }, () => 1));
  expect(num(await getDoc(coll.doc('c')), 'n')).toBe(50);
});

test('50 concurrent _.inc(1) from function instances land as 50', async () => {
  const coll = await s.collection('fncounter', [{ _id: 'c', n: 0 }]);
  const replies = await Promise.all(
    Array.from({ length: 50 }, (_, i) => s.lc.call('probe', { op: 'inc', coll: coll.collectionName, id: 'c' }, `oUser${i}`)),
  );
  expect(replies.map((r) => r.body.errMsg)).toEqual(Array.from({ length: 50 }, () => 'cloud.callFunction:ok'));
  expect(num(await getDoc(coll.doc('c')), 'n')).toBe(50);
});

test('concurrent multi-document increments and pushes lose nothing', async () => {
  const coll = await s.collection(
    'rows',
    Array.from({ length: 10 }, (_, i) => ({ _id: `r${i}`, n: 0, seen: [] })),
  );
  await Promise.all(
    Array.from({ length: 25 }, (_, i) => settled(coll.where({ n: s._.gte(0) }).update({ data: { n: s._.inc(2), seen: s._.push(i) } }))),
  );
  const rows = await getAll(coll);
  expect(rows).toHaveLength(10);
  for (const row of rows) {
    expect(row.n).toBe(50);
    expect(Array.isArray(row.seen) ? [...row.seen].sort((a, b) => Number(a) - Number(b)) : row.seen).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
  }
});

test('concurrent adds all land, with distinct ids', async () => {
  const coll = await s.collection('adds');
  const ids = await Promise.all(Array.from({ length: 200 }, async (_, i) => String((await settled(coll.add({ data: { i } })))._id)));
  expect(new Set(ids).size).toBe(200);
  expect(await count(coll)).toBe(200);
});

test('concurrent set() upserts of one id leave exactly one document', async () => {
  const coll = await s.collection('upserts');
  await Promise.all(Array.from({ length: 20 }, (_, i) => settled(coll.doc('one').set({ data: { writer: i } }))));
  expect(await count(coll)).toBe(1);
  expect(typeof (await getDoc(coll.doc('one'))).writer).toBe('number');
});

test('concurrent buyers in transactions never take the stock below zero', async () => {
  const STOCK = 10;
  const BUYERS = 30;
  const stock = await s.collection('stock', [{ _id: 'rice', stock: STOCK }]);
  const orders = await s.collection('orders');
  const replies = await Promise.all(
    Array.from({ length: BUYERS }, (_, i) =>
      s.lc.call<{ outcome: string; attempts: number }>(
        'shop',
        { stock: stock.collectionName, orders: orders.collectionName, item: 'rice' },
        `oBuyer${i}`,
      ),
    ),
  );
  for (const r of replies) expect(r.body.errMsg).toBe('cloud.callFunction:ok');
  const outcomes = replies.map((r) => r.body.result?.outcome);
  expect(outcomes.filter((o) => o === 'bought')).toHaveLength(STOCK);
  expect(outcomes.filter((o) => o === 'sold out')).toHaveLength(BUYERS - STOCK);
  expect(num(await getDoc(stock.doc('rice')), 'stock')).toBe(0);
  const placed = await getAll(orders.limit(100));
  expect(placed).toHaveLength(STOCK);
  // Every sale saw a different stock level: no two buyers sold the same unit.
  expect(placed.map((o) => o.stockSeen).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: STOCK }, (_, i) => i + 1));
  expect(new Set(placed.map((o) => o.buyer)).size).toBe(STOCK);
});
