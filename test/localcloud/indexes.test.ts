// Indexes declared in the collection manifest (as in the cloud console): unique indexes refuse
// duplicates, indexed queries find the right documents as they change, and a query that scans a
// large collection without a suitable index is listed in GET /_localcloud/warnings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insertMany, useLocalCloud } from '../support/harness';
import { count, failure, getAll, getDoc, settled, startTransaction, type Doc } from '../support/sdk';

const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-manifest-')), 'database.json');
fs.writeFileSync(
  manifest,
  JSON.stringify({
    collections: [
      { name: 'members', indexes: [{ name: 'openid_1', keys: [{ field: 'openid', direction: 1 }], unique: true }] },
      {
        name: 'big',
        indexes: [
          { name: 'a_1', keys: [{ field: 'a', direction: 1 }], unique: false },
          {
            name: 'village_1_points_-1',
            keys: [
              { field: 'village', direction: 1 },
              { field: 'points', direction: -1 },
            ],
            unique: false,
          },
          { name: 'profile.code_1', keys: [{ field: 'profile.code', direction: 1 }], unique: false },
          { name: 'tags_1', keys: [{ field: 'tags', direction: 1 }], unique: false },
        ],
      },
      { name: 'small', indexes: [] },
      { name: 'people', indexes: [] },
    ],
  }),
);

const SIZE = 300;
const s = useLocalCloud({ manifest, env: { LOCALCLOUD_SCAN_WARN: '100' } });

interface Warning {
  collection: string;
  shape: unknown;
  documents: number;
}

async function warnings(): Promise<Warning[]> {
  return (await s.lc.control<{ warnings: Warning[] }>('GET', '/_localcloud/warnings')).warnings;
}

const big = (): ReturnType<typeof s.db.collection> => s.db.collection('big');

beforeAll(async () => {
  const villages = ['东村', '西村', '南村'];
  const docs: Doc[] = Array.from({ length: SIZE }, (_, i) => ({
    _id: `d${i}`,
    a: i % 50,
    b: i,
    village: villages[i % 3],
    points: i % 7,
    profile: { code: `c${i % 10}` },
    tags: [`t${i % 4}`, `u${i % 5}`],
  }));
  await insertMany(big(), docs);
});

beforeEach(async () => {
  await s.lc.control('DELETE', '/_localcloud/warnings');
});

describe('the manifest', () => {
  test('creates its collections: no createCollection needed', async () => {
    expect(await count(s.db.collection('small'))).toBe(0);
    await settled(s.db.collection('small').add({ data: { ok: true } }));
    expect(await count(s.db.collection('small'))).toBe(1);
  });
});

