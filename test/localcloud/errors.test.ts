// How the local cloud refuses what the cloud refuses: missing collections (-502005), duplicate
// _id, missing documents, bad updates and malformed requests.
import { rawAdmin, useLocalCloud } from '../support/harness';
import { count, failure, getAll, getDoc, isRecord, type SdkCall, settled } from '../support/sdk';

const s = useLocalCloud();

describe('collections must exist', () => {
  const missing = 'never_created';

  test('every database call on a missing collection fails with -502005', async () => {
    const coll = s.db.collection(missing);
    const calls: [string, SdkCall<unknown>][] = [
      ['get', coll.get()],
      ['where.get', coll.where({ a: 1 }).get()],
      ['count', coll.count()],
      ['add', coll.add({ data: { a: 1 } })],
      ['doc.get', coll.doc('x').get()],
      ['doc.set', coll.doc('x').set({ data: { a: 1 } })],
      ['doc.update', coll.doc('x').update({ data: { a: 1 } })],
      ['doc.remove', coll.doc('x').remove()],
      ['where.update', coll.where({ a: 1 }).update({ data: { a: 2 } })],
      ['where.remove', coll.where({ a: 1 }).remove()],
    ];
    for (const [name, call] of calls) {
      const err = await failure(call);
      expect({ name, errCode: err.errCode }).toEqual({ name, errCode: -502005 });
      expect(err.errMsg).toContain(missing);
    }
    // Nothing was created along the way.
    expect((await s.lc.control<{ collections: string[] }>('GET', '/_localcloud/health')).collections).not.toContain(missing);
  });

  test('db.createCollection creates it, once', async () => {
    await s.db.createCollection('made_here');
    await settled(s.db.collection('made_here').add({ data: { ok: true } }));
    expect(await count(s.db.collection('made_here'))).toBe(1);
    const again = await failure(s.db.createCollection('made_here'));
    expect(again.errMsg).toMatch(/exist/i);
    expect(await count(s.db.collection('made_here'))).toBe(1);
  });

  test('an invalid collection name is refused', async () => {
    const err = await failure(s.db.createCollection('bad name/with slash'));
    expect(err.errMsg).toMatch(/invalid collection name/);
  });
});

describe('documents', () => {
  test('a duplicate _id is refused and the first document stays', async () => {
    const coll = await s.collection('dups', [{ _id: 'one', v: 1 }]);
    const err = await failure(coll.add({ data: { _id: 'one', v: 2 } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/duplicate key/);
    expect(await getDoc(coll.doc('one'))).toEqual({ _id: 'one', v: 1 });
  });

  test('a batch with a duplicate inside is refused whole', async () => {
    const coll = await s.collection('dupbatch');
    const err = await failure(coll.add({ data: [{ _id: 'x' }, { _id: 'y' }, { _id: 'x' }] }));
    expect(err.errCode).toBe(-502001);
    expect(await count(coll)).toBe(0);
  });

  test('string and number ids are different ids', async () => {
    const coll = await s.collection('idtypes');
    await settled(coll.add({ data: { _id: 7, kind: 'number' } }));
    await settled(coll.add({ data: { _id: '7', kind: 'string' } }));
    expect(await getDoc(coll.doc(7))).toEqual({ _id: 7, kind: 'number' });
    expect(await getDoc(coll.doc('7'))).toEqual({ _id: '7', kind: 'string' });
  });

  test('generated ids are unique strings', async () => {
    const coll = await s.collection('genids');
    const ids = await Promise.all(Array.from({ length: 30 }, async () => String((await settled(coll.add({ data: {} })))._id)));
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) expect(id).toMatch(/^[0-9a-zA-Z_-]{16,}$/);
  });

  test('doc(missing).get() fails, a query for it answers nothing', async () => {
    const coll = await s.collection('lookups', [{ _id: 'here' }]);
    const err = await failure(coll.doc('not-here').get());
    expect(err.errMsg).toMatch(/document with _id not-here does not exist/);
    expect(await getAll(coll.where({ _id: 'not-here' }))).toEqual([]);
  });

  test('the _id cannot be updated', async () => {
    const coll = await s.collection('idlock', [{ _id: 'keep', v: 1 }]);
    const viaWhere = await failure(coll.where({ v: 1 }).update({ data: { _id: 'other' } }));
    expect(viaWhere.errCode).toBeLessThan(0);
    expect(await getDoc(coll.doc('keep'))).toEqual({ _id: 'keep', v: 1 });
  });

  test('an update that makes no sense is refused and changes nothing', async () => {
    const coll = await s.collection('badupdates', [{ _id: 'd', n: 'text', list: 5 }]);
    expect((await failure(coll.doc('d').update({ data: { n: s._.inc(1) } }))).errCode).toBeLessThan(0);
    expect((await failure(coll.doc('d').update({ data: { n: s._.mul(2) } }))).errMsg).toMatch(/non-numeric/);
    expect((await failure(coll.doc('d').update({ data: { list: s._.push(1) } }))).errMsg).toMatch(/non-array/);
    expect((await failure(coll.doc('d').update({ data: { list: s._.addToSet(1) } }))).errMsg).toMatch(/non-array/);
    expect((await failure(coll.doc('d').update({ data: { list: s._.pull(1) } }))).errMsg).toMatch(/non-array/);
    expect((await failure(coll.doc('d').update({ data: { 'list.inner': 1 } }))).errMsg).toMatch(/Cannot create field 'inner'/);
    expect((await failure(coll.doc('d').update({ data: { n: { deeper: s._.inc(1) } } }))).errMsg).toMatch(/Cannot create field/);
    expect(await getDoc(coll.doc('d'))).toEqual({ _id: 'd', n: 'text', list: 5 });
  });

  test('a multi-document update that fails on one document leaves that one unchanged', async () => {
    const coll = await s.collection('atomicmulti', [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 'not a number' },
      { _id: 'c', n: 3 },
    ]);
    const err = await failure(coll.where({ _id: s._.in(['a', 'b', 'c']) }).update({ data: { n: s._.inc(1) } }));
    expect(err.errCode).toBeLessThan(0);
    expect(await getDoc(coll.doc('b'))).toEqual({ _id: 'b', n: 'not a number' });
  });
});

describe('malformed requests', () => {
  test('an unknown query operator is refused', async () => {
    const coll = await s.collection('badquery', [{ a: 1 }]);
    const body = await rawAdmin(s.lc.url, {
      action: 'database.getDocument',
      collectionName: coll.collectionName,
      query: '{"a":{"$nope":1}}',
    });
    expect(isRecord(body) ? body.code : body).toBe('INVALID_PARAM');
  });

  test('malformed EJSON, a missing action and an unknown action answer an error code', async () => {
    const coll = await s.collection('raw', [{ a: 1 }]);
    const bad = await rawAdmin(s.lc.url, { action: 'database.getDocument', collectionName: coll.collectionName, query: '{"a":' });
    expect(bad).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await rawAdmin(s.lc.url, { collectionName: coll.collectionName })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await rawAdmin(s.lc.url, { action: 'database.noSuchThing' })).toMatchObject({ code: 'INVALID_PARAM' });
    const res = await fetch(`${s.lc.url}/admin`, { method: 'POST', body: 'not json' });
    expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });

  test('the server keeps serving after all of these', async () => {
    const coll = await s.collection('after');
    await settled(coll.add({ data: { ok: 1 } }));
    expect(await count(coll)).toBe(1);
  });
});
