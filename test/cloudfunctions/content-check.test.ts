// Content checks fail closed: when WeChat's check cannot be made (here: the functions' config.json
// lacks the permission, so every msgSecCheck and mediaCheckAsync is refused with -604101), nothing
// others would read is published unchecked. A letter is not saved (try again later); a public
// matter is held for a cadre, who is told; its photo stays with the raiser and the cadres.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sdk from 'wx-server-sdk';
import { ROOT, sdkEnv, startCloud, type TestCloud } from '../support/localcloud';
import { isRecord } from '../support/sdk';
import { caller } from './support';

let cloud: TestCloud;
let api: ReturnType<typeof caller>;
let functionsDir = '';

const key = (): string => randomBytes(8).toString('hex');

/** The built functions, with board's and matters' content-check permissions taken away (inside build/, where wx-server-sdk resolves). */
function withoutChecks(): string {
  const dir = fs.mkdtempSync(path.join(ROOT, 'build', 'functions-nocheck-'));
  fs.cpSync(path.join(ROOT, 'build', 'cloudfunctions'), dir, { recursive: true });
  for (const fn of ['board', 'matters']) {
    const file = path.join(dir, fn, 'config.json');
    const config: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!isRecord(config) || !isRecord(config.permissions) || !Array.isArray(config.permissions.openapi))
      throw new Error(`${fn}: no permissions`);
    config.permissions.openapi = config.permissions.openapi.filter((a) => a === 'subscribeMessage.send');
    fs.writeFileSync(file, JSON.stringify(config));
  }
  return dir;
}

beforeAll(async () => {
  functionsDir = withoutChecks();
  cloud = await startCloud({ env: { LOCALCLOUD_SEED: 'demo', LOCALCLOUD_FUNCTIONS: functionsDir } });
  sdkEnv(cloud.url);
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  api = caller(cloud);
});
afterAll(async () => {
  await cloud.stop();
  fs.rmSync(functionsDir, { recursive: true, force: true });
});

test('a letter whose check fails is not saved, and the secretary is asked to try again', async () => {
  const before = await api.ok('demo-secretary', 'board', 'letters', {});
  const refused = await api.refused('demo-secretary', 'board', 'saveLetter', {
    clientKey: key(),
    title: '致乡亲们',
    body: '今年修通了环村路。',
    pictures: [],
    publish: true,
  });
  expect(refused.code).toBe('COMMON.BUSY');
  expect(refused.message).toContain('没有发布');
  const after = await api.ok('demo-secretary', 'board', 'letters', {});
  expect([after.letters.length, after.drafts.length]).toEqual([before.letters.length, before.drafts.length]);
});

test('a public matter whose check fails is held for a cadre, who is told; its photo stays with insiders', async () => {
  const { fileID } = await sdk.uploadFile({ cloudPath: 'matters/test/road.jpg', fileContent: Buffer.from('photo') });
  await cloud.control('DELETE', '/_localcloud/outbox');
  const raised = await api.ok('demo-villager', 'matters', 'raise', {
    clientKey: key(),
    text: '村口的路灯坏了',
    photos: [fileID],
    category: '水电设施',
    public: true,
  });
  expect(raised.held).toBe(true);
  expect((await api.ok('demo-head', 'matters', 'list', {})).items.map((m) => m.id)).not.toContain(raised.matter.id);
  const outbox = await cloud.control<{ entries: { kind: string; templateId?: string; data?: unknown }[] }>('GET', '/_localcloud/outbox');
  expect(outbox.entries.some((e) => e.templateId === 'TPL_MATTER_NEW' && JSON.stringify(e.data).includes('待审核'))).toBe(true);
  // A cadre releases it: its text is public now, its unchecked photo is not.
  await api.ok('demo-cadre-1', 'matters', 'moderate', { id: raised.matter.id, clientKey: key(), decision: 'release' });
  const seen = await api.ok('demo-head', 'matters', 'detail', { id: raised.matter.id });
  expect(seen).toMatchObject({ text: '村口的路灯坏了', photos: [], mediaPending: true });
  expect((await api.ok('demo-cadre-2', 'matters', 'detail', { id: raised.matter.id })).photos).toEqual([fileID]);
});
