// Update operators of db.command, doc().set() replacement and upsert, multi-document update and
// remove, db.serverDate() and Dates, through the real wx-server-sdk.
import { useLocalCloud } from '../support/harness';
import { count, getAll, getDoc, serverDate, settled, type CollectionRef, type Doc } from '../support/sdk';

const s = useLocalCloud();

let coll: CollectionRef;
let n = 0;

beforeAll(async () => {
  coll = await s.collection('updates');
});

/**
 * Stores `doc` under a new id, applies `data` with doc().update(), returns the stored result.
 * `stats.updated` counts documents that changed (MongoDB's nModified), so a no-op reports 0.
 */
async function updated(doc: Doc, data: Doc): Promise<Doc> {
  const id = `u${++n}`;
  await settled(coll.add({ data: { _id: id, ...doc } }));
  const { stats } = await settled(coll.doc(id).update({ data }));
  const { _id: ignored, ...before } = await getDoc(coll.doc(id));
  expect(ignored).toBe(id);
  expect(stats.updated).toBe(JSON.stringify(before) === JSON.stringify(doc) ? 0 : 1);
  return before;
}

describe('field operators', () => {
  test('a plain nested object merges into the stored one', async () => {
    const doc = await updated(
      { profile: { name: '张三', age: 30, home: { village: '东村', no: 1 } } },
      { profile: { age: 31, home: { no: 2 } } },
    );
    expect(doc).toEqual({ profile: { name: '张三', age: 31, home: { village: '东村', no: 2 } } });
  });

  test('_.set replaces the whole nested value', async () => {
    const doc = await updated({ profile: { name: '张三', age: 30, home: { village: '东村', no: 1 } } }, { profile: s._.set({ age: 31 }) });
    expect(doc).toEqual({ profile: { age: 31 } });
  });

  test('dotted paths update one nested field and create missing parents', async () => {
    const doc = await updated({ a: { b: 1, c: 2 } }, { 'a.b': 10, 'x.y.z': 'new' });
    expect(doc).toEqual({ a: { b: 10, c: 2 }, x: { y: { z: 'new' } } });
  });

  test('an array index path updates one element', async () => {
    const doc = await updated({ list: [{ v: 1 }, { v: 2 }] }, { 'list.1.v': 20 });
    expect(doc).toEqual({ list: [{ v: 1 }, { v: 20 }] });
  });

  test('inc and mul, also on missing fields', async () => {
    expect(await updated({ points: 5 }, { points: s._.inc(3) })).toEqual({ points: 8 });
    expect(await updated({ points: 5 }, { points: s._.inc(-7.5) })).toEqual({ points: -2.5 });
    expect(await updated({}, { points: s._.inc(2) })).toEqual({ points: 2 });
    expect(await updated({ price: 4 }, { price: s._.mul(2.5) })).toEqual({ price: 10 });
    expect(await updated({}, { price: s._.mul(3) })).toEqual({ price: 0 });
    expect(await updated({ stats: { n: 1 } }, { 'stats.n': s._.inc(1), stats2: { m: s._.inc(4) } })).toEqual({
      stats: { n: 2 },
      stats2: { m: 4 },
    });
  });

  test('min and max keep the smaller or larger value', async () => {
    expect(await updated({ low: 5, high: 5 }, { low: s._.min(3), high: s._.max(3) })).toEqual({ low: 3, high: 5 });
    expect(await updated({ low: 5, high: 5 }, { low: s._.min(9), high: s._.max(9) })).toEqual({ low: 5, high: 9 });
    const at = new Date('2030-01-01T00:00:00Z');
    expect(await updated({ last: new Date('2020-01-01T00:00:00Z') }, { last: s._.max(at) })).toEqual({ last: at });
  });

  test('remove deletes a field, also a nested one', async () => {
    expect(await updated({ a: 1, b: { c: 2, d: 3 } }, { a: s._.remove(), 'b.c': s._.remove() })).toEqual({ b: { d: 3 } });
  });

  test('rename moves a field', async () => {
    expect(await updated({ old: 'v', keep: 1 }, { old: s._.rename('fresh') })).toEqual({ keep: 1, fresh: 'v' });
    expect(await updated({ a: { b: 1 } }, { 'a.b': s._.rename('a.c') })).toEqual({ a: { c: 1 } });
  });

  test('a field set to null stays, with the value null', async () => {
    expect(await updated({ a: 1 }, { a: null })).toEqual({ a: null });
  });
});

