// The cloud database's documented and measured result limits, and the per-request latency a
// test can add (LOCALCLOUD_DB_LATENCY_MS) so that timeouts show up here before production.
import cloud from 'wx-server-sdk';
import { emptyManifest, rawGetDocument, useLocalCloud } from '../support/harness';
import { sdkEnv, startCloud } from '../support/localcloud';
import { aggregate, getAll, type Doc } from '../support/sdk';

const s = useLocalCloud();

const docs = (n: number): Doc[] => Array.from({ length: n }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, n: i }));

test('get() answers 100 documents by default and at most 1000', async () => {
  const coll = await s.collection('many', docs(1100));
  expect(await getAll(coll)).toHaveLength(100);
  expect(await getAll(coll.limit(1000))).toHaveLength(1000);
  // The SDK cuts a larger limit to 1000 before sending; sent by hand, the store cuts it too.
  expect(await rawGetDocument(s.lc.url, { collectionName: coll.collectionName, queryType: 'WHERE', limit: 5000 })).toHaveLength(1000);
});

test('an aggregation without a $limit stage answers 20 results, as the cloud does; with one, what it asks', async () => {
  const coll = await s.collection('agg', docs(50));
  expect(await aggregate(coll.aggregate().match({ n: s._.gte(0) }))).toHaveLength(20);
  expect(
    await aggregate(
      coll
        .aggregate()
        .match({ n: s._.gte(0) })
        .limit(45),
    ),
  ).toHaveLength(45);
  expect(await aggregate(coll.aggregate().group({ _id: '$n' }))).toHaveLength(20);
});

test('LOCALCLOUD_DB_LATENCY_MS delays every database request', async () => {
  const slow = await startCloud({ manifest: emptyManifest(), env: { LOCALCLOUD_DB_LATENCY_MS: '300' } });
  try {
    sdkEnv(slow.url);
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const db = cloud.database();
    await db.createCollection('slow');
    const started = Date.now();
    await getAll(db.collection('slow'));
    await getAll(db.collection('slow'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  } finally {
    await slow.stop();
    sdkEnv(s.lc.url);
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  }
});
