// The rules of 村民说事 as plain functions: who may see a matter, what each side may do in each
// state, what each step changes, overdue and escalation, the statistics' rates, and the small
// formatting rules (masked names, titles, deadline text).
import { thrownAppError } from './thrown';
import type { Matter } from '../../cloudfunctions/shared/matters/model';
import {
  accessOf,
  allowedActions,
  changeOf,
  checkDueDate,
  escalationChange,
  isOverdue,
  needsEscalation,
  requireAllowed,
  type Access,
  type Actor,
  type MatterAction,
} from '../../cloudfunctions/shared/matters/policy';
import { checkPeriod, ratesOf } from '../../cloudfunctions/shared/matters/stats';
import { deadlineText, maskName, titleOf } from '../../cloudfunctions/shared/matters/texts';
import { userSchema, type User } from '../../cloudfunctions/shared/village/model';
import { matterFixture } from './matter-fixture';

const user = (u: Partial<User> & Pick<User, '_id' | 'roles'>): User =>
  userSchema.parse({ name: '张三', villageId: 'v1', townId: 't1', householdId: null, memberId: null, ...u });

const raiser = user({ _id: 'o-raiser', roles: ['villager'] });
const neighbour = user({ _id: 'o-neighbour', roles: ['head', 'villager'] });
const cadre = user({ _id: 'o-cadre', roles: ['cadre', 'head', 'villager'] });
const secretary = user({ _id: 'o-sec', roles: ['secretary', 'cadre'] });
const gridLeader = user({ _id: 'o-grid', roles: ['gridLeader', 'villager'] });
const otherCadre = user({ _id: 'o-other', roles: ['cadre'], villageId: 'v2' });
const townAdmin = user({ _id: 'o-town', roles: ['townAdmin'], villageId: null });

const RAISED = new Date('2025-09-30T15:30:00Z');
const DEADLINE = new Date('2025-10-10T16:00:00Z');

function matter(over: Partial<Matter> = {}): Matter {
  const raiserOf = { id: raiser._id, name: '李秀英', householdId: 'hh-1', householdLabel: '3组12号' };
  const deadline = { raisedOn: '2025-09-30', at: DEADLINE };
  return matterFixture(
    { id: 'm1', villageId: 'v1', townId: 't1', raiser: raiserOf, text: '村口的路灯坏了', raisedAt: RAISED, deadline, clientKey: 'k' },
    over,
  );
}

const asCadre: Access = { mine: false, cadre: true, assignee: false };
const asRaiser: Access = { mine: true, cadre: false, assignee: false };
const asVillager: Access = { mine: false, cadre: false, assignee: false };
const cadreActor: Actor = { id: cadre._id, name: '何学文', role: 'cadre' };
const villagerActor: Actor = { id: raiser._id, name: '李秀英', role: 'villager' };

const code = (f: () => void): string => thrownAppError(f)?.code ?? 'allowed';

describe('who may see a matter', () => {
  test("a public, listed matter: every villager of the village and the town's admin (to read), no one of another village or town", () => {
    const m = matter();
    expect(accessOf(raiser, m)).toEqual({ mine: true, cadre: false, assignee: false });
    expect(accessOf(neighbour, m)).toEqual({ mine: false, cadre: false, assignee: false });
    expect(accessOf(gridLeader, m)).toEqual({ mine: false, cadre: false, assignee: false });
    expect(accessOf(cadre, m)).toEqual({ mine: false, cadre: true, assignee: false });
    expect(accessOf(otherCadre, m)).toBeNull();
    expect(accessOf(townAdmin, m)).toEqual({ mine: false, cadre: false, assignee: false });
    expect(accessOf({ ...townAdmin, townId: 't2' }, m)).toBeNull();
    // Not yet listed (before a cadre answers): the town admin does not see it.
    expect(accessOf(townAdmin, matter({ listed: false }))).toBeNull();
  });
  test('a private matter assigned to a grid leader: they read it and may post progress, not close it', () => {
    const m = matter({
      public: false,
      listed: false,
      status: 'assigned',
      assignee: {
        kind: 'person',
        userId: gridLeader._id,
        personId: null,
        name: '王网格',
        dueDate: '2025-10-15',
        dueAt: new Date('2025-10-15T16:00:00Z'),
      },
    });
    const access = accessOf(gridLeader, m);
    expect(access).toEqual({ mine: false, cadre: false, assignee: true });
    if (!access) return;
    expect(allowedActions(m, access)).toMatchObject({ progress: true, close: false, assign: false, note: false });
    expect(code(() => requireAllowed(m, access, 'close'))).toBe('AUTH.FORBIDDEN');
    expect(accessOf(neighbour, m)).toBeNull();
  });
  test('a private or held matter: the raiser and the village cadres only — not the neighbours, not a grid leader', () => {
    for (const m of [matter({ public: false, listed: false }), matter({ status: 'held', listed: false })]) {
      expect(accessOf(raiser, m)).toEqual({ mine: true, cadre: false, assignee: false });
      expect(accessOf(secretary, m)).toEqual({ mine: false, cadre: true, assignee: false });
      expect(accessOf(neighbour, m)).toBeNull();
      expect(accessOf(gridLeader, m)).toBeNull();
      expect(accessOf(otherCadre, m)).toBeNull();
    }
  });
});

