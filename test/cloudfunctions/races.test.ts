// Races closed: each runs 50 concurrent calls on the demo village and finds one outcome (a
// transaction or a slot document decides), and per-user daily limits hold under the same load.
import { count, getAll, num, settled, startTransaction } from '../support/sdk';
import { key } from './drafts';
import { demoCloudPerFile } from './support';
import { TEST_NOW } from '../support/clock';

const N = 50;

const demo = demoCloudPerFile({ LOCALCLOUD_MAX_INSTANCES: '8' });

async function codes(calls: Promise<{ envelope: { ok: true } | { ok: false; error: { code: string } } }>[]): Promise<string[]> {
  return (await Promise.all(calls)).map((r) => (r.envelope.ok ? 'ok' : r.envelope.error.code));
}

/**
 * Starts every instance of a function (as many calls at once as it has instances), so that calls
 * sent next begin at once rather than after a cold start: the tests that hold a transaction open
 * need the calls to have read before it commits.
 */
async function warm(fn: 'village'): Promise<void> {
  await Promise.all(Array.from({ length: 8 }, () => demo.api.call('demo-secretary', fn, 'myJoin', {})));
}

/**
 * Sends the calls while an appointment of `openid` is under way: a transaction writing their roles
 * (what setRole writes) is held open for a moment, then committed, so the calls meet it every run.
 * The function's instances are started first, so the calls read before it commits.
 */
async function whileAppointing(openid: string, roles: unknown[], send: () => Promise<string[]>): Promise<string[]> {
  await warm('village');
  const appointment = await startTransaction(demo.db);
  await settled(appointment.collection('users').doc(openid).update({ data: { roles } }));
  const sending = send();
  await new Promise((r) => setTimeout(r, 1500));
  await appointment.commit();
  return sending;
}

test('50 joins at once by one person, through ten invites to ten households, file one request', async () => {
  // An invite is used once, so one invite alone cannot show the race: ten can (the person's one
  // waiting request is held by a slot written with it).
  const households = Array.from({ length: 10 }, (_, i) => `hh-${String(50 + i).padStart(3, '0')}`);
  const invites = await Promise.all(
    households.map((householdId) => demo.api.ok('demo-cadre-1', 'village', 'createInvite', { kind: 'household', householdId })),
  );
  const answers = await codes(
    Array.from({ length: N }, (_, i) =>
      demo.api.call('o-twin', 'village', 'join', { code: invites[i % invites.length]?.code ?? '', name: '孙二娘', idLast4: '4321' }),
    ),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'JOIN.ALREADY_PENDING', 'JOIN.USED_UP', 'COMMON.BUSY', 'COMMON.DAILY_LIMIT'].includes(c))).toBe(true);
  expect(await count(demo.db.collection('joinRequests').where({ openid: 'o-twin' }))).toBe(1);
});

test('50 confirmations of one request at once: one confirms, one member is added', async () => {
  const [request] = await getAll(demo.db.collection('joinRequests').where({ openid: 'o-twin' }));
  const before = await count(demo.db.collection('members'));
  const answers = await codes(
    Array.from({ length: N }, (_, i) =>
      demo.api.call(`demo-cadre-${(i % 3) + 1}`, 'village', 'confirm', { requestId: String(request?._id), relation: '其他' }),
    ),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'VILLAGE.ALREADY_DECIDED', 'COMMON.BUSY'].includes(c))).toBe(true);
  expect(await count(demo.db.collection('members'))).toBe(before + 1);
  const [user] = await getAll(demo.db.collection('users').where({ _id: 'o-twin' }));
  expect(user).toMatchObject({ status: 'active', householdId: request?.householdId });
});

test('50 confirmations while an appointment of the joiner is under way: one confirms, and the joiner keeps the role given meanwhile', async () => {
  // A cadre appointed from outside the households joins one. While cadres confirm the request, the
  // secretary's appointment of the joiner as the keeper is under way: its transaction (what setRole
  // writes) is held open by the test for a moment, then committed. The confirming transaction reads
  // the joiner inside itself, so it conflicts, retries and keeps the role; a read made before it
  // (the old code) wrote the roles back without the keeper.
  const openid = 'o-outsider';
  await settled(
    demo.db.collection('users').add({
      data: {
        _id: openid,
        name: '钱外来',
        roles: ['cadre'],
        villageId: 'village-hemei',
        townId: 'town-qingxi',
        householdId: null,
        memberId: null,
        status: 'active',
      },
    }),
  );
  const invite = await demo.api.ok('demo-cadre-1', 'village', 'createInvite', { kind: 'household', householdId: 'hh-060' });
  const joined = await demo.api.ok(openid, 'village', 'join', { code: invite.code, name: '钱外来', idLast4: '2468' });
  const requestId = joined.status === 'pending' ? joined.request.id : '';
  const answers = await whileAppointing(openid, ['cadre', 'keeper'], () =>
    codes(
      Array.from({ length: N }, (_, i) =>
        demo.api.call(`demo-cadre-${(i % 3) + 1}`, 'village', 'confirm', { requestId, relation: '其他' }),
      ),
    ),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'VILLAGE.ALREADY_DECIDED', 'COMMON.BUSY'].includes(c))).toBe(true);
  const [user] = await getAll(demo.db.collection('users').where({ _id: openid }));
  expect(user).toMatchObject({ status: 'active', householdId: 'hh-060' });
  expect(user?.roles).toEqual(expect.arrayContaining(['cadre', 'keeper', 'villager']));
});

