// 村务管理, 农户 and 待确认 through the pages on the demo village: a cadre finds households by grid
// and search and builds a new one; a head invites family (code, 小程序码, share) and the new member
// waits until a cadre confirms on 待确认; the cadre moves them to another household; they leave and
// the history stays. A grid leader sees only their grid; a villager is refused.
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll } from '../../support/sdk';
import { validId } from '../../village/fixtures';
import { type PageHandle, openAs, openPage } from '../support/page';

import { field, httpBytes, navigations, titles, useVillagePages } from './support';

const { pc, api } = useVillagePages();

async function fill(page: PageHandle, fields: Record<string, string>): Promise<void> {
  for (const [selector, value] of Object.entries(fields)) await page.dispatch(selector, 'input', { value });
}

test('a cadre sees every household by grid, searches, opens one, and builds a new household', async () => {
  const page = await openAs('demo-cadre-1', 'packages/village/admin/admin');
  expect(titles()).toEqual(['和美村 · 村务管理']);
  expect(page.textOf('#total')).toBe('共 150 户');
  expect(page.textsOf('.chip').slice(0, 4)).toEqual([expect.stringMatching(/^待确认 \d+$/), '网格与网格长', '批量导入', '全部']);
  expect(page.$('#to-roles')).toBeNull(); // appointing is the secretary's
  expect(page.textsOf('.household')).toHaveLength(50);
  expect(page.$('#more')).not.toBeNull();

  await page.tap('#grid-grid-2');
  await page.until((d) => d.gridId === 'grid-2' && d.searching === false, 'grid 2');
  expect(page.textOf('#total')).toBe('共 50 户');
  await page.tap('#grid-all');
  await page.until((d) => d.gridId === '' && d.searching === false, 'all grids');

  const [hh] = await getAll(pc.db.collection(C.households).where({ _id: 'hh-060' }));
  await page.dispatch('#search', 'input', { value: String(hh?.headName) });
  await page.tap('#search-go');
  await page.until((d) => d.searching === false, 'search results');
  expect(page.textsOf('.hh-label').length).toBeGreaterThan(0);
  expect(page.textsOf('.hh-label').every((t) => t.includes(String(hh?.headName)))).toBe(true);
  await page.tap('#hh-hh-060');
  expect(navigations()).toEqual(['/packages/village/household/household?id=hh-060']);

  await page.tap('#toggle-add');
  await fill(page, { '#f-no': '3组99号', '#f-head': '新户主', '#f-id': validId('19800101', '777'), '#f-phone': '13800001111' });
  await page.tap('#create');
  await page.until((d) => d.notice !== '' || d.formError !== '', 'the household is built');
  expect(page.textOf('#notice')).toBe('已建户：3组99号（户主 新户主）');
  const [built] = await getAll(pc.db.collection(C.households).where({ villageId: 'village-hemei', no: '3组99号' }));
  expect(built).toMatchObject({ headName: '新户主', gridId: 'grid-1', groupId: 'group-1' });
  const balances = await getAll(pc.db.collection(C.balances).where({ _id: String(built?._id) }));
  expect(balances).toHaveLength(1);

  // The same 户号 again: refused on the form in the function's words.
  await page.tap('#toggle-add');
  await fill(page, { '#f-no': '3组99号', '#f-head': '又一户', '#f-id': validId('19800101', '778') });
  await page.tap('#create');
  await page.until((d) => d.formError !== '', 'the refusal');
  expect(page.textOf('#form-error')).toBe('这个户号已经有了');
});

test('办事 leads cadres and grid leaders to 村务管理, the town admin to 全镇村庄; 我的 a head to their household', async () => {
  for (const [openid, text] of [
    ['demo-cadre-1', '村务管理'],
    ['demo-grid-1', '村务管理'],
    ['demo-town', '全镇村庄'],
  ]) {
    const work = await openAs(openid ?? '', 'pages/work/work');
    expect(work.textOf('#entry-village')).toBe(text);
  }
  const work = await openAs('demo-head', 'pages/work/work');
  expect(work.$('#entry-village')).toBeNull();
  const mine = await openPage('pages/mine/mine');
  expect(mine.textOf('#entry-my-household')).toBe('家庭成员与邀请');
});

test('a grid leader sees only their grid; a villager is told the page is not for them', async () => {
  const leader = await openAs('demo-grid-3', 'packages/village/admin/admin');
  expect(leader.textOf('#total')).toBe('共 50 户');
  expect(leader.$('#toggle-add')).toBeNull();
  expect(leader.$('#to-pending')).toBeNull();

  const villager = await openAs('demo-villager', 'packages/village/admin/admin');
  expect(villager.textOf('#state >>> #load-error')).toBe('只有村干部和网格长可以查看全村农户');
});

