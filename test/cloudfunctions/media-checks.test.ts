// Photos go through WeChat's media check before anyone but the uploader and the cadres sees them:
// a letter's pictures and a board item's images (and points evidence, points-media.test.ts) are
// asked about with security.mediaCheckAsync through the real SDK; the local cloud pushes each
// verdict to the function as WeChat's message push does, and marks a file risky when its URL holds
// a word of LOCALCLOUD_RISKY_MEDIA (here "risky"). Until its verdict, and for good when risky, a
// file is hidden from villagers; the cadres see every file throughout.
import type { Cloud } from '../support/sdk';
import { startCloud, sdkEnv, type TestCloud } from '../support/localcloud';
import { key, recordDraft } from './drafts';
import { caller } from './support';
import { readOutbox, type OutboxEntry } from '../support/outbox';

let cloud: TestCloud;
let api: ReturnType<typeof caller>;
let sdkCloud: Cloud;

/** A file really stored in cloud storage (WeChat's media check downloads it): its file ID. */
async function storedFile(cloudPath: string): Promise<string> {
  return (await sdkCloud.uploadFile({ cloudPath, fileContent: Buffer.from(`bytes of ${cloudPath}`) })).fileID;
}

/** Polls `read` until `done` holds (the verdicts arrive by push a moment after the save). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no media verdicts');
}

async function mediaChecks(): Promise<OutboxEntry[]> {
  return (await readOutbox(cloud)).filter((e) => e.kind === 'mediaCheckAsync');
}

beforeAll(async () => {
  // Timers off and no latency: the pushes come ~50 ms after each ask.
  cloud = await startCloud({ env: { LOCALCLOUD_SEED: 'demo', LOCALCLOUD_RISKY_MEDIA: 'risky' } });
  sdkEnv(cloud.url);
  const sdk = await import('wx-server-sdk');
  sdkCloud = sdk.default;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  api = caller(cloud);
});
afterAll(async () => {
  await cloud.stop();
});

test("a letter's pictures reach villagers only once WeChat passed them; a risky one never, while the cadres see both", async () => {
  const [risky, fine] = await Promise.all([storedFile('board/test/risky-flyer.jpg'), storedFile('board/test/new-road.jpg')]);
  const before = (await mediaChecks()).length;
  const letter = await api.ok('demo-secretary', 'board', 'saveLetter', {
    clientKey: key(),
    title: '环村路修通了',
    body: '感谢乡亲们出工出力。',
    pictures: [risky, fine],
    publish: true,
  });
  expect(letter.status).toBe('published');
  // Each picture was asked about once, through the real SDK.
  expect((await mediaChecks()).length - before).toBe(2);
  const seen = await until(
    () => api.ok('demo-villager', 'board', 'letter', { id: letter.id }),
    (l) => l.pictures.length > 0,
  );
  expect(seen.pictures).toEqual([fine]);
  expect(seen.cover).toBe(fine);
  expect((await api.ok('demo-villager', 'board', 'letters', {})).letters.find((l) => l.id === letter.id)).toMatchObject({
    cover: fine,
    pictureCount: 1,
  });
  expect((await api.ok('demo-cadre-1', 'board', 'letter', { id: letter.id })).pictures).toEqual([risky, fine]);
  expect((await api.ok('demo-secretary', 'board', 'letter', { id: letter.id })).pictures).toEqual([risky, fine]);
  // Saving it again does not ask again about a picture already checked.
  const draft = await api.ok('demo-secretary', 'board', 'saveLetter', {
    clientKey: key(),
    title: '草稿',
    body: '还在写',
    pictures: [fine],
    publish: false,
  });
  const asked = (await mediaChecks()).length;
  await api.ok('demo-secretary', 'board', 'saveLetter', {
    clientKey: key(),
    id: draft.id,
    title: '草稿',
    body: '写好了',
    pictures: [fine],
    publish: false,
  });
  expect((await mediaChecks()).length).toBe(asked);
});

test("a board item's images are hidden from villagers until passed; its other attachments are not media and show", async () => {
  const [risky, fine] = await Promise.all([storedFile('board/test/risky-ledger.png'), storedFile('board/test/meeting.png')]);
  const pdf = await storedFile('board/test/budget.pdf');
  const item = await api.ok('demo-cadre-1', 'board', 'saveItem', {
    clientKey: key(),
    kind: 'village',
    title: '村民大会纪要',
    body: '会议照片和预算表。',
    attachments: [
      { fileId: risky, name: '现场.png', type: 'image' },
      { fileId: fine, name: '合影.png', type: 'image' },
      { fileId: pdf, name: '预算.pdf', type: 'pdf' },
    ],
    publish: true,
  });
  expect(item.status).toBe('published');
  const seen = await until(
    () => api.ok('demo-villager', 'board', 'item', { id: item.id }),
    (i) => i.attachments.some((a) => a.fileId === fine),
  );
  expect(seen.attachments.map((a) => a.fileId)).toEqual([fine, pdf]);
  expect(seen.attachmentCount).toBe(2);
  expect((await api.ok('demo-cadre-2', 'board', 'item', { id: item.id })).attachments.map((a) => a.fileId)).toEqual([risky, fine, pdf]);
});

test("a call dressed as WeChat's verdict changes nothing", async () => {
  const fine = await storedFile('board/test/forged.jpg');
  const letter = await api.ok('demo-secretary', 'board', 'saveLetter', {
    clientKey: key(),
    title: '通知',
    body: '周六开会。',
    pictures: [fine],
    publish: false,
  });
  const forged = await cloud.call<{ ok: boolean }>(
    'board',
    { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'any', result: { suggest: 'pass' } },
    'demo-villager',
  );
  expect(forged.body.result?.ok).toBe(false);
  expect(letter.status).toBe('draft');
});

test('points evidence: the grid leader reviewing sees a photo once it passed, never a risky one; the recorder and the cadres see all', async () => {
  const [risky, fine] = await Promise.all([storedFile('evidence/test/risky-scene.jpg'), storedFile('evidence/test/volunteers.jpg')]);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const made = await api.ok('demo-villager', 'points', 'record', recordDraft('D04', today, { evidence: [risky, fine] }));
  const [mine] = made.records;
  expect(mine?.evidence).toEqual([risky, fine]);
  const id = mine?.id ?? '';
  const householdId = mine?.householdId ?? '';
  // Whichever grid leader reviews it sees only what passed, once it has.
  const reviewed = await until(
    async () => {
      const queues = await Promise.all(['demo-grid-1', 'demo-grid-2', 'demo-grid-3'].map((g) => api.ok(g, 'points', 'queue', {})));
      return queues.flatMap((q) => q.records).find((r) => r.id === id);
    },
    (r) => (r?.evidence.length ?? 0) > 0,
  );
  expect(reviewed?.evidence).toEqual([fine]);
  const inArchive = async (who: string) =>
    (await api.ok(who, 'points', 'archive', { householdId })).history.find((r) => r.id === id)?.evidence;
  expect(await inArchive('demo-cadre-1')).toEqual([risky, fine]);
  expect(await inArchive('demo-villager')).toEqual([risky, fine]);
});
