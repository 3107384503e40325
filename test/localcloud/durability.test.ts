// Every write the SDK saw acknowledged survives kill -9 of the server: restart on the same data
// folder and it is all there; a committed transaction survives whole, an open one not at all.
import fs from 'node:fs';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { sdkEnv, startCloud, type TestCloud } from '../support/localcloud';
import { emptyManifest, insertMany } from '../support/harness';
import { count, getAll, getDoc, num, settled, startTransaction, type Database } from '../support/sdk';

let lc: TestCloud;
let db: Database;
const manifest = emptyManifest();

/** Points the SDK of this process at `next` and makes it the current cloud. */
function use(next: TestCloud): void {
  lc = next;
  sdkEnv(lc.url);
}

/** kill -9, then a new server on the same data folder. */
async function crashAndRestart(): Promise<void> {
  await lc.kill9();
  use(await startCloud({ dataDir: lc.dataDir, manifest }));
}

beforeAll(async () => {
  use(await startCloud({ manifest }));
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  db = cloud.database();
});
afterAll(async () => {
  await lc.stop();
});

test('N acknowledged adds survive kill -9 sent right after the last ack', async () => {
  const N = 300;
  await db.createCollection('acked');
  const ids = await Promise.all(
    Array.from({ length: N }, async (_, i) => String((await settled(db.collection('acked').add({ data: { i, name: `村民${i}` } })))._id)),
  );
  // No pause: the process dies the moment the last acknowledgement has arrived.
  await crashAndRestart();
  expect(await count(db.collection('acked'))).toBe(N);
  const all = await getAll(db.collection('acked').limit(1000));
  expect(all.map((d) => String(d._id)).sort()).toEqual([...ids].sort());
  const byI = new Map(all.map((d) => [d.i, d.name]));
  for (let i = 0; i < N; i++) expect(byI.get(i)).toBe(`村民${i}`);
});

test('acknowledged updates, removals and new collections survive, with their types', async () => {
  await db.createCollection('state');
  const coll = db.collection('state');
  const when = new Date('2024-02-29T12:34:56.789Z');
  await insertMany(coll, [
    { _id: 'counter', n: 0 },
    { _id: 'gone', v: 1 },
    { _id: 'typed', when, nested: { list: [1, 'two', null, { three: 3 }] }, flag: false, frac: 0.25 },
  ]);
  await Promise.all(Array.from({ length: 50 }, () => settled(coll.doc('counter').update({ data: { n: db.command.inc(1) } }))));
  await settled(coll.doc('gone').remove());
  await settled(coll.doc('typed').update({ data: { 'nested.added': '新' } }));
  await crashAndRestart();
  expect(num(await getDoc(coll.doc('counter')), 'n')).toBe(50);
  expect(await count(coll.where({ _id: 'gone' }))).toBe(0);
  expect(await getDoc(coll.doc('typed'))).toEqual({
    _id: 'typed',
    when,
    nested: { list: [1, 'two', null, { three: 3 }], added: '新' },
    flag: false,
    frac: 0.25,
  });
});

test('a committed transaction survives whole; an open one leaves nothing', async () => {
  await db.createCollection('ledger');
  await db.createCollection('entries');
  await insertMany(db.collection('ledger'), [
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
    { _id: 'old', balance: 5 },
  ]);
  const t = await startTransaction(db);
  await settled(
    t
      .collection('ledger')
      .doc('a')
      .update({ data: { balance: db.command.inc(-60) } }),
  );
  await settled(
    t
      .collection('ledger')
      .doc('b')
      .update({ data: { balance: db.command.inc(60) } }),
  );
  await settled(t.collection('ledger').doc('old').remove());
  for (let i = 0; i < 20; i++) await settled(t.collection('entries').add({ data: { _id: `e${i}`, amount: 3 } }));
  await t.commit();
  // Another transaction is still open when the server dies: none of it may appear.
  const open = await startTransaction(db);
  await settled(
    open
      .collection('ledger')
      .doc('a')
      .update({ data: { balance: 0 } }),
  );
  await settled(open.collection('entries').add({ data: { _id: 'uncommitted' } }));
  await crashAndRestart();
  expect(await getAll(db.collection('ledger').orderBy('_id', 'asc'))).toEqual([
    { _id: 'a', balance: 40 },
    { _id: 'b', balance: 60 },
  ]);
  expect(await count(db.collection('entries'))).toBe(20);
  expect(await count(db.collection('entries').where({ _id: 'uncommitted' }))).toBe(0);
});

test('a torn last record (a crash mid-write) is dropped, and the store goes on', async () => {
  await db.createCollection('torn');
  await settled(db.collection('torn').add({ data: { _id: 'before', ok: true } }));
  await lc.kill9();
  // What a write cut short by the crash leaves: part of a record and no newline.
  fs.appendFileSync(path.join(lc.dataDir, 'db', 'wal.log'), '[{"op":"put","c":"torn","d":"{\\"_id\\":\\"half');
  use(await startCloud({ dataDir: lc.dataDir, manifest }));
  expect((await getAll(db.collection('torn'))).map((d) => d._id)).toEqual(['before']);
  await settled(db.collection('torn').add({ data: { _id: 'after', ok: true } }));
  await crashAndRestart();
  expect((await getAll(db.collection('torn').orderBy('_id', 'asc'))).map((d) => d._id)).toEqual(['after', 'before']);
});

test('everything is still there after several restarts, graceful or not', async () => {
  await lc.stop();
  use(await startCloud({ dataDir: lc.dataDir, manifest }));
  await crashAndRestart();
  expect(await count(db.collection('acked'))).toBe(300);
  expect(num(await getDoc(db.collection('state').doc('counter')), 'n')).toBe(50);
  expect(await count(db.collection('entries'))).toBe(20);
  expect(await count(db.collection('torn'))).toBe(2);
});
