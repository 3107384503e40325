// 村民说事 through the real path: the built `matters` function on a local cloud with the demo village
// (和美村), called as each role; timers fired as the platform fires them. Every refusal is checked
// to change nothing.
import type { MatterDetail, MatterRaiseRequest } from '../../typings';
import { C } from '../../cloudfunctions/shared/collections';
import { addDays, chinaDate } from '../../cloudfunctions/shared/china-time';
import { responseDeadline } from '../../cloudfunctions/shared/matters/deadline';
import { chineseDays } from '../../cloudfunctions/shared/matters/holidays';
import { matterSchema, type Matter } from '../../cloudfunctions/shared/matters/model';
import { startCloud, sdkEnv, type TestCloud } from '../support/localcloud';
import { count, getAll, settled, type Cloud, type Database } from '../support/sdk';
import { key } from './drafts';
import { caller, townUser } from './support';
import { matterFixture } from './matter-fixture';
import { readOutbox, type OutboxEntry } from '../support/outbox';

let cloud: TestCloud;
let db: Database;
let api: ReturnType<typeof caller>;
let sdkCloud: Cloud;

const photo = (n: number): string => `cloud://local-dev.local-bucket/matters/test/${n}.jpg`;
const voice = 'cloud://local-dev.local-bucket/matters/test/voice.mp3';

/** A file really stored in cloud storage (WeChat's media check downloads it): its file ID. */
async function storedFile(cloudPath: string): Promise<string> {
  return (await sdkCloud.uploadFile({ cloudPath, fileContent: Buffer.from(`bytes of ${cloudPath}`) })).fileID;
}

/** The media checks of a matter once every verdict has arrived: [file, verdict]. */
async function verdicts(id: string, files: number): Promise<string[][]> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const list = (await stored(id)).mediaChecks;
    if (list.length === files && list.every((c) => c.verdict !== 'pending')) return list.map((c) => [c.fileId, c.verdict]);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`matter ${id}: no media verdicts`);
}
const library = { calendar: chineseDays, overrides: new Map<string, 'holiday' | 'workday'>() };

beforeAll(async () => {
  cloud = await startCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  sdkEnv(cloud.url);
  const sdk = await import('wx-server-sdk');
  sdkCloud = sdk.default;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  db = sdk.database();
  api = caller(cloud);
});
afterAll(async () => {
  await cloud.stop();
});

const outbox = (): Promise<OutboxEntry[]> => readOutbox(cloud);

/** Subscribe messages about one matter: [who, template]. */
async function told(id: string): Promise<[string, string][]> {
  return (await outbox())
    .filter((e) => e.kind === 'subscribeMessage' && (e.page ?? '').endsWith(`?id=${id}`))
    .map((e) => [e.touser ?? '', e.templateId ?? '']);
}

async function stored(id: string): Promise<Matter> {
  const [doc] = await getAll(db.collection(C.matters).where({ _id: id }));
  return matterSchema.parse(doc);
}

const matters = (): Promise<number> => count(db.collection(C.matters));

/** Fires the function's one timer at `time` and gives what the named schedule did (null: it did not run then). */
async function fire(schedule: 'overdue' | 'calendar', time: Date): Promise<{ result: unknown }> {
  const out = await cloud.control<{ result?: { ok: boolean; data?: Record<string, unknown> } }>(
    'POST',
    '/_localcloud/timers/matters/schedule',
    { time: time.toISOString() },
  );
  return { result: out.result?.data?.[schedule] };
}

function kinds(m: MatterDetail): string[] {
  return m.events.map((e) => e.kind);
}

async function raisePublic(who: string, text: string): Promise<MatterDetail> {
  return (await api.ok(who, 'matters', 'raise', { clientKey: key(), text, category: '环境卫生', public: true })).matter;
}

const dbRequests: Record<string, number> = {};