describe('what each side may do in each state', () => {
  const ACTIONS: MatterAction[] = ['moderate', 'respond', 'note', 'assign', 'progress', 'close', 'rate', 'reopen'];
  const cadreCan = (m: Matter): MatterAction[] => ACTIONS.filter((a) => allowedActions(m, asCadre)[a]);
  test('cadres: moderate a held one, respond to an open one, handle a responded or assigned one', () => {
    expect(cadreCan(matter({ status: 'held' }))).toEqual(['moderate', 'note']);
    expect(cadreCan(matter({ status: 'open' }))).toEqual(['respond', 'note']);
    expect(cadreCan(matter({ status: 'responded' }))).toEqual(['note', 'assign', 'progress', 'close']);
    expect(cadreCan(matter({ status: 'assigned' }))).toEqual(['note', 'assign', 'progress', 'close']);
    expect(cadreCan(matter({ status: 'closed' }))).toEqual(['note']);
  });
  test('the raiser: rate once it is closed; reopen a 1–2 star rating, once', () => {
    const closed = matter({ status: 'closed', active: false });
    expect(allowedActions(closed, asRaiser)).toMatchObject({ rate: true, reopen: false, respond: false });
    const poor = matter({ status: 'closed', rating: { stars: 2, comment: '', at: RAISED, round: 1 }, stars: 2 });
    expect(allowedActions(poor, asRaiser)).toMatchObject({ rate: false, reopen: true });
    expect(allowedActions({ ...poor, rating: { stars: 3, comment: '', at: RAISED, round: 1 } }, asRaiser).reopen).toBe(false);
    expect(allowedActions({ ...poor, reopens: 1 }, asRaiser).reopen).toBe(false);
    expect(allowedActions(poor, asVillager)).toMatchObject({ rate: false, reopen: false });
  });
  test('refusals say why', () => {
    expect(code(() => requireAllowed(matter(), asVillager, 'respond'))).toBe('AUTH.FORBIDDEN');
    expect(code(() => requireAllowed(matter(), asCadre, 'rate'))).toBe('AUTH.FORBIDDEN');
    expect(code(() => requireAllowed(matter({ status: 'held' }), asCadre, 'respond'))).toBe('MATTER.WRONG_STATE');
    expect(code(() => requireAllowed(matter({ status: 'open' }), asRaiser, 'rate'))).toBe('MATTER.WRONG_STATE');
    const rated = matter({ status: 'closed', rating: { stars: 4, comment: '', at: RAISED, round: 1 } });
    expect(code(() => requireAllowed(rated, asRaiser, 'rate'))).toBe('MATTER.ALREADY_RATED');
    expect(code(() => requireAllowed(rated, asRaiser, 'reopen'))).toBe('MATTER.REOPEN_NOT_ALLOWED');
    expect(
      code(() => requireAllowed({ ...rated, rating: { stars: 1, comment: '', at: RAISED, round: 2 }, reopens: 1 }, asRaiser, 'reopen')),
    ).toBe('MATTER.REOPEN_USED');
    expect(code(() => requireAllowed(matter({ status: 'closed' }), asCadre, 'close'))).toBe('MATTER.WRONG_STATE');
    expect(code(() => requireAllowed(matter({ status: 'open' }), asCadre, 'respond'))).toBe('allowed');
  });
});

