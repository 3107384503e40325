import { emptyManifest } from '../support/harness';
import { startCloud, sdkEnv, type TestCloud } from '../support/localcloud';
import { add, getDoc } from '../support/sdk';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startCloud({ functions: 'test', manifest: emptyManifest() });
  sdkEnv(cloud.url);
});
afterAll(async () => {
  await cloud.stop();
});

test('an unmodified wx-server-sdk adds and reads back a document', async () => {
  const sdk = await import('wx-server-sdk');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const db = sdk.database();
  await db.createCollection('smoke');
  const _id = await add(db.collection('smoke'), { name: '张三', points: 3 });
  const data = await getDoc(db.collection('smoke').doc(_id));
  expect(data).toMatchObject({ name: '张三', points: 3 });
});

test('a function sees the caller named by x-wx-openid', async () => {
  const reply = await cloud.call<{ openid: string }>('probe', { op: 'whoami' }, 'oVillager1');
  expect(reply.status).toBe(200);
  expect(reply.body.result?.openid).toBe('oVillager1');
});
