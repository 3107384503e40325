// Races closed: each runs 50 concurrent calls on the demo village and finds one outcome (a
// transaction or a slot document decides), and per-user daily limits hold under the same load.
import { randomBytes } from 'node:crypto';
import type { TestCloud } from '../support/localcloud';
import { count, getAll, num, type Database } from '../support/sdk';
import { type caller, useDemoCloud } from './support';
import { TEST_NOW } from '../support/clock';

let cloud: TestCloud;
let db: Database;
let api: ReturnType<typeof caller>;
const key = (): string => randomBytes(8).toString('hex');
const N = 50;

beforeAll(async () => {
  ({ cloud, db, api } = await useDemoCloud({ LOCALCLOUD_MAX_INSTANCES: '8' }));
});
afterAll(async () => {
  await cloud.stop();
});

async function codes<T>(calls: Promise<{ envelope: { ok: true; data: T } | { ok: false; error: { code: string } } }>[]): Promise<string[]> {
  return (await Promise.all(calls)).map((r) => (r.envelope.ok ? 'ok' : r.envelope.error.code));
}

async function householdOf(openid: string): Promise<string> {
  const me = await api.ok(openid, 'account', 'me', {});
  const id = me.joined ? me.household?.id : undefined;
  if (!id) throw new Error(`${openid} has no household`);
  return id;
}

test('50 joins at once by one person file one request', async () => {
  const invite = await api.ok('demo-cadre-1', 'village', 'createInvite', {
    kind: 'household',
    householdId: await householdOf('demo-head'),
  });
  const answers = await codes(
    Array.from({ length: N }, () => api.call('o-twin', 'village', 'join', { code: invite.code, name: '孙二娘', idLast4: '4321' })),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'JOIN.ALREADY_PENDING', 'JOIN.USED_UP', 'COMMON.BUSY', 'COMMON.DAILY_LIMIT'].includes(c))).toBe(true);
  expect(await count(db.collection('joinRequests').where({ openid: 'o-twin' }))).toBe(1);
});

test('50 confirmations of one request at once: one confirms, one member is added', async () => {
  const [request] = await getAll(db.collection('joinRequests').where({ openid: 'o-twin' }));
  const before = await count(db.collection('members'));
  const answers = await codes(
    Array.from({ length: N }, (_, i) =>
      api.call(`demo-cadre-${(i % 3) + 1}`, 'village', 'confirm', { requestId: String(request?._id), relation: '其他' }),
    ),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'VILLAGE.ALREADY_DECIDED', 'COMMON.BUSY'].includes(c))).toBe(true);
  expect(await count(db.collection('members'))).toBe(before + 1);
  const [user] = await getAll(db.collection('users').where({ _id: 'o-twin' }));
  expect(user).toMatchObject({ status: 'active', householdId: await householdOf('demo-head') });
});

test('50 appointments at once: every granted role is kept', async () => {
  const target = 'demo-grid-2';
  const answers = await codes(
    Array.from({ length: N }, (_, i) =>
      api.call('demo-secretary', 'village', 'setRole', { userId: target, role: i % 2 ? 'keeper' : 'cadre', granted: true }),
    ),
  );
  expect(answers.every((c) => c === 'ok' || c === 'COMMON.BUSY')).toBe(true);
  expect(answers.filter((c) => c === 'ok').length).toBeGreaterThan(0);
  const [user] = await getAll(db.collection('users').where({ _id: target }));
  const granted = new Set(
    Array.from({ length: N }, (_, i) => (answers[i] === 'ok' ? (i % 2 ? 'keeper' : 'cadre') : null)).filter((r) => r !== null),
  );
  for (const role of granted) expect(user?.roles).toContain(role);
});

test('50 wrong certificate codes at once: no more than 20 are answered, and the counter says how many were', async () => {
  const answers = await codes(Array.from({ length: N }, () => api.call('o-guesser', 'honours', 'verify', { code: 'ABCDEFGHJKMN' })));
  const answered = answers.filter((c) => c === 'ok').length;
  expect(answered).toBeLessThanOrEqual(20);
  expect(answers.every((c) => ['ok', 'CERT.TOO_MANY_TRIES', 'COMMON.BUSY'].includes(c))).toBe(true);
  const attempts = await getAll(db.collection('certificateAttempts'));
  expect(attempts.reduce((s, a) => s + num(a, 'failures'), 0)).toBe(answered);
});

test('50 matters raised at once by one villager: the daily limit lets 10 through, with a clear message', async () => {
  const before = await count(db.collection('matters'));
  const replies = await Promise.all(
    Array.from({ length: N }, () =>
      api.call('demo-villager', 'matters', 'raise', { clientKey: key(), text: '反映一下路灯的问题', category: '水电设施', public: false }),
    ),
  );
  const okCount = replies.filter((r) => r.envelope.ok).length;
  expect(okCount).toBeLessThanOrEqual(10);
  expect(await count(db.collection('matters'))).toBe(before + okCount);
  const limited = replies.find((r) => !r.envelope.ok && r.envelope.error.code === 'COMMON.DAILY_LIMIT');
  expect(limited && !limited.envelope.ok ? limited.envelope.error.message : '').toContain('请明天再来');
  // Another day, another ten.
  await cloud.setClock(new Date(Date.parse(TEST_NOW) + 86_400_000).toISOString());
  await api.ok('demo-villager', 'matters', 'raise', { clientKey: key(), text: '再反映一下', category: '水电设施', public: false });
});

test('50 people added at once with one ID number: one member has it', async () => {
  const idNumber = '110101199001011237';
  const households = ['hh-050', 'hh-051', 'hh-052', 'hh-053', 'hh-054'];
  const answers = await codes(
    Array.from({ length: N }, (_, i) =>
      api.call('demo-cadre-2', 'village', 'addMember', {
        householdId: households[i % households.length] ?? '',
        name: `孙${'甲乙丙丁戊己庚辛壬癸'[i % 10] ?? ''}${'春夏秋冬雪'[Math.floor(i / 10)] ?? ''}`,
        relation: '儿子',
        idNumber,
      }),
    ),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'VILLAGE.ID_TAKEN', 'COMMON.BUSY'].includes(c))).toBe(true);
  expect(await count(db.collection('members').where({ idNumber }))).toBe(1);
});