test('the whole flow: raise → respond → discuss → assign → progress → close → rate → reopen once; each side hears what it waits for', async () => {
  await cloud.control('DELETE', '/_localcloud/outbox');
  const raise = await api.call('demo-villager', 'matters', 'raise', {
    clientKey: key(),
    text: '三组到村委会的路上有个大坑，下雨天老人摔过跤',
    photos: [photo(1), photo(2)],
    voice: { fileId: voice, seconds: 12 },
    category: '道路交通',
    public: true,
    location: { name: '三组路口', latitude: 31.12, longitude: 104.38 },
  });
  dbRequests.raise = raise.dbRequests;
  if (!raise.envelope.ok) throw new Error(raise.envelope.error.message);
  const raised = raise.envelope.data;
  expect(raised).toMatchObject({ held: false, repeated: false });
  const id = raised.matter.id;
  expect(raised.matter).toMatchObject({
    status: 'open',
    statusName: '待答复',
    category: '道路交通',
    photoCount: 2,
    hasVoice: true,
    round: 1,
    mine: true,
    householdLabel: '4组1号',
  });
  // The deadline is the pure rule's for the moment it was raised (the demo town has no overrides).
  expect(raised.matter.deadline).toBe(responseDeadline(new Date(raised.matter.raisedAt), library).at.toISOString());
  expect(raised.matter.deadlineText).toMatch(/^\d+月\d+日（周.）24:00$/);
  // Every cadre (the secretary too) hears of it; the raiser is told nothing yet.
  expect((await told(id)).sort()).toEqual(
    ['demo-cadre-1', 'demo-cadre-2', 'demo-cadre-3', 'demo-secretary'].map((u): [string, string] => [u, 'TPL_MATTER_NEW']),
  );

  const queue = await api.call('demo-cadre-1', 'matters', 'queue', {});
  dbRequests.queue = queue.dbRequests;
  expect(queue.envelope.ok && queue.envelope.data.items.map((m) => m.id)).toContain(id);

  const respond = await api.call('demo-cadre-1', 'matters', 'respond', { id, clientKey: key(), text: '收到，明天上午村委会派人查看。' });
  dbRequests.respond = respond.dbRequests;
  if (!respond.envelope.ok) throw new Error(respond.envelope.error.message);
  expect(respond.envelope.data).toMatchObject({ status: 'responded', respondedInTime: true });

  const noteKey = key();
  const note = await api.call('demo-cadre-2', 'matters', 'note', {
    id,
    clientKey: noteKey,
    text: '需要镇交通办出资，先报预算',
    publish: false,
  });
  dbRequests.note = note.dbRequests;
  // A retried note is written once.
  await api.ok('demo-cadre-2', 'matters', 'note', { id, clientKey: noteKey, text: '需要镇交通办出资，先报预算', publish: false });
  await api.ok('demo-secretary', 'matters', 'note', { id, clientKey: key(), text: '村委会议定：先填坑，年底硬化路面', publish: true });

  const assign = await api.call('demo-cadre-1', 'matters', 'assign', {
    id,
    clientKey: key(),
    assignee: { kind: 'person', personId: 'hh-011-m1' },
    dueDate: addDays(chinaDate(new Date()), 3),
    note: '请网格长组织填坑',
  });
  dbRequests.assign = assign.dbRequests;
  expect(assign.envelope.ok && assign.envelope.data).toMatchObject({
    status: 'assigned',
    assignee: { kind: 'person', name: expect.any(String), dueDate: addDays(chinaDate(new Date()), 3) },
  });

  // The grid leader it was assigned to posts progress; another grid leader may not; closing is the cadres'.
  const prog = await api.call('demo-grid-1', 'matters', 'progress', {
    id,
    clientKey: key(),
    text: '已拉来两车碎石，周六填坑',
    photos: [photo(3)],
  });
  dbRequests.progress = prog.dbRequests;
  expect(prog.envelope.ok && prog.envelope.data.events.at(-1)).toMatchObject({ kind: 'progress', roleName: '网格长' });
  expect((await api.refused('demo-grid-2', 'matters', 'progress', { id, clientKey: key(), text: '我也来' })).code).toBe('AUTH.FORBIDDEN');
  expect((await api.refused('demo-grid-1', 'matters', 'close', { id, clientKey: key(), text: '好了' })).code).toBe('AUTH.FORBIDDEN');
  const close = await api.call('demo-cadre-1', 'matters', 'close', {
    id,
    clientKey: key(),
    text: '大坑已填平压实，已设警示牌',
    photos: [photo(4)],
  });
  dbRequests.close = close.dbRequests;
  expect(close.envelope.ok && close.envelope.data).toMatchObject({ status: 'closed', can: { rate: false, close: false } });

  // The raiser sees the whole public timeline but not the internal note, and may now rate.
  const detail = await api.call('demo-villager', 'matters', 'detail', { id });
  dbRequests.detail = detail.dbRequests;
  if (!detail.envelope.ok) throw new Error(detail.envelope.error.message);
  expect(kinds(detail.envelope.data)).toEqual(['raised', 'responded', 'summary', 'assigned', 'progress', 'closed']);
  expect(detail.envelope.data.can).toMatchObject({ rate: true, reopen: false });
  const cadreView = await api.ok('demo-cadre-3', 'matters', 'detail', { id });
  expect(kinds(cadreView)).toEqual(['raised', 'responded', 'note', 'summary', 'assigned', 'progress', 'closed']);

  const rate = await api.call('demo-villager', 'matters', 'rate', { id, clientKey: key(), stars: 2, comment: '坑填了但下雨又积水' });
  dbRequests.rate = rate.dbRequests;
  expect(rate.envelope.ok && rate.envelope.data).toMatchObject({
    stars: 2,
    rating: { stars: 2 },
    can: { rate: false, reopen: true },
    reopensLeft: 1,
  });
  expect((await api.refused('demo-villager', 'matters', 'rate', { id, clientKey: key(), stars: 5 })).code).toBe('MATTER.ALREADY_RATED');

  const reopen = await api.call('demo-villager', 'matters', 'reopen', { id, clientKey: key(), reason: '下雨还是积水，请再看看' });
  dbRequests.reopen = reopen.dbRequests;
  if (!reopen.envelope.ok) throw new Error(reopen.envelope.error.message);
  expect(reopen.envelope.data).toMatchObject({ status: 'open', round: 2, stars: null, reopensLeft: 0 });
  // Round 2's deadline runs from the reopen; the first round's response stays counted as on time.
  expect(reopen.envelope.data.deadline).toBe(
    responseDeadline(new Date(reopen.envelope.data.events.at(-1)?.at ?? ''), library).at.toISOString(),
  );
  expect(reopen.envelope.data.respondedInTime).toBe(true);

  await api.ok('demo-cadre-2', 'matters', 'respond', { id, clientKey: key(), text: '再次查看，准备挖排水沟' });
  await api.ok('demo-cadre-2', 'matters', 'close', { id, clientKey: key(), text: '已挖排水沟，雨后无积水' });
  await api.ok('demo-villager', 'matters', 'rate', { id, clientKey: key(), stars: 1, comment: '还是不满意' });
  // Once only.
  expect((await api.refused('demo-villager', 'matters', 'reopen', { id, clientKey: key(), reason: '再来一次' })).code).toBe(
    'MATTER.REOPEN_USED',
  );
  const final = await stored(id);
  expect(final).toMatchObject({ status: 'closed', round: 2, reopens: 1, stars: 1, respondedBy: 'demo-cadre-1', handlerId: 'demo-cadre-1' });
  expect(final.ratings.map((r) => [r.round, r.stars])).toEqual([
    [1, 2],
    [2, 1],
  ]);
  expect(final.events.filter((e) => e.kind === 'note')).toHaveLength(1);

  // Each side heard what it was waiting for.
  const messages = await told(id);
  expect(messages).toEqual(
    expect.arrayContaining([
      ['demo-villager', 'TPL_MATTER_UPDATE'], // answered, summary, assigned, progress, closed
      ['demo-grid-1', 'TPL_MATTER_ASSIGNED'],
      ['demo-cadre-1', 'TPL_MATTER_RATED'], // the handler hears the stars
      ['demo-secretary', 'TPL_MATTER_RATED'], // and the secretary, for a poor rating
    ]),
  );
  expect(messages.filter(([u, t]) => u === 'demo-villager' && t === 'TPL_MATTER_UPDATE')).toHaveLength(7);
  // The reopen went back to the cadres.
  expect(messages.filter(([u, t]) => u === 'demo-cadre-3' && t === 'TPL_MATTER_NEW')).toHaveLength(2);
});

