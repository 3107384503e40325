// LOCALCLOUD_DB_LATENCY_MS: every database request waits as a round trip to WeChat cloud's database
// would, and each invocation counts its sequential round trips (requests in flight together: one).
import { roundTrips } from '../../localcloud/src/functions/runtime';
import { emptyManifest } from '../support/harness';
import { sdkEnv, startCloud, type TestCloud } from '../support/localcloud';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startCloud({ functions: 'test', manifest: emptyManifest(), env: { LOCALCLOUD_DB_LATENCY_MS: '60' } });
  sdkEnv(cloud.url);
  const sdk = await import('wx-server-sdk');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  await sdk.database().createCollection('probe');
});
afterAll(async () => {
  await cloud.stop();
});

interface InvocationRecord {
  dbRequests: number;
  dbRoundTrips: number;
  durationMs: number;
  dbSpans: [number, number][];
}

test('each database request of a function waits the latency; two in a row are two round trips', async () => {
  const reply = await cloud.call<{ total: number }>('probe', { op: 'count' }, 'oVillager1');
  expect(reply.status).toBe(200);
  const inv = await cloud.control<InvocationRecord>('GET', `/_localcloud/invocations/${reply.invocation}`);
  expect(inv.dbRequests).toBe(2);
  expect(inv.dbRoundTrips).toBe(2);
  expect(inv.durationMs).toBeGreaterThanOrEqual(120);
  for (const [start, end] of inv.dbSpans) expect(end - start).toBeGreaterThanOrEqual(59);
});

test('round trips: overlapping requests count once, requests one after another count each', () => {
  expect(roundTrips([])).toBe(0);
  expect(roundTrips([[0, 15]])).toBe(1);
  expect(
    roundTrips([
      [0, 15],
      [1, 16],
      [2, 17],
    ]),
  ).toBe(1); // a Promise.all of three reads
  expect(
    roundTrips([
      [0, 15],
      [15, 30],
      [31, 46],
    ]),
  ).toBe(3); // three awaits in a row
  expect(
    roundTrips([
      [20, 35],
      [0, 15],
      [2, 16],
      [36, 50],
    ]),
  ).toBe(3); // in any order
  expect(
    roundTrips([
      [0, 100],
      [10, 20],
      [30, 40],
      [101, 110],
    ]),
  ).toBe(2); // short ones inside a long one
});
