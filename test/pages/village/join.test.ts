// 加入村庄 through the page: arriving by a shared link (?code=) or a scanned 小程序码 (?scene=), or
// typing a code; the name and ID last 4 matched against the household's record; the pending state,
// also on 首页; a refusal's reason; a role invite taking effect at once; and every refusal of a code
// shown in the function's own words.
import { C } from '../../../cloudfunctions/shared/collections';
import { inviteSchema, memberSchema } from '../../../cloudfunctions/shared/village/model';
import { idLast4 } from '../../../cloudfunctions/shared/village/person';
import { getAll, settled } from '../../support/sdk';
import { openAs, openPage } from '../support/page';
import { asUser, toasts } from '../support/wx';
import { relaunches, useVillagePages } from './support';

const { pc, api } = useVillagePages();

async function memberOf(householdId: string, relation: string) {
  const [m] = await getAll(pc.db.collection(C.members).where({ householdId, relation }));
  return memberSchema.parse(m);
}

test('a villager opens a shared link, matches the household record, and waits for a cadre; 首页 says so', async () => {
  const invite = await api().ok('demo-cadre-1', 'createInvite', { kind: 'household', householdId: 'hh-005' });
  const spouse = await memberOf('hh-005', '配偶');
  const page = await openAs('o-new-spouse', 'packages/village/join/join', { query: { code: invite.code } });
  expect(page.textOf('#preview')).toContain('和美村');
  expect(page.textOf('#preview-household')).toMatch(/^加入：1组5号（户主 \S\*+）$/);

  await page.tap('#submit');
  expect(page.textOf('#error')).toBe('请填写您的真实姓名');
  await page.dispatch('#name', 'input', { value: spouse.name });
  await page.tap('#submit');
  expect(page.textOf('#error')).toBe('请填写身份证号后4位');
  await page.dispatch('#last4', 'input', { value: idLast4(spouse.idNumber) });
  await page.tap('#submit');
  await page.until((d) => d.step === 'pending', 'the request is filed');
  expect(page.textOf('#pending')).toContain('已提交，等待村干部确认');
  expect(page.textOf('#pending')).toContain('1组5号');
  const [request] = await getAll(pc.db.collection(C.joinRequests).where({ openid: 'o-new-spouse' }));
  expect(request).toMatchObject({ status: 'pending', memberId: spouse._id, idLast4: idLast4(spouse.idNumber) });

  await page.tap('#home');
  expect(relaunches()).toEqual(['/pages/home/home']);
  const home = await openPage('pages/home/home');
  expect(home.textOf('#pending')).toBe('等待村干部确认');
  expect(home.textOf('#not-joined')).toContain('已申请加入和美村 1组5号');
  expect(home.textOf('#entry-join')).toBe('查看申请');

  // Opened again without a code, the page shows where the request stands.
  const again = await openPage('packages/village/join/join');
  expect(again.data.step).toBe('pending');
  expect(toasts()).toEqual([]);
});

test('a scanned 小程序码 brings the code in its scene; a typed code may be lower case with spaces', async () => {
  const invite = await api().ok('demo-cadre-1', 'createInvite', { kind: 'household', householdId: 'hh-006' });
  const scanned = await openAs('o-scanner', 'packages/village/join/join', { query: { scene: encodeURIComponent(invite.scene) } });
  expect(scanned.data.step).toBe('form');
  expect(scanned.textOf('#preview-household')).toContain('1组6号');

  const typed = await openPage('packages/village/join/join');
  expect(typed.data.step).toBe('code');
  await typed.dispatch('#code', 'input', { value: 'abc' });
  await typed.tap('#lookup');
  expect(typed.textOf('#error')).toBe('邀请码是8位字母和数字，请核对');
  await typed.dispatch('#code', 'input', { value: `${invite.code.slice(0, 4).toLowerCase()} ${invite.code.slice(4)}` });
  await typed.tap('#lookup');
  await typed.until((d) => d.step === 'form', 'the invite is found');
  expect(typed.textOf('#preview-household')).toContain('1组6号');
});

test("unknown, expired and used-up codes are refused in the function's words", async () => {
  const base = {
    villageId: 'village-hemei',
    townId: 'town-qingxi',
    kind: 'household',
    householdId: 'hh-007',
    role: null,
    forName: null,
    createdBy: 'demo-cadre-1',
    createdByName: '干部',
    createdAt: new Date(),
    maxUses: 1,
    usedBy: [],
    revoked: false,
    qrFileId: null,
  };
  await settled(
    pc.db.collection(C.invites).add({
      data: [
        inviteSchema.parse({ ...base, _id: 'EXPD2345', expiresAt: new Date(Date.now() - 1000), uses: 0 }),
        inviteSchema.parse({ ...base, _id: 'USED2345', expiresAt: new Date(Date.now() + 86_400_000), uses: 1 }),
      ],
    }),
  );
  asUser('o-late');
  for (const [code, message] of [
    ['ZZZZ2345', '邀请码不对，请核对后再输入'],
    ['EXPD2345', '邀请码已过期，请重新获取'],
    ['USED2345', '邀请码已被用完，请重新获取'],
  ]) {
    const page = await openPage('packages/village/join/join', { query: { code: code ?? '' } });
    expect(page.data.step).toBe('code');
    expect(page.textOf('#error')).toBe(message);
  }
});

test("a cadre's refusal: the page shows the reason and lets them try again", async () => {
  const invite = await api().ok('demo-cadre-1', 'createInvite', { kind: 'household', householdId: 'hh-008' });
  const joined = await api().ok('o-refused', 'join', { code: invite.code, name: '陌生人', idLast4: '0000' });
  if (joined.status !== 'pending') throw new Error('expected pending');
  await api().ok('demo-cadre-2', 'refuse', { requestId: joined.request.id, reason: '户籍上没有此人' });
  const page = await openAs('o-refused', 'packages/village/join/join');
  expect(page.textOf('#refused')).toContain('原因：户籍上没有此人');
  expect(page.$('#code')).not.toBeNull();
});

test('a role invite names its person and takes effect at once', async () => {
  const invite = await api().ok('demo-secretary', 'createInvite', { kind: 'role', role: 'keeper', forName: '钱多多' });
  const page = await openAs('o-new-keeper', 'packages/village/join/join', { query: { code: invite.code } });
  expect(page.textOf('#preview-role')).toBe('邀请 钱** 担任积分超市店员');
  expect(page.$('#last4')).toBeNull();
  await page.dispatch('#name', 'input', { value: '钱少少' });
  await page.tap('#submit');
  await page.until((d) => d.submitting === false, 'the answer');
  expect(page.textOf('#error')).toBe('姓名与邀请不符，请填写被邀请人的真实姓名');
  await page.dispatch('#name', 'input', { value: '钱多多' });
  await page.tap('#submit');
  await page.until((d) => d.step === 'active', 'joined');
  expect(page.textOf('#active-text')).toBe('您已加入和美村，身份：积分超市店员');
  const [user] = await getAll(pc.db.collection(C.users).where({ _id: 'o-new-keeper' }));
  expect(user).toMatchObject({ status: 'active', roles: ['keeper'], villageId: 'village-hemei' });
});