test('a retried or double-tapped raise raises once; a retried step is done once', async () => {
  const payload: MatterRaiseRequest = { clientKey: key(), text: '垃圾桶满了没人清', category: '环境卫生', public: true };
  const before = await matters();
  const [a, b] = await Promise.all([api.ok('demo-head', 'matters', 'raise', payload), api.ok('demo-head', 'matters', 'raise', payload)]);
  const again = await api.ok('demo-head', 'matters', 'raise', payload);
  expect(await matters()).toBe(before + 1);
  expect(new Set([a.matter.id, b.matter.id, again.matter.id]).size).toBe(1);
  expect(again.repeated).toBe(true);

  const step = { id: a.matter.id, clientKey: key(), text: '已通知保洁员' };
  const [r1, r2] = await Promise.all([
    api.call('demo-cadre-1', 'matters', 'respond', step),
    api.call('demo-cadre-2', 'matters', 'respond', { ...step, clientKey: key() }),
  ]);
  // Two cadres at once: one response; the other is told it is no longer waiting for one.
  expect([r1.envelope.ok, r2.envelope.ok].filter(Boolean)).toHaveLength(1);
  await api.ok('demo-cadre-1', 'matters', 'respond', step).catch(() => undefined);
  const m = await stored(a.matter.id);
  expect(m.events.filter((e) => e.kind === 'responded')).toHaveLength(1);
});

test('a villager who cannot type raises a matter by voice alone', async () => {
  const said = await storedFile('matters/test/voice-alone.mp3');
  const { matter } = await api.ok('demo-head', 'matters', 'raise', {
    clientKey: key(),
    text: '',
    voice: { fileId: said, seconds: 35 },
    category: '道路交通',
    public: true,
  });
  expect(matter).toMatchObject({ title: '道路交通（语音说事）', hasVoice: true, voice: { fileId: said, seconds: 35 }, text: '' });
  // Others hear it once WeChat's media check passed it and a cadre has listened to it.
  expect((await api.ok('demo-villager', 'matters', 'detail', { id: matter.id })).voice).toBeNull();
  expect(await verdicts(matter.id, 1)).toEqual([[said, 'pass']]);
  expect((await api.ok('demo-villager', 'matters', 'detail', { id: matter.id })).voice).toBeNull();
  await api.ok('demo-cadre-1', 'matters', 'respond', { id: matter.id, clientKey: key(), text: '听到了，马上安排' });
  expect((await api.ok('demo-villager', 'matters', 'detail', { id: matter.id })).voice).toEqual({ fileId: said, seconds: 35 });
});