describe('unique indexes', () => {
  test('refuse a second document with the same key, naming the index', async () => {
    const members = s.db.collection('members');
    await settled(members.add({ data: { _id: 'm1', openid: 'oSame', name: 'first' } }));
    const err = await failure(members.add({ data: { _id: 'm2', openid: 'oSame', name: 'second' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/duplicate key.*openid_1/);
    expect(await count(members.where({ openid: 'oSame' }))).toBe(1);
    expect(await count(members.where({ _id: 'm2' }))).toBe(0);
  });

  test('refuse an update or a set() that would make a duplicate', async () => {
    const members = s.db.collection('members');
    await settled(members.add({ data: { _id: 'u1', openid: 'oU1' } }));
    await settled(members.add({ data: { _id: 'u2', openid: 'oU2' } }));
    expect((await failure(members.doc('u2').update({ data: { openid: 'oU1' } }))).errMsg).toMatch(/duplicate key/);
    expect((await failure(members.doc('u2').set({ data: { openid: 'oU1' } }))).errMsg).toMatch(/duplicate key/);
    expect((await failure(members.doc('new').set({ data: { openid: 'oU1' } }))).errMsg).toMatch(/duplicate key/);
    expect(await getDoc(members.doc('u2'))).toEqual({ _id: 'u2', openid: 'oU2' });
    // Keeping one's own key is not a duplicate.
    await settled(members.doc('u1').update({ data: { openid: 'oU1', extra: 1 } }));
    expect(await getDoc(members.doc('u1'))).toEqual({ _id: 'u1', openid: 'oU1', extra: 1 });
  });

  test('refuse duplicates inside one batch, and let a key be reused once its holder is gone', async () => {
    const members = s.db.collection('members');
    const err = await failure(members.add({ data: [{ openid: 'oBatch' }, { openid: 'oBatch' }] }));
    expect(err.errMsg).toMatch(/duplicate key/);
    expect(await count(members.where({ openid: 'oBatch' }))).toBe(0);
    await settled(members.add({ data: { _id: 'r1', openid: 'oReuse' } }));
    await settled(members.doc('r1').remove());
    await settled(members.add({ data: { _id: 'r2', openid: 'oReuse' } }));
    expect((await getAll(members.where({ openid: 'oReuse' }))).map((d) => d._id)).toEqual(['r2']);
  });

  test('a transaction whose writes would duplicate a key fails to commit and leaves nothing', async () => {
    const members = s.db.collection('members');
    await settled(members.add({ data: { _id: 't0', openid: 'oTxn' } }));
    const t = await startTransaction(s.db);
    await settled(t.collection('members').add({ data: { _id: 't1', openid: 'oFresh' } }));
    await settled(t.collection('members').add({ data: { _id: 't2', openid: 'oTxn' } }));
    const err = await t.commit().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect(await count(members.where({ _id: s._.in(['t1', 't2']) }))).toBe(0);
  });

  test('treat a missing key as null, as MongoDB does: only one document may lack it', async () => {
    const members = s.db.collection('members');
    await settled(members.add({ data: { _id: 'nokey1', name: 'no openid' } }));
    const err = await failure(members.add({ data: { _id: 'nokey2', name: 'no openid either' } }));
    expect(err.errMsg).toMatch(/duplicate key/);
  });
});

describe('indexed queries', () => {
  test('find exactly the documents a scan would, and follow updates, removals and transactions', async () => {
    expect((await getAll(big().where({ a: 7 }).orderBy('b', 'asc'))).map((d) => d.b)).toEqual([7, 57, 107, 157, 207, 257]);
    expect(await count(big().where({ a: s._.in([1, 2]) }))).toBe(12);
    expect(await count(big().where({ village: '东村', points: 3 }))).toBe(
      Array.from({ length: SIZE }, (_, i) => i).filter((i) => i % 3 === 0 && i % 7 === 3).length,
    );
    expect(await count(big().where({ 'profile.code': 'c3' }))).toBe(30);
    expect(await count(big().where({ tags: 't1' }))).toBe(75);
    expect(await count(big().where({ tags: 't1', a: 1 }))).toBe(
      Array.from({ length: SIZE }, (_, i) => i).filter((i) => i % 4 === 1 && i % 50 === 1).length,
    );

    await settled(
      big()
        .doc('d7')
        .update({ data: { a: 1000 } }),
    );
    expect(await count(big().where({ a: 7 }))).toBe(5);
    expect((await getAll(big().where({ a: 1000 }))).map((d) => d._id)).toEqual(['d7']);
    await settled(big().doc('d57').remove());
    expect(await count(big().where({ a: 7 }))).toBe(4);
    const t = await startTransaction(s.db);
    await settled(
      t
        .collection('big')
        .doc('d107')
        .update({ data: { a: 1000 } }),
    );
    expect(await count(big().where({ a: 1000 }))).toBe(1);
    await t.commit();
    expect((await getAll(big().where({ a: 1000 }).orderBy('_id', 'asc'))).map((d) => d._id)).toEqual(['d107', 'd7']);
    // Put things back for the next tests.
    await settled(
      big()
        .where({ a: 1000 })
        .update({ data: { a: 7 } }),
    );
    await settled(
      big().add({ data: { _id: 'd57', a: 7, b: 57, village: '东村', points: 1, profile: { code: 'c7' }, tags: ['t1', 'u2'] } }),
    );
  });

  test('an equality query on an indexed field, a prefix of a compound index or _id makes no warning', async () => {
    await getAll(big().where({ a: 5 }));
    await getAll(big().where({ a: s._.in([1, 2, 3]) }));
    await getAll(big().where({ village: '西村' }));
    await getAll(big().where({ village: '西村', points: 2, b: s._.gt(10) }));
    await getAll(big().where({ 'profile.code': 'c1' }));
    await getAll(big().where({ profile: { code: 'c1' } }));
    await getAll(big().where({ tags: 'u3' }));
    await getAll(big().where({ _id: 'd3' }));
    await getDoc(big().doc('d4'));
    await count(big().where({ a: 9 }));
    await settled(
      big()
        .where({ a: 49 })
        .update({ data: { touched: true } }),
    );
    expect(await warnings()).toEqual([]);
  });

  test('a range or sort on an indexed field makes no warning', async () => {
    await getAll(big().where({ a: s._.gt(45) }));
    await getAll(big().where({ a: s._.gte(10).and(s._.lt(12)) }));
    await getAll(big().orderBy('a', 'asc').limit(10));
    expect(await warnings()).toEqual([]);
  });

  test('a query no index serves is listed, naming the collection and the query shape', async () => {
    await getAll(big().where({ b: 5 }));
    await count(big().where({ points: 3 }));
    const list = await warnings();
    expect(list).toEqual([
      expect.objectContaining({ collection: 'big', shape: { b: 'number' }, documents: SIZE }),
      expect.objectContaining({ collection: 'big', shape: { points: 'number' }, documents: SIZE }),
    ]);
    expect(s.lc.output()).toMatch(/WARN query on "big" \(300 docs\) scans the collection/);
  });

  test('a small collection is never listed', async () => {
    await getAll(s.db.collection('small').where({ anything: 1 }));
    expect(await warnings()).toEqual([]);
  });

  test('a $lookup on an indexed foreign field makes no warning, an unindexed one is listed', async () => {
    await settled(
      s.db.collection('people').add({
        data: [
          { _id: 'p1', code: 'c1' },
          { _id: 'p2', code: 'c2' },
        ],
      }),
    );
    const join = (foreignField: string): Promise<unknown> =>
      settled(s.db.collection('people').aggregate().lookup({ from: 'big', localField: 'code', foreignField, as: 'matches' }).end());
    await join('profile.code');
    expect(await warnings()).toEqual([]);
    await join('b');
    expect(await warnings()).toEqual([expect.objectContaining({ collection: 'big', shape: { b: '$lookup' }, documents: SIZE })]);
  });
});