describe('array operators', () => {
  test('push appends one or more values', async () => {
    expect(await updated({ t: ['a'] }, { t: s._.push('b') })).toEqual({ t: ['a', 'b'] });
    expect(await updated({ t: ['a'] }, { t: s._.push(['b', 'c']) })).toEqual({ t: ['a', 'b', 'c'] });
    expect(await updated({}, { t: s._.push('x') })).toEqual({ t: ['x'] });
  });

  test('push with each and position inserts in place', async () => {
    expect(await updated({ t: [1, 2, 3] }, { t: s._.push({ each: [9, 8], position: 1 }) })).toEqual({ t: [1, 9, 8, 2, 3] });
    expect(await updated({ t: [1, 2, 3] }, { t: s._.push({ each: [0], position: 0 }) })).toEqual({ t: [0, 1, 2, 3] });
  });

  test('push with slice keeps the first or last elements', async () => {
    expect(await updated({ t: [1, 2, 3] }, { t: s._.push({ each: [4, 5], slice: 3 }) })).toEqual({ t: [1, 2, 3] });
    expect(await updated({ t: [1, 2, 3] }, { t: s._.push({ each: [4, 5], slice: -2 }) })).toEqual({ t: [4, 5] });
  });

  test('push with sort orders the array, by value or by a field', async () => {
    expect(await updated({ t: [3, 1] }, { t: s._.push({ each: [2], sort: -1 }) })).toEqual({ t: [3, 2, 1] });
    const list = [
      { n: 'b', s: 2 },
      { n: 'a', s: 9 },
    ];
    expect(await updated({ t: list }, { t: s._.push({ each: [{ n: 'c', s: 5 }], sort: { s: -1 }, slice: 2 }) })).toEqual({
      t: [
        { n: 'a', s: 9 },
        { n: 'c', s: 5 },
      ],
    });
  });

  test('pop and shift remove the last and the first element', async () => {
    expect(await updated({ t: [1, 2, 3] }, { t: s._.pop() })).toEqual({ t: [1, 2] });
    expect(await updated({ t: [1, 2, 3] }, { t: s._.shift() })).toEqual({ t: [2, 3] });
  });

  test('unshift prepends values', async () => {
    expect(await updated({ t: [3] }, { t: s._.unshift(1, 2) })).toEqual({ t: [1, 2, 3] });
    expect(await updated({ t: [3] }, { t: s._.unshift([0]) })).toEqual({ t: [0, 3] });
  });

  test('pull removes every element equal to a value or matching a condition', async () => {
    expect(await updated({ t: [1, 2, 1, 3] }, { t: s._.pull(1) })).toEqual({ t: [2, 3] });
    expect(await updated({ t: [1, 5, 7, 2] }, { t: s._.pull(s._.gte(5)) })).toEqual({ t: [1, 2] });
    const items = [
      { k: 'a', v: 1 },
      { k: 'b', v: 2 },
      { k: 'a', v: 3 },
    ];
    expect(await updated({ t: items }, { t: s._.pull({ k: 'a' }) })).toEqual({ t: [{ k: 'b', v: 2 }] });
  });

  test('pullAll removes every listed value', async () => {
    expect(await updated({ t: [1, 2, 3, 2, 4] }, { t: s._.pullAll([2, 4]) })).toEqual({ t: [1, 3] });
  });

  test('addToSet adds only what is missing', async () => {
    expect(await updated({ t: ['a', 'b'] }, { t: s._.addToSet('a') })).toEqual({ t: ['a', 'b'] });
    expect(await updated({ t: ['a', 'b'] }, { t: s._.addToSet('c') })).toEqual({ t: ['a', 'b', 'c'] });
    // addToSet passes its operand through, so several values are given as MongoDB's $each.
    expect(await updated({ t: ['a'] }, { t: s._.addToSet({ $each: ['a', 'b', 'b', 'c'] }) })).toEqual({ t: ['a', 'b', 'c'] });
    expect(await updated({ t: [{ k: 1 }] }, { t: s._.addToSet({ k: 1 }) })).toEqual({ t: [{ k: 1 }] });
  });

  test('several operators in one update apply together', async () => {
    const doc = await updated({ n: 1, t: [1], name: 'x', gone: true }, { n: s._.inc(1), t: s._.push(2), name: 'y', gone: s._.remove() });
    expect(doc).toEqual({ n: 2, t: [1, 2], name: 'y' });
  });
});