describe('privacy', () => {
  test('a private matter: only the raiser and the village cadres can read it, even by id; never in a public list', async () => {
    const { matter } = await api.ok('demo-villager', 'matters', 'raise', {
      clientKey: key(),
      text: '邻居家儿子长期打骂老人，不方便公开说',
      category: '邻里纠纷',
      public: false,
    });
    expect(matter.public).toBe(false);
    expect((await api.ok('demo-villager', 'matters', 'detail', { id: matter.id })).text).toContain('打骂老人');
    expect((await api.ok('demo-secretary', 'matters', 'detail', { id: matter.id })).text).toContain('打骂老人');
    expect((await api.ok('demo-cadre-2', 'matters', 'detail', { id: matter.id })).householdLabel).toBe('4组1号');
    for (const other of ['demo-head', 'demo-grid-1', 'demo-keeper']) {
      const refused = await api.refused(other, 'matters', 'detail', { id: matter.id });
      expect([other, refused.code]).toEqual([other, 'COMMON.NOT_FOUND']);
      // Not by acting on it either.
      expect((await api.refused(other, 'matters', 'rate', { id: matter.id, clientKey: key(), stars: 1 })).code).toBe('COMMON.NOT_FOUND');
    }
    expect((await api.refused('demo-town', 'matters', 'detail', { id: matter.id })).code).toBe('COMMON.NOT_FOUND');
    for (const who of ['demo-head', 'demo-villager', 'demo-secretary']) {
      const list = await api.ok(who, 'matters', 'list', {});
      expect(list.items.map((m) => m.id)).not.toContain(matter.id);
    }
    expect((await api.ok('demo-villager', 'matters', 'mine', {})).items.map((m) => m.id)).toContain(matter.id);
    expect((await api.ok('demo-head', 'matters', 'mine', {})).items.map((m) => m.id)).not.toContain(matter.id);
    // The cadres' queue has it.
    expect((await api.ok('demo-cadre-1', 'matters', 'queue', {})).items.map((m) => m.id)).toContain(matter.id);
  });

  test('another village sees nothing of this one', async () => {
    const outsider = townUser({ _id: 'o-qingshan', name: '赵四', roles: ['cadre', 'villager'], villageId: 'village-qingshan' });
    await settled(db.collection(C.users).add({ data: outsider }));
    const mine = await raisePublic('demo-villager', '村小学门口需要减速带');
    expect((await api.refused(outsider._id, 'matters', 'detail', { id: mine.id })).code).toBe('COMMON.NOT_FOUND');
    expect((await api.refused(outsider._id, 'matters', 'respond', { id: mine.id, clientKey: key(), text: '收到' })).code).toBe(
      'COMMON.NOT_FOUND',
    );
    expect((await api.ok(outsider._id, 'matters', 'list', {})).items).toEqual([]);
    expect((await api.ok(outsider._id, 'matters', 'queue', {})).items).toEqual([]);
  });

  test("photos and voice go through WeChat's media check: a risky photo stays with the raiser and the cadres, who are told why; a call dressed as the verdict changes nothing", async () => {
    const [risky, fine, spoken] = await Promise.all([
      storedFile('matters/test/risky-dump.jpg'),
      storedFile('matters/test/river.jpg'),
      storedFile('matters/test/said.mp3'),
    ]);
    const { matter } = await api.ok('demo-villager', 'matters', 'raise', {
      clientKey: key(),
      text: '有人往河里倒垃圾',
      photos: [risky, fine],
      voice: { fileId: spoken, seconds: 12 },
      category: '环境卫生',
      public: true,
    });
    // A user's call dressed as WeChat's push is no verdict.
    const [first] = (await stored(matter.id)).mediaChecks;
    const forged = await cloud.call<{ ok: boolean }>(
      'matters',
      { MsgType: 'event', Event: 'wxa_media_check', trace_id: first?.traceId ?? '', result: { suggest: 'pass' } },
      'demo-villager',
    );
    expect(forged.body.result?.ok).toBe(false);
    expect(await verdicts(matter.id, 3)).toEqual([
      [risky, 'risky'],
      [fine, 'pass'],
      [spoken, 'pass'],
    ]);
    const told = (await outbox()).filter((e) => e.templateId === 'TPL_MATTER_NEW' && JSON.stringify(e).includes('未通过安全检测'));
    expect(told.length).toBeGreaterThan(0);
    await api.ok('demo-cadre-1', 'matters', 'respond', { id: matter.id, clientKey: key(), text: '收到，马上处理' });
    const others = await api.ok('demo-head', 'matters', 'detail', { id: matter.id });
    expect(others).toMatchObject({ photos: [], voice: null, mediaPending: true });
    expect(others.events.flatMap((e) => e.photos)).toEqual([]);
    expect((await api.ok('demo-villager', 'matters', 'detail', { id: matter.id })).photos).toEqual([risky, fine]);
    expect((await api.ok('demo-cadre-2', 'matters', 'detail', { id: matter.id })).photos).toEqual([risky, fine]);
  });

  test('others see a public matter with the raiser masked, no household, no coordinates, no internal notes, photos after a cadre looked — and never a phone, ID or address', async () => {
    const shot = await storedFile('matters/test/7.jpg');
    const { matter } = await api.ok('demo-villager', 'matters', 'raise', {
      clientKey: key(),
      text: '河边有人倾倒建筑垃圾',
      photos: [shot],
      category: '环境卫生',
      public: true,
      location: { name: '清溪河边', latitude: 31.2, longitude: 104.4 },
    });
    const seen = await api.ok('demo-head', 'matters', 'detail', { id: matter.id });
    expect(seen.raiserName).toMatch(/^\S\*+$/);
    expect(seen).toMatchObject({
      householdLabel: null,
      location: { name: '清溪河边', latitude: null, longitude: null },
      photos: [],
      mediaPending: true,
      mine: false,
    });
    expect(seen.can).toEqual({
      moderate: false,
      respond: false,
      note: false,
      assign: false,
      progress: false,
      close: false,
      rate: false,
      reopen: false,
    });
    await api.ok('demo-cadre-1', 'matters', 'note', { id: matter.id, clientKey: key(), text: '疑似外村车辆，查监控', publish: false });
    await api.ok('demo-cadre-1', 'matters', 'respond', { id: matter.id, clientKey: key(), text: '已安排清运并查找倾倒人' });
    expect(await verdicts(matter.id, 1)).toEqual([[shot, 'pass']]);
    const after = await api.ok('demo-head', 'matters', 'detail', { id: matter.id });
    expect(after.photos).toEqual([shot]);
    expect(after.mediaPending).toBe(false);
    expect(kinds(after)).toEqual(['raised', 'responded']);
    const list = await api.ok('demo-head', 'matters', 'list', {});
    expect(list.items.find((m) => m.id === matter.id)?.raiserName).toBe(seen.raiserName);
    // The town admin sees every village of the town: a public matter as its villagers see it, to read only.
    const town = await api.ok('demo-town', 'matters', 'detail', { id: matter.id });
    expect(town).toMatchObject({ raiserName: seen.raiserName, householdLabel: null, photos: [shot], mine: false });
    expect(Object.values(town.can).some(Boolean)).toBe(false);
    expect(JSON.stringify(town.events)).not.toContain('疑似外村车辆');

    // The raiser's member record: none of its phone, ID number or the household's address shows anywhere.
    const [me] = await getAll(db.collection(C.users).where({ _id: 'demo-villager' }));
    const [member] = await getAll(db.collection(C.members).where({ _id: String(me?.memberId) }));
    const [household] = await getAll(db.collection(C.households).where({ _id: String(me?.householdId) }));
    const secrets = [String(member?.phone), String(member?.idNumber), String(household?.address)].filter((s) => s.length > 4);
    expect(secrets).toHaveLength(3);
    const views = JSON.stringify([
      after,
      list,
      await api.ok('demo-cadre-1', 'matters', 'detail', { id: matter.id }),
      await api.ok('demo-villager', 'matters', 'mine', {}),
      await api.ok('demo-cadre-1', 'matters', 'queue', {}),
    ]);
    for (const s of secrets) expect(views).not.toContain(s);
  });
});

