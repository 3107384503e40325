// Fair by construction: each exploit of the fairness issue, played on the demo village through the
// real functions. Nobody records for, approves, reverses or resolves an objection about their own
// household; nobody confirms their own join request; a role link makes nobody a cadre or secretary
// until someone else with the authority confirms it.
import { count, getAll } from '../support/sdk';
import { key, recordDraft } from './drafts';
import { demoCloudPerFile } from './support';

// The month after the seed's last notice (the seed's history ends at the clock, TEST_NOW): the 20th.
let DAY = '';
let MONTH = '';
const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';

const demo = demoCloudPerFile();
beforeAll(async () => {
  const notices = await getAll(demo.db.collection('notices').where({ villageId: 'village-hemei' }).limit(100));
  const last =
    notices
      .map((n) => String(n.month))
      .sort()
      .at(-1) ?? '2026-10';
  const next = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 20));
  DAY = next.toISOString().slice(0, 10);
  MONTH = DAY.slice(0, 7);
  await demo.cloud.setClock(`${DAY}T02:00:00Z`);
});

async function householdOf(openid: string): Promise<string> {
  const me = await demo.api.ok(openid, 'account', 'me', {});
  const id = me.joined ? me.household?.id : undefined;
  if (!id) throw new Error(`${openid} has no household`);
  return id;
}

