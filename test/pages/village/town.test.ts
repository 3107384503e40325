// A new village through the pages: the town admin (全镇村庄) creates it and invites its secretary; the
// secretary joins on the join page, builds a grid and a group (网格与网格长), appoints its leader,
// and on 任命 invites a cadre (who joins) and makes them the supermarket's keeper too.
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll } from '../../support/sdk';
import { type PageHandle, openAs, openPage } from '../support/page';

import { field, navigations, useVillagePages } from './support';

const { pc } = useVillagePages();

async function joinAs(openid: string, code: string, name: string): Promise<PageHandle> {
  const page = await openAs(openid, 'packages/village/join/join', { query: { code } });
  await page.dispatch('#name', 'input', { value: name });
  await page.tap('#submit');
  await page.until((d) => d.step === 'pending' || d.step === 'active' || d.error !== '', 'joined');
  return page;
}

/** A role taken with a link waits: the one with the authority confirms it on 待确认. */
async function confirmRole(as: string, name: string, villageId?: string): Promise<void> {
  const pending = await openAs(as, 'packages/village/pending/pending', { query: villageId ? { villageId } : {} });
  const items: unknown = pending.data.items;
  const item = Array.isArray(items) ? items.find((i: unknown) => field(i, 'name') === name) : undefined;
  const id = String(field(item, 'id'));
  expect(pending.textOf(`#confirm-${id}`)).toBe('确认任命');
  await pending.tap(`#confirm-${id}`);
  await pending.until((d) => d.notice !== '', 'confirmed');
}

const inviteCode = (page: PageHandle): string => String(field(page.data.invite, 'code')).replace(/\s/g, '');

test('the town admin creates a village and invites its secretary, who builds and staffs it', async () => {
  const town = await openAs('demo-town', 'packages/village/town/town');
  expect(town.textOf('#town-name')).toBe('清溪镇');
  expect(town.textsOf('.v-name').sort()).toEqual(['和美村', '柳树村', '青山村'].sort());
  await town.tap('#v-village-hemei .grow');
  expect(navigations()).toEqual(['/packages/village/admin/admin?villageId=village-hemei']);

  await town.dispatch('#new-name', 'input', { value: '杏花村' });
  await town.tap('#create');
  await town.until((d) => d.notice !== '' || d.error !== '', 'created');
  expect(town.textOf('#notice')).toBe('已建村：杏花村。下一步：邀请村书记。');
  expect(town.textsOf('.v-name')).toContain('杏花村');
  await town.dispatch('#for-name', 'input', { value: '周建国' });
  await town.tap('#make-invite');
  await town.until((d) => d.invite !== null || d.error !== '', 'the invite');
  expect(town.textOf('#invite')).toContain('邀请担任村书记');
  expect(town.textOf('#invite-terms')).toBe('3天内有效，仅限一人使用');
  const secretaryCode = inviteCode(town);

  const joined = await joinAs('o-zhou', secretaryCode, '周建国');
  expect(joined.data.step).toBe('pending');
  const villageId = (await getAll(pc.db.collection(C.villages).where({ name: '杏花村' })))[0]?._id;
  await confirmRole('demo-town', '周建国', String(villageId));

  // The secretary builds a grid and a group, and leads the grid for now.
  const grids = await openAs('o-zhou', 'packages/village/grids/grids');
  expect(grids.$('#empty')).not.toBeNull();
  await grids.dispatch('#grid-name', 'input', { value: '第一网格' });
  await grids.tap('#create');
  await grids.until((d) => d.notice !== '', 'the grid');
  await grids.dispatch('#kind', 'change', { value: '1' });
  await grids.dispatch('#grid-name', 'input', { value: '1组' });
  await grids.tap('#create');
  await grids.until((d) => String(d.notice).includes('联户小组'), 'the group');
  expect(grids.textsOf('.grid-name')).toEqual(['第一网格（0户）']);
  const blocks: unknown = grids.data.blocks;
  const gridId = String(field(Array.isArray(blocks) ? blocks[0] : null, 'id'));
  await grids.dispatch(`#appoint-${gridId}`, 'change', { value: '0' });
  await grids.until((d) => String(d.notice).includes('网格长'), 'appointed');
  expect(grids.textOf(`#leader-${gridId}`)).toBe('网格长：周建国');

  // 任命: invite a cadre by name; they join; then make them the keeper too.
  const roles = await openPage('packages/village/roles/roles');
  await roles.dispatch('#for-name', 'input', { value: '陈志强' });
  await roles.tap('#make-invite');
  await roles.until((d) => d.invite !== null || d.error !== '', 'the invite');
  expect(roles.textOf('#invite')).toContain('邀请担任村两委干部');
  const cadreJoined = await joinAs('o-chen', inviteCode(roles), '陈志强');
  expect(cadreJoined.data.step).toBe('pending');
  await confirmRole('o-zhou', '陈志强');

  const again = await openAs('o-zhou', 'packages/village/roles/roles');
  expect(again.textsOf('.p-name')).toEqual(['陈志强', '周建国']);
  // A person's row is named by their person id (no openid reaches the page).
  const rows: unknown = again.data.people;
  const chenId = String(field(Array.isArray(rows) ? rows.find((p) => field(p, 'name') === '陈志强') : null, 'personId'));
  await again.tap(`#keeper-${chenId}`);
  await again.until((d) => d.notice !== '', 'the role');
  expect(again.textOf('#notice')).toBe('陈志强：村两委干部、积分超市店员');
  expect(again.textOf(`#keeper-${chenId}`)).toBe('免去店员');
  const [chen] = await getAll(pc.db.collection(C.users).where({ _id: 'o-chen' }));
  expect(chen).toMatchObject({ roles: ['cadre', 'keeper'], status: 'active' });

  // The town admin sees the new village staffed.
  const after = await openAs('demo-town', 'packages/village/town/town');
  const row = after.textsOf('.village').find((t) => t.startsWith('杏花村'));
  expect(row).toContain('村书记：周建国');
  expect(row).toContain('2人');
});