describe('content check', () => {
  test('risky public text is held for a cadre, not refused: never listed, then released or kept private by a cadre', async () => {
    const before = (await outbox()).length;
    const raised = await api.ok('demo-villager', 'matters', 'raise', {
      clientKey: key(),
      text: '晚上有人在祠堂聚众赌博',
      category: '治安消防',
      public: true,
    });
    expect(raised.held).toBe(true);
    const id = raised.matter.id;
    expect(raised.matter).toMatchObject({ status: 'held', statusName: '待审核' });
    const checks = (await outbox()).slice(before).filter((e) => e.kind === 'msgSecCheck');
    expect(checks.map((c) => c.content)).toEqual(['晚上有人在祠堂聚众赌博']);
    expect((await api.ok('demo-head', 'matters', 'list', {})).items.map((m) => m.id)).not.toContain(id);
    expect((await api.refused('demo-head', 'matters', 'detail', { id })).code).toBe('COMMON.NOT_FOUND');
    expect((await api.ok('demo-villager', 'matters', 'detail', { id })).status).toBe('held');
    const queue = await api.ok('demo-cadre-1', 'matters', 'queue', {});
    expect(queue.items.find((m) => m.id === id)?.status).toBe('held');
    expect((await api.refused('demo-cadre-1', 'matters', 'respond', { id, clientKey: key(), text: '收到' })).code).toBe(
      'MATTER.WRONG_STATE',
    );
    const kept = await api.ok('demo-cadre-1', 'matters', 'moderate', { id, clientKey: key(), decision: 'private' });
    expect(kept).toMatchObject({ status: 'open', public: false });
    expect((await api.ok('demo-head', 'matters', 'list', {})).items.map((m) => m.id)).not.toContain(id);
    expect((await api.ok('demo-cadre-1', 'matters', 'respond', { id, clientKey: key(), text: '已报派出所' })).status).toBe('responded');
  });

  test('a held matter released by a cadre is listed', async () => {
    // The words of the local cloud's risky list can be a false alarm: "办证" in a question about getting papers.
    const raised = await api.ok('demo-head', 'matters', 'raise', {
      clientKey: key(),
      text: '老人办证要带哪些材料？',
      category: '政策咨询',
      public: true,
    });
    expect(raised.held).toBe(true);
    await api.ok('demo-secretary', 'matters', 'moderate', { id: raised.matter.id, clientKey: key(), decision: 'release' });
    expect((await api.ok('demo-villager', 'matters', 'list', {})).items.map((m) => m.id)).toContain(raised.matter.id);
  });

  test('a private matter is not checked (only the cadres read it); cadres’ public answers are', async () => {
    const before = (await outbox()).length;
    const raised = await api.ok('demo-villager', 'matters', 'raise', {
      clientKey: key(),
      text: '我怀疑有人诈骗老人钱财',
      category: '治安消防',
      public: false,
    });
    expect(raised.held).toBe(false);
    expect((await outbox()).slice(before).filter((e) => e.kind === 'msgSecCheck')).toEqual([]);
    const risky = await api.refused('demo-cadre-1', 'matters', 'respond', {
      id: raised.matter.id,
      clientKey: key(),
      text: '赌博的事我们会查',
    });
    expect(risky.code).toBe('COMMON.INVALID_INPUT');
    expect((await stored(raised.matter.id)).status).toBe('open');
  });
});