describe('what each step changes', () => {
  test('moderating a held matter: released to the public list, or kept to the cadres; either way it waits for its answer', () => {
    const held = matter({ status: 'held', listed: false });
    expect(changeOf(held, { action: 'moderate', decision: 'release' }, cadreActor, 'e1', RAISED).set).toEqual({
      status: 'open',
      public: true,
      listed: true,
      mediaCleared: true,
    });
    const kept = changeOf(held, { action: 'moderate', decision: 'private' }, cadreActor, 'e1', RAISED);
    expect(kept.set).toEqual({ status: 'open', public: false, listed: false, mediaCleared: true });
    expect(kept.event.kind).toBe('madePrivate');
  });
  test('the first response: on time up to 24:00 of the deadline, late a minute after; it disarms the overdue timer', () => {
    const onTime = changeOf(matter(), { action: 'respond', text: '收到', photos: [] }, cadreActor, 'e1', new Date('2025-10-10T15:59:59Z'));
    expect(onTime.set).toMatchObject({
      status: 'responded',
      respondedInTime: true,
      respondedBy: cadre._id,
      handlerId: cadre._id,
      armed: false,
    });
    const late = changeOf(matter(), { action: 'respond', text: '收到', photos: [] }, cadreActor, 'e1', new Date('2025-10-10T16:01:00Z'));
    expect(late.set.respondedInTime).toBe(false);
  });
  test('a response in the second round keeps the first round’s figures', () => {
    const first = new Date('2025-10-02T00:00:00Z');
    const again = changeOf(
      matter({ round: 2, respondedAt: first, respondedBy: 'o-x', respondedInTime: true, handlerId: 'o-x' }),
      { action: 'respond', text: '再次答复', photos: [] },
      cadreActor,
      'e2',
      new Date('2025-12-01T00:00:00Z'),
    );
    expect(again.set).not.toHaveProperty('respondedAt');
    expect(again.set).not.toHaveProperty('respondedInTime');
    expect(again.set).not.toHaveProperty('handlerId');
  });
  test('assigning: due at 24:00 China time of the due date; a cadre assignee becomes the handler, a body does not', () => {
    const m = matter({ status: 'responded', handlerId: cadre._id });
    const toPerson = changeOf(
      m,
      {
        action: 'assign',
        assignee: { kind: 'person', userId: 'o-sec', personId: null, name: '曾建国', dueDate: '2025-10-15' },
        assigneeIsCadre: true,
        note: '',
      },
      cadreActor,
      'e',
      RAISED,
    );
    expect(toPerson.set).toMatchObject({ status: 'assigned', dueAt: new Date('2025-10-15T16:00:00Z'), armed: true, handlerId: 'o-sec' });
    const toBody = changeOf(
      m,
      {
        action: 'assign',
        assignee: { kind: 'body', userId: null, personId: null, name: '镇水务站', dueDate: '2025-10-15' },
        assigneeIsCadre: false,
        note: '',
      },
      cadreActor,
      'e',
      RAISED,
    );
    expect(toBody.set).not.toHaveProperty('handlerId');
    expect(toBody.event).toMatchObject({ kind: 'assigned', assignee: '镇水务站', dueDate: '2025-10-15' });
  });
  test('an internal note stays internal; a published summary does not', () => {
    expect(changeOf(matter(), { action: 'note', text: '下周村委会议', publish: false }, cadreActor, 'e', RAISED).event).toMatchObject({
      kind: 'note',
      internal: true,
    });
    expect(changeOf(matter(), { action: 'note', text: '村委会决定维修', publish: true }, cadreActor, 'e', RAISED).event).toMatchObject({
      kind: 'summary',
      internal: false,
    });
  });
  test('closing leaves the queue and the timer', () => {
    expect(
      changeOf(matter({ status: 'assigned' }), { action: 'close', text: '已修好', photos: ['cloud://x/y.jpg'] }, cadreActor, 'e', RAISED)
        .set,
    ).toEqual({ status: 'closed', active: false, armed: false, closedAt: RAISED });
  });
  test('rating keeps every round’s rating; reopening starts round 2 with a new deadline, the rating cleared, once', () => {
    const closed = matter({ status: 'closed', active: false, armed: false, respondedAt: RAISED, respondedInTime: true });
    const rated = changeOf(closed, { action: 'rate', stars: 1, comment: '没修好' }, villagerActor, 'e', RAISED);
    expect(rated.set).toMatchObject({ stars: 1, rating: { stars: 1, comment: '没修好', round: 1 } });
    const afterRating = { ...closed, ...rated.set };
    const next = new Date('2025-10-20T16:00:00Z');
    const reopened = changeOf(
      afterRating,
      { action: 'reopen', reason: '路灯还是不亮', roundDeadlineAt: next },
      villagerActor,
      'e2',
      RAISED,
    );
    expect(reopened.set).toMatchObject({
      status: 'open',
      round: 2,
      reopens: 1,
      active: true,
      armed: true,
      dueAt: next,
      roundDeadlineAt: next,
      rating: null,
      stars: null,
    });
    expect(reopened.set).not.toHaveProperty('respondedInTime');
    expect(afterRating.ratings).toHaveLength(1);
    expect(
      allowedActions(
        { ...afterRating, ...reopened.set, status: 'closed', rating: { stars: 1, comment: '', at: RAISED, round: 2 } },
        asRaiser,
      ).reopen,
    ).toBe(false);
  });
});