test('the head invites family; the member joins and waits; a cadre confirms on 待确认; moves them; they leave; history stays', async () => {
  const home = await openAs('demo-head', 'packages/village/household/household', { query: { id: 'hh-021' } });
  expect(home.textOf('#label')).toMatch(/^3组7号（户主 \S+）$/);
  // ID and phone masked.
  expect(home.textsOf('.member').every((t) => /身份证 \d{3}\*+[\dX]{4}|身份证 未登记/.test(t))).toBe(true);
  expect(home.$('#open-regrid')).toBeNull(); // a cadre's

  await home.tap('#open-invite');
  await home.until((d) => d.invite !== null, 'the invite');
  const code = String(home.textOf('#invite-code')).replace(/\s/g, '');
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  // The 小程序码 (simulate renders no src attribute: the page's data says it), a real PNG.
  expect(home.$('#invite-qr')).not.toBeNull();
  const qrUrl = String(field(home.data.invite, 'qrUrl'));
  expect(qrUrl).toMatch(new RegExp(`/_storage/files/village/invites/${code}\\.png$`));
  expect((await httpBytes(qrUrl)).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(home.textOf('#invite-terms')).toBe('7天内有效，可供10人使用');
  const share: unknown = Reflect.apply(Reflect.get(home.comp.instance, 'onShareAppMessage'), home.comp.instance, []);
  expect(share).toEqual({ title: '邀请您加入3组7号', path: `/packages/village/join/join?code=${code}` });

  // The new member joins through the join page.
  const join = await openAs('o-daughter', 'packages/village/join/join', { query: { code } });
  await join.dispatch('#name', 'input', { value: '李小燕' });
  await join.dispatch('#last4', 'input', { value: '4321' });
  await join.tap('#submit');
  await join.until((d) => d.step === 'pending', 'pending');

  // A cadre confirms on 待确认, giving the relation of someone not on the record.
  const pending = await openAs('demo-cadre-1', 'packages/village/pending/pending');
  const [request] = await getAll(pc.db.collection(C.joinRequests).where({ openid: 'o-daughter' }));
  const id = String(request?._id);
  expect(pending.textOf(`#r-${id}`)).toContain('户籍上没有找到此人');
  await pending.tap(`#refuse-${id}`);
  expect(pending.textOf(`#error-${id}`)).toBe('请填写不通过的原因，申请人会看到');
  await pending.dispatch(`#relation-${id}`, 'change', { value: '2' }); // 女儿
  await pending.tap(`#confirm-${id}`);
  await pending.until((d) => d.notice !== '', 'confirmed');
  expect(pending.textOf('#notice')).toMatch(/^李小燕：已确认加入3组7号/);
  const [member] = await getAll(pc.db.collection(C.members).where({ householdId: 'hh-021', name: '李小燕' }));
  expect(member).toMatchObject({ relation: '女儿', userId: 'o-daughter', status: 'active' });

  // The cadre moves her to 3组6号 on the household page.
  const detail = await openPage('packages/village/household/household', { query: { id: 'hh-021' } });
  const memberId = String(member?._id);
  await detail.tap(`#move-${memberId}`);
  await detail.dispatch('#s-to', 'input', { value: '3组6号' });
  await detail.dispatch('#s-relation', 'change', { value: '20' }); // 其他
  await detail.tap('#save');
  await detail.until((d) => d.notice !== '' || d.error !== '', 'moved');
  expect(detail.textOf('#notice')).toBe('李小燕已迁至3组6号');
  expect(detail.textsOf('.history').some((t) => t.includes('李小燕（女儿）') && t.includes('迁出：迁至3组6号'))).toBe(true);

  // She leaves from her new household: marked, dated, kept.
  const [moved] = await getAll(pc.db.collection(C.members).where({ _id: memberId }));
  const target = await openPage('packages/village/household/household', { query: { id: String(moved?.householdId) } });
  await target.tap(`#leave-${memberId}`);
  await target.tap('#save');
  expect(target.textOf('#error')).toBe('请填写离开的原因');
  await target.dispatch('#s-reason', 'input', { value: '外嫁' });
  await target.tap('#save');
  await target.until((d) => d.notice !== '', 'left');
  expect(target.textOf('#notice')).toMatch(/^已登记李小燕离开（\d{4}-\d{2}-\d{2}），记录保留$/);
  expect(target.textOf('#former')).toContain('李小燕（其他）');
  expect(target.textOf('#former')).toContain('离开：外嫁');
  const [user] = await getAll(pc.db.collection(C.users).where({ _id: 'o-daughter' }));
  expect(user).toMatchObject({ status: 'left', householdId: null });
  expect(await api().ok('demo-cadre-1', 'household', { householdId: 'hh-021' })).toMatchObject({
    history: expect.arrayContaining([expect.objectContaining({ name: '李小燕', end: 'moved' })]),
  });
});