test('bad input and refused steps change nothing', async () => {
  const target = await raisePublic('demo-villager', '自来水管漏水');
  const id = target.id;
  const n0 = await matters();
  const v0 = (await stored(id)).version;
  const k = key();
  const raises: [string, unknown][] = [
    ['no text, no voice', { clientKey: k, text: '   ', category: '其他', public: true }],
    ['unknown category', { clientKey: k, text: '路灯', category: '天气', public: true }],
    ['ten photos', { clientKey: k, text: '路灯', category: '其他', public: true, photos: Array.from({ length: 10 }, (_, i) => photo(i)) }],
    ['not a cloud file', { clientKey: k, text: '路灯', category: '其他', public: true, photos: ['https://example.com/a.jpg'] }],
    ['voice of 0 s', { clientKey: k, text: '', category: '其他', public: true, voice: { fileId: voice, seconds: 0 } }],
    ['text too long', { clientKey: k, text: '长'.repeat(1001), category: '其他', public: true }],
    ['an extra field', { clientKey: k, text: '路灯', category: '其他', public: true, raisedBy: 'demo-secretary' }],
    ['bad client key', { clientKey: 'x', text: '路灯', category: '其他', public: true }],
    [
      'latitude 200',
      { clientKey: k, text: '路灯', category: '其他', public: true, location: { name: '村口', latitude: 200, longitude: 1 } },
    ],
  ];
  for (const [what, payload] of raises) {
    const reply = await cloud.call<{ ok: boolean; error?: { code: string; message: string } }>(
      'matters',
      { action: 'raise', payload },
      'demo-villager',
    );
    expect([what, reply.body.result?.error?.code]).toEqual([what, 'COMMON.INVALID_INPUT']);
    expect(reply.body.result?.error?.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  const steps: [string, () => Promise<{ code: string }>, string][] = [
    [
      'villager responds',
      () => api.refused('demo-head', 'matters', 'respond', { id, clientKey: key(), text: '我来答复' }),
      'AUTH.FORBIDDEN',
    ],
    ['rate before closed', () => api.refused('demo-villager', 'matters', 'rate', { id, clientKey: key(), stars: 5 }), 'MATTER.WRONG_STATE'],
    [
      'assign before responding',
      () =>
        api.refused('demo-cadre-1', 'matters', 'assign', {
          id,
          clientKey: key(),
          assignee: { kind: 'body', name: '镇水务站' },
          dueDate: addDays(chinaDate(new Date()), 2),
        }),
      'MATTER.WRONG_STATE',
    ],
    [
      'close before responding',
      () => api.refused('demo-cadre-1', 'matters', 'close', { id, clientKey: key(), text: '好了' }),
      'MATTER.WRONG_STATE',
    ],
    [
      'reopen an open one',
      () => api.refused('demo-villager', 'matters', 'reopen', { id, clientKey: key(), reason: '不满意' }),
      'MATTER.WRONG_STATE',
    ],
    [
      'no such matter',
      () => api.refused('demo-cadre-1', 'matters', 'respond', { id: 'm-nope', clientKey: key(), text: '收到' }),
      'COMMON.NOT_FOUND',
    ],
    [
      'not joined',
      () => api.refused('nobody', 'matters', 'raise', { clientKey: key(), text: '你好', category: '其他', public: true }),
      'AUTH.NOT_JOINED',
    ],
    ['villager queue', () => api.refused('demo-villager', 'matters', 'queue', {}), 'AUTH.FORBIDDEN'],
    ['villager stats', () => api.refused('demo-villager', 'matters', 'stats', { from: '2026-01-01', to: '2026-01-31' }), 'AUTH.FORBIDDEN'],
    [
      'backwards period',
      () => api.refused('demo-cadre-1', 'matters', 'stats', { from: '2026-02-01', to: '2026-01-01' }),
      'COMMON.INVALID_INPUT',
    ],
    [
      'villager override',
      () => api.refused('demo-villager', 'matters', 'setOverride', { scope: 'village', date: '2027-01-01', kind: 'holiday', name: '元旦' }),
      'AUTH.FORBIDDEN',
    ],
    [
      'cadre town override',
      () => api.refused('demo-cadre-1', 'matters', 'setOverride', { scope: 'town', date: '2027-01-01', kind: 'holiday', name: '元旦' }),
      'AUTH.FORBIDDEN',
    ],
    [
      'not a date',
      () => api.refused('demo-town', 'matters', 'setOverride', { scope: 'town', date: '2027-02-30', kind: 'holiday', name: '春节' }),
      'COMMON.INVALID_INPUT',
    ],
  ];
  for (const [what, run, expected] of steps) expect([what, (await run()).code]).toEqual([what, expected]);

  await api.ok('demo-cadre-1', 'matters', 'respond', { id, clientKey: key(), text: '已报修' });
  const v1 = (await stored(id)).version;
  const after: [string, () => Promise<{ code: string }>, string][] = [
    [
      'due yesterday',
      () =>
        api.refused('demo-cadre-1', 'matters', 'assign', {
          id,
          clientKey: key(),
          assignee: { kind: 'body', name: '镇水务站' },
          dueDate: addDays(chinaDate(new Date()), -1),
        }),
      'COMMON.INVALID_INPUT',
    ],
    [
      'assign to a plain villager',
      () =>
        api.refused('demo-cadre-1', 'matters', 'assign', {
          id,
          clientKey: key(),
          assignee: { kind: 'person', personId: 'hh-021-m1' },
          dueDate: addDays(chinaDate(new Date()), 1),
        }),
      'COMMON.INVALID_INPUT',
    ],
    [
      'assign to another village',
      () =>
        api.refused('demo-cadre-1', 'matters', 'assign', {
          id,
          clientKey: key(),
          assignee: { kind: 'person', personId: 'qs-m1' },
          dueDate: addDays(chinaDate(new Date()), 1),
        }),
      'COMMON.INVALID_INPUT',
    ],
    [
      'respond twice',
      () => api.refused('demo-cadre-2', 'matters', 'respond', { id, clientKey: key(), text: '再答复' }),
      'MATTER.WRONG_STATE',
    ],
  ];
  for (const [what, run, expected] of after) expect([what, (await run()).code]).toEqual([what, expected]);
  const six = await cloud.call<{ ok: boolean; error?: { code: string } }>(
    'matters',
    { action: 'rate', payload: { id, clientKey: key(), stars: 6 } },
    'demo-villager',
  );
  expect(six.body.result?.error?.code).toBe('COMMON.INVALID_INPUT');
  const unknown = await cloud.call<{ ok: boolean; error?: { code: string } }>(
    'matters',
    { action: 'delete', payload: { id } },
    'demo-secretary',
  );
  expect(unknown.body.result?.error?.code).toBe('COMMON.UNKNOWN_ACTION');

  expect(await matters()).toBe(n0);
  expect((await stored(id)).version).toBe(v1);
  expect(v1).toBe(v0 + 1);
});

describe('overdue: the timer reminds the assignee and escalates to the secretary, once', () => {
  test('no response within two working days: the secretary is told once, however often the timer fires', async () => {
    const m = await raisePublic('demo-head', '五组的垃圾池三天没清运了');
    const deadline = new Date(m.deadline);
    await fire('overdue', new Date(deadline.getTime() - 60_000));
    expect(await told(m.id)).not.toContainEqual(['demo-secretary', 'TPL_MATTER_OVERDUE']);
    const late = new Date(deadline.getTime() + 3_600_000);
    const [first, second] = await Promise.all([fire('overdue', late), fire('overdue', late)]);
    await fire('overdue', new Date(late.getTime() + 86_400_000));
    const escalatedBy = [first, second].filter((r) => JSON.stringify(r.result).includes(m.id));
    expect(escalatedBy).toHaveLength(1);
    expect((await told(m.id)).filter(([, t]) => t === 'TPL_MATTER_OVERDUE')).toEqual([['demo-secretary', 'TPL_MATTER_OVERDUE']]);
    const s = await stored(m.id);
    expect(s.events.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    expect(s).toMatchObject({ armed: false, respondedInTime: false });
    const seen = await api.ok('demo-cadre-1', 'matters', 'queue', {});
    // The queue is by deadline: this one (past due) comes before every later one, and is marked overdue.
    const row = seen.items.find((x) => x.id === m.id);
    expect(row?.status).toBe('open');
    // (Real time has not passed its deadline, so it is not yet overdue now; the timer fired "later".)
    expect(row?.overdue).toBe(false);
  });

  test('an assignment past its due date reminds the assignee and escalates to the secretary, once', async () => {
    const m = await raisePublic('demo-villager', '村委会门口的路灯不亮');
    await api.ok('demo-cadre-3', 'matters', 'respond', { id: m.id, clientKey: key(), text: '收到' });
    const due = chinaDate(new Date());
    await api.ok('demo-cadre-3', 'matters', 'assign', {
      id: m.id,
      clientKey: key(),
      assignee: { kind: 'person', personId: 'hh-061-m1' },
      dueDate: due,
    });
    const afterDue = new Date(Date.parse(`${addDays(due, 1)}T09:00:00+08:00`));
    await fire('overdue', afterDue);
    await fire('overdue', afterDue);
    expect((await told(m.id)).filter(([, t]) => t === 'TPL_MATTER_OVERDUE').sort()).toEqual([
      ['demo-grid-2', 'TPL_MATTER_OVERDUE'],
      ['demo-secretary', 'TPL_MATTER_OVERDUE'],
    ]);
    const view = await api.ok('demo-villager', 'matters', 'detail', { id: m.id });
    expect(kinds(view)).toEqual(['raised', 'responded', 'assigned', 'escalated']);
    // Re-assigning with a new due date arms the timer again, for the new date.
    await api.ok('demo-cadre-3', 'matters', 'assign', {
      id: m.id,
      clientKey: key(),
      assignee: { kind: 'body', name: '镇供电所' },
      dueDate: addDays(due, 5),
    });
    expect((await stored(m.id)).armed).toBe(true);
  });
});

describe('deadlines and the holiday calendar', () => {
  test('a village override moves the deadline of a matter raised now; removing it restores the rule', async () => {
    const today = chinaDate(new Date());
    const next = responseDeadline(new Date(), library).workingDays[0] ?? '';
    await api.ok('demo-cadre-1', 'matters', 'setOverride', { scope: 'village', date: next, kind: 'holiday', name: '村里庙会' });
    const m = await raisePublic('demo-head', '庙会期间停车乱');
    const rules = { calendar: chineseDays, overrides: new Map<string, 'holiday' | 'workday'>([[next, 'holiday']]) };
    expect(m.deadline).toBe(responseDeadline(new Date(m.raisedAt), rules).at.toISOString());
    expect(m.deadline).not.toBe(responseDeadline(new Date(m.raisedAt), library).at.toISOString());
    const cal = await api.ok('demo-cadre-1', 'matters', 'calendar', {});
    expect(cal.overrides).toContainEqual(expect.objectContaining({ date: next, kind: 'holiday', scope: 'village', name: '村里庙会' }));
    expect(cal.canEditVillage).toBe(true);
    expect(cal.canEditTown).toBe(false);
    const cleared = await api.ok('demo-cadre-1', 'matters', 'setOverride', { scope: 'village', date: next, kind: 'none', name: '' });
    expect(cleared.overrides.find((o) => o.date === next)).toBeUndefined();
    expect(today <= next).toBe(true);
  });

  test('next year missing from the library: from December the town admin is warned once, until the town enters that year', async () => {
    expect(chineseDays.covers(2027)).toBe(false);
    await cloud.control('DELETE', '/_localcloud/outbox');
    expect((await fire('calendar', new Date('2026-11-30T01:00:00Z'))).result).toEqual({ warned: [] });
    const dec1 = await fire('calendar', new Date('2026-12-01T01:00:00Z'));
    expect(dec1.result).toEqual({ warned: ['town-qingxi|2027'] });
    expect((await fire('calendar', new Date('2026-12-02T01:00:00Z'))).result).toEqual({ warned: [] });
    const sent = (await outbox()).filter((e) => e.templateId === 'TPL_CALENDAR_MISSING');
    expect(sent.map((e) => e.touser)).toEqual(['demo-town']);

    const seen = await api.ok('demo-town', 'matters', 'calendar', {});
    expect(seen.libraryYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(seen.coverage).toContainEqual({ year: 2027, source: 'none' });
    expect(seen.warnings.map((w) => w.year)).toEqual([2027]);
    expect(seen.warnings[0]?.message).toContain('2027年');
    expect(seen.canEditTown).toBe(true);
    // Cadres of the town's villages see it too.
    expect((await api.ok('demo-secretary', 'matters', 'calendar', {})).warnings.map((w) => w.year)).toEqual([2027]);

    // The town admin enters 2027's Spring Festival: the year counts as covered and the warning goes.
    for (const date of ['2027-02-06', '2027-02-07', '2027-02-08'])
      await api.ok('demo-town', 'matters', 'setOverride', { scope: 'town', date, kind: 'holiday', name: '春节' });
    const fixed = await api.ok('demo-town', 'matters', 'setOverride', {
      scope: 'town',
      date: '2027-02-20',
      kind: 'workday',
      name: '春节调休',
    });
    expect(fixed.coverage).toContainEqual({ year: 2027, source: 'overrides' });
    expect(fixed.warnings).toEqual([]);
    expect(fixed.overrides.filter((o) => o.scope === 'town').map((o) => o.date)).toEqual([
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-20',
    ]);
    // And the check no longer warns about it.
    await settled(db.collection(C.calendarWarnings).where({ _id: 'town-qingxi|2027' }).remove());
    expect((await fire('calendar', new Date('2026-12-03T01:00:00Z'))).result).toEqual({ warned: [] });
  });
});

describe('statistics per village and per cadre, by aggregation', () => {
  const V = 'village-liushu';
  const cadreA = townUser({ _id: 'o-liu-a', name: '柳大成', roles: ['secretary', 'cadre'], villageId: V, memberId: 'm-liu-a' });
  const cadreB = townUser({ _id: 'o-liu-b', name: '柳小红', roles: ['cadre'], villageId: V, memberId: 'm-liu-b' });
  let n = 0;
  function fixture(over: Partial<Matter>): Matter {
    n += 1;
    const raiser = { id: 'o-liu-villager', name: '柳村民', householdId: null, householdLabel: '' };
    const deadline = { raisedOn: '2026-03-02', at: new Date('2026-03-04T16:00:00Z') };
    const facts = { id: `stats-${n}`, villageId: V, raiser, text: `第${n}件`, category: '其他' as const, deadline };
    return matterFixture({ ...facts, raisedAt: new Date('2026-03-02T02:00:00Z') }, { armed: false, ...over });
  }
  const rated = (stars: number, by: string): Partial<Matter> => ({
    status: 'closed',
    active: false,
    respondedAt: new Date('2026-03-03T02:00:00Z'),
    respondedBy: by,
    respondedInTime: true,
    handlerId: by,
    closedAt: new Date('2026-03-05T02:00:00Z'),
    stars,
    rating: { stars, comment: '', at: new Date('2026-03-06T02:00:00Z'), round: 1 },
  });

  beforeAll(async () => {
    await settled(db.collection(C.users).add({ data: [cadreA, cadreB] }));
    const docs = [
      fixture(rated(5, cadreA._id)),
      fixture(rated(4, cadreA._id)),
      fixture(rated(2, cadreB._id)),
      fixture({
        status: 'responded',
        respondedAt: new Date('2026-03-05T02:00:00Z'),
        respondedBy: cadreB._id,
        respondedInTime: false,
        handlerId: cadreB._id,
      }), // late
      fixture({}), // no response, deadline long past: due, not in time
      fixture({
        status: 'closed',
        active: false,
        respondedAt: new Date('2026-03-03T02:00:00Z'),
        respondedBy: cadreB._id,
        respondedInTime: true,
        handlerId: cadreA._id,
        closedAt: new Date('2026-03-04T02:00:00Z'),
      }), // assigned on to A, closed, not rated
      fixture({ raisedOn: '2026-04-10' }), // outside the period
    ];
    await settled(db.collection(C.matters).add({ data: docs }));
  });

  test('the village row, a row per cadre, and the town admin’s row per village', async () => {
    const reply = await api.call(cadreB._id, 'matters', 'stats', { from: '2026-03-01', to: '2026-03-31' });
    dbRequests.stats = reply.dbRequests;
    if (!reply.envelope.ok) throw new Error(reply.envelope.error.message);
    const s = reply.envelope.data;
    expect(s.village).toEqual({
      id: V,
      name: '柳树村',
      raised: 6,
      due: 6,
      respondedInTime: 4,
      responseRate: 0.6667,
      closed: 4,
      resolutionRate: 0.6667,
      rated: 3,
      averageStars: 3.67,
      goodShare: 0.6667,
    });
    const a = s.cadres.find((c) => c.personId === cadreA.memberId);
    const b = s.cadres.find((c) => c.personId === cadreB.memberId);
    expect(a).toMatchObject({
      name: '柳大成',
      raised: 3,
      respondedInTime: 3,
      responseRate: 1,
      closed: 3,
      resolutionRate: 1,
      rated: 2,
      averageStars: 4.5,
      goodShare: 1,
    });
    expect(b).toMatchObject({
      raised: 2,
      due: 2,
      respondedInTime: 1,
      responseRate: 0.5,
      closed: 1,
      rated: 1,
      averageStars: 2,
      goodShare: 0,
    });

    const town = await api.ok('demo-town', 'matters', 'stats', { from: '2026-03-01', to: '2026-03-31' });
    expect(town.village).toBeNull();
    expect(town.villages.map((v) => v.name).sort()).toEqual(['和美村', '柳树村', '青山村'].sort());
    expect(town.villages.find((v) => v.id === V)).toEqual(s.village);
  });

  test('the number of database requests does not grow with the number of matters', async () => {
    const before = (await api.call(cadreA._id, 'matters', 'stats', { from: '2026-03-01', to: '2026-03-31' })).dbRequests;
    await settled(db.collection(C.matters).add({ data: Array.from({ length: 120 }, () => fixture(rated(5, cadreA._id))) }));
    const after = await api.call(cadreA._id, 'matters', 'stats', { from: '2026-03-01', to: '2026-03-31' });
    expect(after.dbRequests).toBe(before);
    expect(after.envelope.ok && after.envelope.data.village?.raised).toBe(126);
    const townBefore = (await api.call('demo-town', 'matters', 'stats', { from: '2026-03-01', to: '2026-03-31' })).dbRequests;
    expect(townBefore).toBeLessThanOrEqual(3);
  });
});

test('reading: lists are paged newest first, the queue is by deadline; request counts', async () => {
  const list = await api.call('demo-head', 'matters', 'list', {});
  dbRequests.list = list.dbRequests;
  if (!list.envelope.ok) throw new Error('list failed');
  const times = list.envelope.data.items.map((m) => m.raisedAt);
  expect([...times].sort().reverse()).toEqual(times);
  expect(list.envelope.data.items.length).toBeLessThanOrEqual(20);
  const mine = await api.call('demo-villager', 'matters', 'mine', {});
  dbRequests.mine = mine.dbRequests;
  const queue = await api.ok('demo-secretary', 'matters', 'queue', {});
  const dues = queue.items.map((m) => m.due);
  expect(queue.items.length).toBeGreaterThan(0);
  expect([...dues].sort()).toEqual(dues);
  expect(queue.items.every((m) => m.status !== 'closed')).toBe(true);
  const cal = await api.call('demo-secretary', 'matters', 'calendar', {});
  dbRequests.calendar = cal.dbRequests;
  const people = await api.ok('demo-cadre-1', 'matters', 'assignees', {});
  expect(people.people[0]?.roleName).toBe('村书记');
  expect(people.people.map((p) => p.personId)).toEqual(expect.arrayContaining(['hh-001-m1', 'hh-002-m1', 'hh-011-m1']));
  expect(people.people.map((p) => p.personId)).not.toContain('hh-021-m1');
  console.log(
    `db requests per action: ${Object.entries(dbRequests)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
});

test('the demo village comes with believable matters in every state, each one reachable by the rules', async () => {
  const seeded = (
    await getAll(db.collection(C.matters).where({ clientKey: db.command.in(Array.from({ length: 12 }, (_, i) => `seed-${i + 1}`)) }))
  ).map((d) => matterSchema.parse(d));
  expect(seeded).toHaveLength(12);
  expect(new Set(seeded.map((m) => m.status))).toEqual(new Set(['closed', 'assigned', 'responded', 'open', 'held']));
  expect(seeded.filter((m) => m.reopens === 1)).toHaveLength(1);
  expect(seeded.filter((m) => !m.public)).toHaveLength(1);
  for (const m of seeded) {
    expect(m.deadlineAt.toISOString()).toBe(responseDeadline(m.raisedAt, library).at.toISOString());
    expect(m.events.map((e) => e.at.getTime())).toEqual([...m.events.map((e) => e.at.getTime())].sort((a, b) => a - b));
  }
  const list = await api.ok('demo-villager', 'matters', 'list', { page: 0 });
  expect(list.items.some((m) => m.stars === 5)).toBe(true);
});
