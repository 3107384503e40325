// Flow: join. A cadre opens a household from 首页 → village management and makes an invite for it; a
// member of that household who has no account yet opens 首页 (not joined), taps 输入邀请码加入, types
// the code read out to them, gives their name and the last 4 of their ID, and waits; the cadre opens
// 首页 → village management → 待确认 and confirms them; the member's 首页 then shows their village and
// household.
import { C } from '../../../cloudfunctions/shared/collections';
import { memberSchema, type Member } from '../../../cloudfunctions/shared/village/model';
import { idLast4 } from '../../../cloudfunctions/shared/village/person';
import { getAll } from '../../support/sdk';
import { usePhone } from './phone';
import { cards, field } from './read';

const phone = usePhone();
const NEWCOMER = 'o-flow-newcomer';
let code = '';
const HOUSEHOLD = 'hh-005';
let member: Member | null = null;

test('a cadre makes an invite for a household from 首页 → 村庄管理 → the household', async () => {
  await phone.as('demo-cadre-1');
  const admin = await phone.tapTo(await phone.tab('work'), '#entry-village');
  const household = await phone.tapTo(admin, `#hh-${HOUSEHOLD}`);
  await household.tap('#open-invite');
  await household.until(() => household.$('#invite-code') !== null, 'the invite code to show');
  code = household.textOf('#invite-code');
  expect(code.replace(/\s/g, '')).toMatch(/^[0-9A-Z]{6,12}$/);

  // Who will use it: a member of that household on record (the household book), without an account yet.
  const members = (await getAll(phone.pc.db.collection(C.members).where({ householdId: HOUSEHOLD }))).map((m) => memberSchema.parse(m));
  member = members.find((m) => m.userId === null && m.relation !== '户主') ?? null;
  expect(member).not.toBeNull();
});

test('the family member types the code on 首页 → 输入邀请码加入, gives name and ID last 4, and waits', async () => {
  const home = await phone.as(NEWCOMER);
  expect(home.textOf('#not-joined')).toContain('您还没有加入村庄');
  const join = await phone.tapTo(home, '#entry-join');
  await join.dispatch('#code', 'input', { value: code });
  await join.tap('#lookup');
  await join.until((d) => d.step === 'form', 'the invite to be found');
  expect(join.textOf('#preview')).toContain('和美村');
  await join.dispatch('#name', 'input', { value: member?.name ?? '' });
  await join.dispatch('#last4', 'input', { value: idLast4(member?.idNumber ?? '') });
  await join.tap('#submit');
  await join.until((d) => d.step === 'pending', 'the request to be filed');
  expect(join.textOf('#pending')).toContain('等待村干部确认');

  const again = await phone.as(NEWCOMER);
  expect(again.textOf('#pending')).toBe('等待村干部确认');
});

test('a cadre confirms the request from 首页 → 待确认', async () => {
  await phone.as('demo-cadre-1');
  const admin = await phone.tapTo(await phone.tab('work'), '#entry-village');
  const pending = await phone.tapTo(admin, '#to-pending');
  const request = cards(pending.data.items).find((r) => JSON.stringify(r).includes(member?.name ?? '—'));
  const requestId = field(request, 'id');
  expect(requestId).not.toBe('');
  await pending.tap(`#confirm-${requestId}`);
  await pending.until(() => pending.$(`#r-${requestId}`) === null, 'the request to leave the list');
});

test("the member's 首页 shows their village and household", async () => {
  const home = await phone.as(NEWCOMER);
  expect(home.textOf('#user-name')).toBe(member?.name);
  expect(home.textOf('#village-name')).toBe('和美村');
  expect(home.textOf('#entry-archive')).toContain('我家可用积分');
  const mine = await phone.tab('mine');
  expect(mine.textOf('.household')).toContain('我家：');
  expect(home.$('#not-joined')).toBeNull();
});