describe('overdue and escalation', () => {
  const before = new Date('2025-10-10T15:59:59Z');
  const after = new Date('2025-10-10T16:00:01Z');
  test('open past its deadline is overdue; responded is not; assigned past its due time is', () => {
    expect(isOverdue(matter(), before)).toBe(false);
    expect(isOverdue(matter(), after)).toBe(true);
    expect(isOverdue(matter({ status: 'responded' }), after)).toBe(false);
    expect(isOverdue(matter({ status: 'closed', active: false }), after)).toBe(false);
    expect(isOverdue(matter({ status: 'assigned', dueAt: new Date('2025-10-15T16:00:00Z') }), after)).toBe(false);
  });
  test('the timer acts at the deadline on an armed matter, and its change disarms it (it fires once)', () => {
    expect(needsEscalation(matter(), before)).toBe(false);
    expect(needsEscalation(matter(), new Date('2025-10-10T16:00:00Z'))).toBe(true);
    expect(needsEscalation(matter({ armed: false }), after)).toBe(false);
    const change = escalationChange(matter(), after, ['o-sec']);
    expect(change.set).toEqual({ armed: false, respondedInTime: false });
    expect(change.event).toMatchObject({ kind: 'escalated', by: 'system', told: ['o-sec'] });
    // The same deadline always gives the same event id: a second escalation of it is recognisable.
    expect(escalationChange(matter(), new Date('2025-10-11T00:00:00Z'), []).event.id).toBe(change.event.id);
  });
  test('an assignment past its due date names the assignee', () => {
    const m = matter({
      status: 'assigned',
      respondedAt: RAISED,
      respondedInTime: true,
      assignee: {
        kind: 'person',
        userId: 'o-grid',
        personId: null,
        name: '王网格',
        dueDate: '2025-10-15',
        dueAt: new Date('2025-10-15T16:00:00Z'),
      },
      dueAt: new Date('2025-10-15T16:00:00Z'),
    });
    const change = escalationChange(m, new Date('2025-10-16T00:00:00Z'), ['o-sec', 'o-grid']);
    expect(change.set).toEqual({ armed: false });
    expect(change.event.text).toContain('王网格');
  });
});

describe('statistics', () => {
  test('rates from counts', () => {
    expect(ratesOf({ raised: 10, due: 8, respondedInTime: 6, closed: 5, rated: 4, starsSum: 17, good: 3 })).toEqual({
      raised: 10,
      due: 8,
      respondedInTime: 6,
      responseRate: 0.75,
      closed: 5,
      resolutionRate: 0.5,
      rated: 4,
      averageStars: 4.25,
      goodShare: 0.75,
    });
  });
  test('nothing to count gives null, not 0 or NaN', () => {
    expect(ratesOf({ raised: 0, due: 0, respondedInTime: 0, closed: 0, rated: 0, starsSum: 0, good: 0 })).toMatchObject({
      responseRate: null,
      resolutionRate: null,
      averageStars: null,
      goodShare: null,
    });
  });
  test('periods and due dates are checked', () => {
    expect(code(() => checkPeriod('2025-01-01', '2025-12-31'))).toBe('allowed');
    expect(code(() => checkPeriod('2025-02-30', '2025-03-01'))).toBe('COMMON.INVALID_INPUT');
    expect(code(() => checkPeriod('2025-03-01', '2025-02-01'))).toBe('COMMON.INVALID_INPUT');
    expect(code(() => checkPeriod('2023-01-01', '2025-01-01'))).toBe('COMMON.INVALID_INPUT');
    const now = new Date('2025-10-09T16:30:00Z'); // 10月10日 00:30 China time
    expect(code(() => checkDueDate('2025-10-10', now))).toBe('allowed');
    expect(code(() => checkDueDate('2025-10-09', now))).toBe('COMMON.INVALID_INPUT');
    expect(code(() => checkDueDate('2027-10-10', now))).toBe('COMMON.INVALID_INPUT');
  });
});

describe('formatting', () => {
  test('names are masked to the surname for others', () => {
    expect(maskName('李秀英')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('王');
  });
  test('titles: the start of the text, or the category for a voice-only matter', () => {
    expect(titleOf({ text: '  村口  的路灯坏了 ', voice: null, category: '水电设施' })).toBe('村口 的路灯坏了');
    expect(titleOf({ text: '', voice: { fileId: 'cloud://a/b.mp3', seconds: 12 }, category: '道路交通' })).toBe('道路交通（语音说事）');
    expect([...titleOf({ text: '长'.repeat(50), voice: null, category: '其他' })]).toHaveLength(30);
  });
  test('the deadline reads as the day it ends', () => {
    expect(deadlineText(new Date('2025-10-10T16:00:00Z'))).toBe('10月10日（周五）24:00');
    expect(deadlineText(new Date('2026-02-24T16:00:00Z'))).toBe('2月24日（周二）24:00');
  });
});
