// Content checks fail closed: when WeChat's check cannot be made (here: the functions' config.json
// lacks the permission, so every msgSecCheck and mediaCheckAsync is refused with -604101), nothing
// others would read is published unchecked. A letter, a board item and goods are held for a cadre
// with why ("检查暂时无法完成"); a public matter is held for a cadre, who is told; its photo stays
// with the raiser and the cadres.
import fs from 'node:fs';
import path from 'node:path';
import sdk from 'wx-server-sdk';
import { ROOT, sdkEnv, startCloud, type TestCloud } from '../support/localcloud';
import { isRecord } from '../support/sdk';
import { key, itemDraft, letterDraft, goodsDraft } from './drafts';
import { caller } from './support';

let cloud: TestCloud;
let api: ReturnType<typeof caller>;
let functionsDir = '';

/** The built functions, with board's and matters' content-check permissions taken away (inside build/, where wx-server-sdk resolves). */
function withoutChecks(): string {
  const dir = fs.mkdtempSync(path.join(ROOT, 'build', 'functions-nocheck-'));
  fs.cpSync(path.join(ROOT, 'build', 'cloudfunctions'), dir, { recursive: true });
  for (const fn of ['board', 'matters', 'shop']) {
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

const UNAVAILABLE = { reason: 'unavailable', reasonText: '内容安全检查暂时无法完成' };

test('a letter whose check fails is held, unseen by villagers, until another cadre releases it', async () => {
  const held = await api.ok('demo-secretary', 'board', 'saveLetter', letterDraft('致乡亲们', '今年修通了环村路。'));
  expect(held).toMatchObject({ status: 'held', hold: UNAVAILABLE });
  expect((await api.ok('demo-villager', 'board', 'letters', {})).letters.map((l) => l.id)).not.toContain(held.id);
  expect((await api.refused('demo-villager', 'board', 'letter', { id: held.id })).code).toBe('COMMON.NOT_FOUND');
  expect((await api.refused('demo-secretary', 'board', 'decideLetter', { id: held.id, decision: 'release' })).code).toBe(
    'AUTH.OWN_HOUSEHOLD',
  );
  await api.ok('demo-cadre-1', 'board', 'decideLetter', { id: held.id, decision: 'release' });
  expect((await api.ok('demo-villager', 'board', 'letter', { id: held.id })).status).toBe('published');
});

test('a board item whose check fails is held until another cadre releases it', async () => {
  const held = await api.ok('demo-cadre-1', 'board', 'saveItem', itemDraft('notice', '停水通知', '周六上午停水。'));
  expect(held).toMatchObject({ status: 'held', hold: UNAVAILABLE });
  expect((await api.refused('demo-villager', 'board', 'item', { id: held.id })).code).toBe('COMMON.NOT_FOUND');
  expect((await api.refused('demo-cadre-1', 'board', 'decideItem', { id: held.id, decision: 'release' })).code).toBe('AUTH.OWN_HOUSEHOLD');
  await api.ok('demo-cadre-2', 'board', 'decideItem', { id: held.id, decision: 'release' });
  expect((await api.ok('demo-villager', 'board', 'item', { id: held.id })).status).toBe('published');
});

test('goods whose name cannot be checked are held off the villagers’ shelf until another cadre releases them', async () => {
  const goods = await api.ok('demo-cadre-1', 'shop', 'saveGoods', goodsDraft('香皂', { stock: 3 }));
  expect(goods).toMatchObject({ hold: UNAVAILABLE });
  expect((await api.ok('demo-head', 'shop', 'browse', {})).goods.map((g) => g.id)).not.toContain(goods.id);
  await api.ok('demo-cadre-2', 'shop', 'decideGoods', { id: goods.id, decision: 'release' });
  expect((await api.ok('demo-head', 'shop', 'browse', {})).goods.map((g) => g.id)).toContain(goods.id);
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