test('the secretary records +2 for their own household: it waits for another cadre, who approves it', async () => {
  const own = await householdOf('demo-secretary');
  const rec = await demo.api.ok('demo-secretary', 'points', 'record', recordDraft('A01', DAY, { householdIds: [own] }));
  const [r] = rec.records;
  expect(r?.status).toBe('pending');
  // The secretary's final say stops at their own household.
  const self = await demo.api.ok('demo-secretary', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' });
  expect(self.done).toEqual([]);
  expect(self.skipped[0]?.message).toContain('自己家');
  expect((await demo.api.ok('demo-secretary', 'points', 'queue', {})).records.map((x) => x.id)).not.toContain(r?.id);
  expect((await demo.api.ok('demo-cadre-1', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' })).done).toEqual([r?.id]);
  // The audit trail shows who did each step.
  const archive = await demo.api.ok('demo-secretary', 'points', 'archive', {});
  const steps = archive.history.find((h) => h.id === r?.id)?.steps ?? [];
  expect(steps.map((s) => [s.decision, s.byName.length > 0])).toEqual([
    ['submitted', true],
    ['approved', true],
  ]);
  expect(new Set(steps.map((s) => s.byName)).size).toBe(2);
});

test('a cadre recording a batch that includes their own household: the others pass, their own waits', async () => {
  const own = await householdOf('demo-cadre-2');
  const other = await householdOf('demo-head');
  const rec = await demo.api.ok('demo-cadre-2', 'points', 'record', recordDraft('A01', DAY, { householdIds: [own, other] }));
  const status = Object.fromEntries(rec.records.map((x) => [x.householdId, x.status]));
  expect(status).toEqual({ [own]: 'pending', [other]: 'approved' });
});

test("a grid leader's own household skips the grid leader: it waits for a cadre", async () => {
  const rec = await demo.api.ok('demo-grid-1', 'points', 'record', recordDraft('D04', DAY, { evidence: [photo] }));
  const [r] = rec.records;
  expect(r?.status).toBe('pending');
  expect((await demo.api.ok('demo-grid-1', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' })).done).toEqual([]);
  expect((await demo.api.ok('demo-cadre-3', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' })).done).toEqual([r?.id]);
});

test('a cadre cannot reverse a record of their own household; another cadre can', async () => {
  const own = await householdOf('demo-cadre-1');
  const rec = await demo.api.ok('demo-cadre-3', 'points', 'record', recordDraft('A07', DAY, { householdIds: [own], reason: '缠访' }));
  const id = rec.records[0]?.id ?? '';
  expect(rec.records[0]?.status).toBe('approved');
  const before = await count(demo.db.collection('pointRecords'));
  const refusal = await demo.api.refused('demo-cadre-1', 'points', 'reverse', { recordId: id, reason: '不该扣', clientKey: key() });
  expect(refusal.code).toBe('AUTH.OWN_HOUSEHOLD');
  expect(await count(demo.db.collection('pointRecords'))).toBe(before);
  await demo.api.ok('demo-cadre-2', 'points', 'reverse', { recordId: id, reason: '核实有误', clientKey: key() });
});

test('a cadre with no household cannot join one and confirm their own request', async () => {
  const invite = await demo.api.ok('demo-secretary', 'village', 'createInvite', { kind: 'role', role: 'cadre', forName: '赵新民' });
  const joined = await demo.api.ok('o-new-cadre', 'village', 'join', { code: invite.code, name: '赵新民' });
  expect(joined.status).toBe('pending');
  const waiting = await demo.api.ok('demo-secretary', 'village', 'pending', {});
  const roleRequest = waiting.requests.find((r) => r.name === '赵新民');
  // Another cadre is not the authority for a role: the secretary is.
  expect((await demo.api.refused('demo-cadre-1', 'village', 'confirm', { requestId: roleRequest?.id ?? '' })).code).toBe('AUTH.FORBIDDEN');
  await demo.api.ok('demo-secretary', 'village', 'confirm', { requestId: roleRequest?.id ?? '' });

  const target = await householdOf('demo-head');
  const hhInvite = await demo.api.ok('o-new-cadre', 'village', 'createInvite', { kind: 'household', householdId: target });
  const request = await demo.api.ok('o-new-cadre', 'village', 'join', { code: hhInvite.code, name: '赵新民', idLast4: '1234' });
  if (request.status !== 'pending') throw new Error('expected a pending request');
  const users = await getAll(demo.db.collection('users').where({ _id: 'o-new-cadre' }));
  const refusal = await demo.api.refused('o-new-cadre', 'village', 'confirm', { requestId: request.request.id, relation: '其他' });
  expect(refusal.code).toBe('AUTH.OWN_HOUSEHOLD');
  expect(await getAll(demo.db.collection('users').where({ _id: 'o-new-cadre' }))).toEqual(users);
  expect(users[0]?.householdId).toBeNull();
});

test('a forwarded secretary link makes nobody secretary and demotes nobody until the town admin confirms', async () => {
  const invite = await demo.api.ok('demo-town', 'village', 'createInvite', {
    kind: 'secretary',
    villageId: 'village-hemei',
    forName: '张三',
  });
  const joined = await demo.api.ok('o-outsider', 'village', 'join', { code: invite.code, name: '张三' });
  expect(joined.status).toBe('pending');
  expect(await demo.api.ok('demo-secretary', 'account', 'me', {})).toMatchObject({ roles: expect.arrayContaining(['secretary']) });
  const waiting = await demo.api.ok('demo-secretary', 'village', 'pending', {});
  const request = waiting.requests.find((r) => r.name === '张三');
  expect(request?.roleName).toBe('村书记');
  // The sitting secretary cannot confirm their own successor; the town admin can refuse.
  expect((await demo.api.refused('demo-secretary', 'village', 'confirm', { requestId: request?.id ?? '' })).code).toBe('AUTH.FORBIDDEN');
  await demo.api.ok('demo-town', 'village', 'refuse', { requestId: request?.id ?? '', reason: '不是本人' });
  expect(await demo.api.ok('demo-secretary', 'account', 'me', {})).toMatchObject({ roles: expect.arrayContaining(['secretary']) });
});

test('objections: nobody resolves one about their own household or a record they made', async () => {
  const cadre2Home = await householdOf('demo-cadre-2');
  const target = await householdOf('demo-head');
  const made = await demo.api.ok('demo-cadre-1', 'points', 'record', recordDraft('A01', DAY, { householdIds: [target] }));
  // The month ends (00:30 on the 1st in China); the sweep publishes its notice.
  const y = Number(MONTH.slice(0, 4));
  const m = Number(MONTH.slice(5, 7));
  const end = new Date(Date.UTC(y, m, 1) - 7.5 * 3600 * 1000).toISOString();
  await demo.cloud.setClock(end);
  await demo.cloud.control('POST', '/_localcloud/timers/notice/sweep', { time: end });
  const onRecord = await demo.api.ok('demo-villager', 'notice', 'object', {
    clientKey: key(),
    month: MONTH,
    householdId: target,
    recordId: made.records[0]?.id ?? '',
    reason: '那天没来',
  });
  const onHome = await demo.api.ok('demo-villager', 'notice', 'object', {
    clientKey: key(),
    month: MONTH,
    householdId: cadre2Home,
    reason: '分数不对',
  });
  const before = await getAll(demo.db.collection('objections').where({ villageId: 'village-hemei' }));
  expect(
    (
      await demo.api.refused('demo-cadre-1', 'notice', 'resolve', {
        objectionId: onRecord.id,
        decision: 'dismiss',
        reason: '有照片',
        clientKey: key(),
      })
    ).code,
  ).toBe('AUTH.OWN_HOUSEHOLD');
  expect(
    (
      await demo.api.refused('demo-cadre-2', 'notice', 'resolve', {
        objectionId: onHome.id,
        decision: 'dismiss',
        reason: '没问题',
        clientKey: key(),
      })
    ).code,
  ).toBe('AUTH.OWN_HOUSEHOLD');
  expect(await getAll(demo.db.collection('objections').where({ villageId: 'village-hemei' }))).toEqual(before);
  expect(
    (
      await demo.api.ok('demo-cadre-2', 'notice', 'resolve', {
        objectionId: onRecord.id,
        decision: 'dismiss',
        reason: '有签到表',
        clientKey: key(),
      })
    ).status,
  ).toBe('dismissed');
  expect(
    (
      await demo.api.ok('demo-cadre-3', 'notice', 'resolve', {
        objectionId: onHome.id,
        decision: 'dismiss',
        reason: '核实无误',
        clientKey: key(),
      })
    ).status,
  ).toBe('dismissed');
});

test('the notice shows others a deduction and its points, not the item; the household itself and the cadres see it', async () => {
  const home = await householdOf('demo-cadre-1');
  const itemsSeenBy = async (openid: string): Promise<string[]> =>
    ((await demo.api.ok(openid, 'notice', 'get', { month: MONTH })).notice.lines.find((l) => l.householdId === home)?.items ?? [])
      .filter((i) => i.points < 0)
      .map((i) => i.itemName);
  expect(await itemsSeenBy('demo-villager')).toEqual(['扣分']);
  expect(await itemsSeenBy('demo-cadre-1')).toEqual(['无理上访、缠访闹访']);
  expect(await itemsSeenBy('demo-cadre-3')).toEqual(['无理上访、缠访闹访']);
});

async function nameOf(openid: string): Promise<string> {
  const me = await demo.api.ok(openid, 'account', 'me', {});
  if (!me.joined) throw new Error(`${openid} has not joined`);
  return me.name;
}

test('a complaint about a cadre reaches the secretary and the supervisors, never the cadre concerned', async () => {
  const cadre = await nameOf('demo-cadre-1');
  const raised = await demo.api.ok('demo-villager', 'matters', 'raise', {
    clientKey: key(),
    text: `${cadre}办事拖拉，态度也不好`,
    category: '其他',
    public: true,
  });
  const id = raised.matter.id;
  for (const who of ['demo-cadre-1', 'demo-cadre-2', 'demo-head', 'demo-grid-1']) {
    expect((await demo.api.refused(who, 'matters', 'detail', { id })).code).toBe('COMMON.NOT_FOUND');
    if (who.startsWith('demo-cadre')) expect((await demo.api.ok(who, 'matters', 'queue', {})).items.map((m) => m.id)).not.toContain(id);
  }
  expect((await demo.api.ok('demo-villager', 'matters', 'list', {})).items.map((m) => m.id)).not.toContain(id);
  expect((await demo.api.ok('demo-secretary', 'matters', 'detail', { id })).can.respond).toBe(true);
  expect((await demo.api.ok('demo-supervisor', 'matters', 'detail', { id })).can.respond).toBe(true);
  expect((await demo.api.ok('demo-supervisor', 'matters', 'queue', {})).items.map((m) => m.id)).toContain(id);
  // 干部作风 without a name: still only the secretary and the supervisors.
  const conduct = await demo.api.ok('demo-villager', 'matters', 'raise', {
    clientKey: key(),
    text: '村里有干部吃拿卡要',
    category: '干部作风',
    public: true,
  });
  expect((await demo.api.refused('demo-cadre-3', 'matters', 'detail', { id: conduct.matter.id })).code).toBe('COMMON.NOT_FOUND');
  expect((await demo.api.ok('demo-secretary', 'matters', 'detail', { id: conduct.matter.id })).id).toBe(conduct.matter.id);
});

test('a complaint about the secretary reaches the supervisors and the town admin, not the secretary', async () => {
  const secretary = await nameOf('demo-secretary');
  const raised = await demo.api.ok('demo-villager', 'matters', 'raise', {
    clientKey: key(),
    text: `反映${secretary}优亲厚友的问题`,
    category: '干部作风',
    public: false,
  });
  const id = raised.matter.id;
  expect((await demo.api.refused('demo-secretary', 'matters', 'detail', { id })).code).toBe('COMMON.NOT_FOUND');
  expect((await demo.api.refused('demo-cadre-2', 'matters', 'detail', { id })).code).toBe('COMMON.NOT_FOUND');
  expect((await demo.api.ok('demo-supervisor', 'matters', 'detail', { id })).can.respond).toBe(true);
  expect((await demo.api.ok('demo-town', 'matters', 'detail', { id })).id).toBe(id);
  expect((await demo.api.ok('demo-town', 'matters', 'respond', { id, clientKey: key(), text: '镇纪委已收到，会核实' })).status).toBe(
    'responded',
  );
});

test("a public matter's photos reach others only after a cadre has cleared it (by answering), in its first event too", async () => {
  // A file really stored (WeChat's media check downloads it), whose check passes.
  const sdk = await import('wx-server-sdk');
  const stored = (await sdk.uploadFile({ cloudPath: `matters/fairness/${key()}.jpg`, fileContent: Buffer.from('a street lamp') })).fileID;
  const raised = await demo.api.ok('demo-villager', 'matters', 'raise', {
    clientKey: key(),
    text: '村口路灯坏了',
    category: '水电设施',
    public: true,
    photos: [stored],
  });
  const checked = async (): Promise<boolean> => {
    const [m] = await getAll(demo.db.collection('matters').where({ _id: raised.matter.id }));
    const checks = Array.isArray(m?.mediaChecks) ? m.mediaChecks : [];
    return (
      checks.length === 1 && checks.every((c: unknown) => typeof c === 'object' && c !== null && 'verdict' in c && c.verdict === 'pass')
    );
  };
  for (let waited = 0; !(await checked()) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  expect(await checked()).toBe(true);
  // Checked, but no cadre has looked yet: nobody else sees it.
  const seen = await demo.api.ok('demo-head', 'matters', 'detail', { id: raised.matter.id });
  expect(seen.photos).toEqual([]);
  expect(seen.events.flatMap((e) => e.photos)).toEqual([]);
  await demo.api.ok('demo-cadre-1', 'matters', 'respond', { id: raised.matter.id, clientKey: key(), text: '已安排电工维修' });
  expect((await demo.api.ok('demo-head', 'matters', 'detail', { id: raised.matter.id })).events[0]?.photos).toEqual([stored]);
});