describe('doc().set()', () => {
  test('replaces the whole document, keeping its _id', async () => {
    await settled(coll.add({ data: { _id: 'set1', a: 1, nested: { b: 2 } } }));
    const res = await settled(coll.doc('set1').set({ data: { c: 3 } }));
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect(await getDoc(coll.doc('set1'))).toEqual({ _id: 'set1', c: 3 });
  });

  test('creates the document when it does not exist (upsert)', async () => {
    const res = await settled(coll.doc('set2').set({ data: { fresh: true, at: new Date('2024-06-01T00:00:00Z') } }));
    expect(res._id).toBe('set2');
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect(await getDoc(coll.doc('set2'))).toEqual({ _id: 'set2', fresh: true, at: new Date('2024-06-01T00:00:00Z') });
  });

  test('refuses update operators', async () => {
    await expect(settled(coll.doc('set3').set({ data: { n: s._.inc(1) } }))).rejects.toBeTruthy();
    expect(await count(coll.where({ _id: 'set3' }))).toBe(0);
  });
});

describe('update and remove on a query', () => {
  test('where().update() changes every match and reports how many', async () => {
    const c = await s.collection('multi', [
      { _id: 'm1', village: '东村', points: 1 },
      { _id: 'm2', village: '东村', points: 2 },
      { _id: 'm3', village: '西村', points: 3 },
    ]);
    const { stats } = await settled(c.where({ village: '东村' }).update({ data: { points: s._.inc(10), bonus: true } }));
    expect(stats.updated).toBe(2);
    const list = await getAll(c.orderBy('_id', 'asc'));
    expect(list).toEqual([
      { _id: 'm1', village: '东村', points: 11, bonus: true },
      { _id: 'm2', village: '东村', points: 12, bonus: true },
      { _id: 'm3', village: '西村', points: 3 },
    ]);
  });

  test('an update that matches nothing changes nothing', async () => {
    const c = await s.collection('nomatch', [{ _id: 'x', v: 1 }]);
    const { stats } = await settled(c.where({ v: 2 }).update({ data: { v: 3 } }));
    expect(stats.updated).toBe(0);
    const single = await settled(c.doc('missing').update({ data: { v: 3 } }));
    expect(single.stats.updated).toBe(0);
    expect(await count(c)).toBe(1);
  });

  test('where().remove() deletes every match, doc().remove() one', async () => {
    const c = await s.collection('removals', [
      { _id: 'r1', v: 1 },
      { _id: 'r2', v: 1 },
      { _id: 'r3', v: 2 },
      { _id: 'r4', v: 3 },
    ]);
    const many = await settled(c.where({ v: 1 }).remove());
    expect(many.stats.removed).toBe(2);
    const one = await settled(c.doc('r3').remove());
    expect(one.stats.removed).toBe(1);
    const none = await settled(c.doc('r3').remove());
    expect(none.stats.removed).toBe(0);
    expect((await getAll(c)).map((d) => d._id)).toEqual(['r4']);
  });
});

describe('dates', () => {
  test('db.serverDate() becomes the server time, with its offset', async () => {
    const before = Date.now();
    const id = await settled(coll.add({ data: { at: s.db.serverDate(), later: serverDate(s.db, 60_000) } }));
    const after = Date.now();
    const doc = await getDoc(coll.doc(String(id._id)));
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.later).toBeInstanceOf(Date);
    const at = doc.at instanceof Date ? doc.at.getTime() : NaN;
    const later = doc.later instanceof Date ? doc.later.getTime() : NaN;
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    expect(later - at).toBe(60_000);
  });

  test('db.serverDate() in an update and in a query', async () => {
    await settled(coll.add({ data: { _id: 'sd', at: new Date(0) } }));
    await settled(coll.doc('sd').update({ data: { at: s.db.serverDate() } }));
    const doc = await getDoc(coll.doc('sd'));
    expect(doc.at instanceof Date ? Math.abs(doc.at.getTime() - Date.now()) : NaN).toBeLessThan(5000);
    expect(await count(coll.where({ _id: 'sd', at: s._.lte(serverDate(s.db, 1000)) }))).toBe(1);
    expect(await count(coll.where({ _id: 'sd', at: s._.gt(serverDate(s.db, 60_000)) }))).toBe(0);
  });

  test('Dates round-trip with millisecond precision, nested and in arrays', async () => {
    const when = new Date('1999-12-31T23:59:59.123Z');
    const data = { when, nested: { list: [when, new Date(0)] } };
    const { _id } = await settled(coll.add({ data }));
    const doc = await getDoc(coll.doc(String(_id)));
    expect(doc.when).toEqual(when);
    expect(doc.nested).toEqual({ list: [when, new Date(0)] });
    expect(await count(coll.where({ when: s._.eq(new Date(when.getTime())) }))).toBe(1);
  });
});