test('50 appointments while another appointment of the same person is under way: every role given is kept', async () => {
  // The secretary makes a grid leader a cadre (50 calls at once) while another appointment of theirs
  // (the keeper: what setRole writes) is under way, its transaction held open by the test for a
  // moment. setRole reads and writes the roles in one transaction, so it conflicts, retries and keeps
  // the keeper; roles read outside a transaction (the old code) were written back without it.
  const target = 'demo-grid-2';
  const [before] = await getAll(demo.db.collection('users').where({ _id: target }));
  const roles: unknown = before?.roles;
  const answers = await whileAppointing(target, [...(Array.isArray(roles) ? roles : []), 'keeper'], () =>
    codes(
      Array.from({ length: N }, () =>
        demo.api.call('demo-secretary', 'village', 'setRole', { personId: 'hh-061-m1', role: 'cadre', granted: true }),
      ),
    ),
  );
  expect(answers.every((c) => c === 'ok' || c === 'COMMON.BUSY')).toBe(true);
  expect(answers.filter((c) => c === 'ok').length).toBeGreaterThan(0);
  const [user] = await getAll(demo.db.collection('users').where({ _id: target }));
  expect(user?.roles).toEqual(expect.arrayContaining(['gridLeader', 'cadre', 'keeper']));
});

test('50 wrong certificate codes at once: no more than 20 are answered, and the counter says how many were', async () => {
  const answers = await codes(Array.from({ length: N }, () => demo.api.call('o-guesser', 'honours', 'verify', { code: 'ABCDEFGHJKMN' })));
  const answered = answers.filter((c) => c === 'ok').length;
  expect(answered).toBeLessThanOrEqual(20);
  expect(answers.every((c) => ['ok', 'CERT.TOO_MANY_TRIES', 'COMMON.BUSY'].includes(c))).toBe(true);
  const attempts = await getAll(demo.db.collection('certificateAttempts'));
  expect(attempts.reduce((s, a) => s + num(a, 'failures'), 0)).toBe(answered);
});

test('50 matters raised at once by one villager: the daily limit lets 10 through, with a clear message', async () => {
  const before = await count(demo.db.collection('matters'));
  const replies = await Promise.all(
    Array.from({ length: N }, () =>
      demo.api.call('demo-villager', 'matters', 'raise', {
        clientKey: key(),
        text: '反映一下路灯的问题',
        category: '水电设施',
        public: false,
      }),
    ),
  );
  const okCount = replies.filter((r) => r.envelope.ok).length;
  expect(okCount).toBeLessThanOrEqual(10);
  expect(await count(demo.db.collection('matters'))).toBe(before + okCount);
  const limited = replies.find((r) => !r.envelope.ok && r.envelope.error.code === 'COMMON.DAILY_LIMIT');
  expect(limited && !limited.envelope.ok ? limited.envelope.error.message : '').toContain('请明天再来');
  // Another day, another ten.
  await demo.cloud.setClock(new Date(Date.parse(TEST_NOW) + 86_400_000).toISOString());
  await demo.api.ok('demo-villager', 'matters', 'raise', { clientKey: key(), text: '再反映一下', category: '水电设施', public: false });
});

test('50 people added at once with one ID number: one member has it', async () => {
  const idNumber = '110101199001011237';
  const households = ['hh-050', 'hh-051', 'hh-052', 'hh-053', 'hh-054'];
  const answers = await codes(
    Array.from({ length: N }, (_, i) =>
      demo.api.call('demo-cadre-2', 'village', 'addMember', {
        householdId: households[i % households.length] ?? '',
        name: `孙${'甲乙丙丁戊己庚辛壬癸'[i % 10] ?? ''}${'春夏秋冬雪'[Math.floor(i / 10)] ?? ''}`,
        relation: '儿子',
        idNumber,
      }),
    ),
  );
  expect(answers.filter((c) => c === 'ok')).toHaveLength(1);
  expect(answers.every((c) => ['ok', 'VILLAGE.ID_TAKEN', 'COMMON.BUSY'].includes(c))).toBe(true);
  expect(await count(demo.db.collection('members').where({ idNumber }))).toBe(1);
});
