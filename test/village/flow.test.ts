// Every role's flow end to end through the built `village` and `account` functions on a local
// cloud: the town admin creates a village and invites its secretary; the secretary joins, builds the
// grids and households, appoints a cadre and a grid leader; a head invites a member who waits
// "pending" until a cadre confirms; the member is moved, then leaves, and the history stays.
import { idLast4 } from '../../cloudfunctions/shared/village/person';
import { C } from '../../cloudfunctions/shared/collections';
import { num, str } from '../support/sdk';
import { OTHER_TOWN, OTHER_VILLAGE, TOWN, user, validId } from './fixtures';
import { all, doc, insert, measured, ok, printMeasured, refused, useVillageCloud } from './support';

const s = useVillageCloud();

const TOWN_ADMIN = user({ _id: 'o-town', name: '周文', roles: ['townAdmin'], villageId: null });
const OTHER_TOWN_ADMIN = user({ _id: 'o-town2', name: '吴青', roles: ['townAdmin'], villageId: null, townId: OTHER_TOWN._id });
const HEAD_ID = validId('19700101', '111');
const WANG_ID = validId('19650303', '211');

const ids = { village: '', microA: '', groupA: '', microB: '', groupB: '', h1: '', h2: '', memberId: '' };

beforeAll(async () => {
  await insert(s, C.towns, [TOWN, OTHER_TOWN]);
  await insert(s, C.villages, [OTHER_VILLAGE]);
  await insert(s, C.users, [TOWN_ADMIN, OTHER_TOWN_ADMIN]);
});

afterAll(() => printMeasured('village: database requests per action (flow)'));

test('the town admin creates a village and invites its secretary with a code and a QR', async () => {
  const before = await ok(s, 'village', TOWN_ADMIN._id, 'townVillages', {});
  expect(before.data.villages.map((v) => v.name)).toEqual(['桃源村']);
  const created = await ok(s, 'village', TOWN_ADMIN._id, 'createVillage', { name: '杏花村' }, 'createVillage (town admin)');
  ids.village = created.data.id;
  const after = await ok(s, 'village', TOWN_ADMIN._id, 'townVillages', {}, 'townVillages (town admin, 2 villages)');
  expect(after.data.villages.map((v) => v.name).sort()).toEqual(['杏花村', '桃源村'].sort());
  // Another town's admin sees only their town.
  expect((await ok(s, 'village', OTHER_TOWN_ADMIN._id, 'townVillages', {})).data.villages).toEqual([]);

  const invite = await ok(
    s,
    'village',
    TOWN_ADMIN._id,
    'createInvite',
    { kind: 'secretary', villageId: ids.village, forName: '周建国' },
    'createInvite (secretary, with QR)',
  );
  expect(invite.data.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  expect(invite.data.scene).toBe(`j=${invite.data.code}`);
  expect(invite.data.scene.length).toBeLessThanOrEqual(32);
  expect(invite.data.path).toBe(`/packages/village/join/join?code=${invite.data.code}`);
  expect(invite.data.roleName).toBe('村书记');
  const qr = invite.data.qr;
  expect(qr?.fileID).toMatch(/^cloud:\/\/.*\.png$/);
  const png = Buffer.from(await (await fetch(qr?.url ?? '')).arrayBuffer());
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(str(await doc(s, C.invites, invite.data.code), 'qrFileId')).toBe(qr?.fileID);

  // The invitee sees what they are invited to, the name masked.
  const preview = await ok(s, 'village', 'o-sec', 'inviteInfo', { code: invite.data.code.toLowerCase() }, 'inviteInfo');
  expect(preview.data).toMatchObject({
    kind: 'secretary',
    villageName: '杏花村',
    townName: '白鹭镇',
    forName: '周**',
    needsIdLast4: false,
  });

  const joined = await ok(
    s,
    'village',
    'o-sec',
    'join',
    { code: invite.data.code, name: '周建国' },
    'join (secretary invite, waits for the town admin)',
  );
  expect(joined.data).toMatchObject({ status: 'pending', request: { roleName: '村书记', status: 'pending' } });
  // A link and a name are not proof: the role waits until the town admin confirms who opened it.
  expect((await ok(s, 'account', 'o-sec', 'me', {})).data).not.toMatchObject({ roles: ['secretary', 'cadre'] });
  const waiting = await ok(s, 'village', TOWN_ADMIN._id, 'pending', { villageId: ids.village });
  const request = waiting.data.requests.find((r) => r.name === '周建国');
  expect(request?.roleName).toBe('村书记');
  await ok(s, 'village', TOWN_ADMIN._id, 'confirm', { requestId: request?.id ?? '' }, 'confirm (town admin confirms a secretary)');
  const me = await ok(s, 'account', 'o-sec', 'me', {});
  expect(me.data).toMatchObject({ joined: true, name: '周建国', roles: ['secretary', 'cadre'], village: { name: '杏花村' } });
  // A single-use code is used up.
  expect((await refused(s, 'village', 'o-someone', 'join', { code: invite.data.code, name: '周建国' })).code).toBe('JOIN.USED_UP');
  const town = await ok(s, 'village', TOWN_ADMIN._id, 'townVillages', {});
  expect(town.data.villages.find((v) => v.id === ids.village)?.secretaryName).toBe('周建国');
});

test('the secretary builds grids and households; each household gets its balance and the head a membership', async () => {
  const microA = await ok(s, 'village', 'o-sec', 'createGrid', { kind: 'micro', name: '第一网格' }, 'createGrid');
  const groupA = await ok(s, 'village', 'o-sec', 'createGrid', { kind: 'group', name: '1组', parentId: microA.data.id });
  const microB = await ok(s, 'village', 'o-sec', 'createGrid', { kind: 'micro', name: '第二网格' });
  const groupB = await ok(s, 'village', 'o-sec', 'createGrid', { kind: 'group', name: '2组', parentId: microB.data.id });
  Object.assign(ids, { microA: microA.data.id, groupA: groupA.data.id, microB: microB.data.id, groupB: groupB.data.id });

  const h1 = await ok(
    s,
    'village',
    'o-sec',
    'createHousehold',
    {
      no: '1组1号',
      headName: '李长青',
      headIdNumber: HEAD_ID,
      headPhone: '13800138000',
      gridId: ids.microA,
      groupId: ids.groupA,
      address: '杏花村1组1号',
    },
    'createHousehold (with head, balance, membership)',
  );
  const h2 = await ok(s, 'village', 'o-sec', 'createHousehold', {
    no: '2组1号',
    headName: '王大山',
    headIdNumber: WANG_ID,
    gridId: ids.microB,
    groupId: ids.groupB,
  });
  ids.h1 = h1.data.id;
  ids.h2 = h2.data.id;
  expect(h1.data).toMatchObject({ no: '1组1号', headName: '李长青', gridName: '第一网格', groupName: '1组' });

  const balance = await doc(s, C.balances, ids.h1);
  expect(balance).toMatchObject({ villageId: ids.village, gridId: ids.microA, pending: 0, earned: 0, available: 0 });
  const detail = await ok(s, 'village', 'o-sec', 'household', { householdId: ids.h1 }, 'household (detail)');
  expect(detail.data.members).toEqual([
    expect.objectContaining({
      name: '李长青',
      relation: '户主',
      idNumber: `${HEAD_ID.slice(0, 3)}***********${HEAD_ID.slice(-4)}`,
      phone: '138****8000',
      linked: false,
    }),
  ]);
  expect(detail.data.history).toEqual([expect.objectContaining({ name: '李长青', relation: '户主', end: null, to: null })]);

  const overview = await ok(s, 'village', 'o-sec', 'overview', {}, 'overview (admin page, 2 households)');
  expect(overview.data.households.map((h) => h.no)).toEqual(['1组1号', '2组1号']);
  expect(overview.data.grids.find((g) => g.id === ids.microA)?.households).toBe(1);
  expect(overview.data.can).toEqual({ manage: true, appoint: true });
  expect((await ok(s, 'village', 'o-sec', 'overview', { q: '王' })).data.households.map((h) => h.no)).toEqual(['2组1号']);
  expect((await ok(s, 'village', 'o-sec', 'overview', { gridId: ids.microA })).data.households.map((h) => h.no)).toEqual(['1组1号']);
});

test('the secretary appoints a cadre by a role invite', async () => {
  const invite = await ok(s, 'village', 'o-sec', 'createInvite', { kind: 'role', role: 'cadre', forName: '陈志强' });
  expect((await refused(s, 'village', 'o-cadre', 'join', { code: invite.data.code, name: '陈志' })).code).toBe('JOIN.NAME_MISMATCH');
  const joined = await ok(s, 'village', 'o-cadre', 'join', { code: invite.data.code, name: '陈志强' });
  expect(joined.data).toMatchObject({ status: 'pending', request: { roleName: '村两委干部' } });
  // The secretary confirms the person who opened the link; only then are they a cadre.
  const waiting = await ok(s, 'village', 'o-sec', 'pending', {});
  await ok(s, 'village', 'o-sec', 'confirm', { requestId: waiting.data.requests.find((r) => r.name === '陈志强')?.id ?? '' });
  expect((await ok(s, 'account', 'o-cadre', 'me', {})).data).toMatchObject({ roles: ['cadre'] });
});

test('a cadre invites the head; the head waits pending, cannot act, and the home page says so; the cadre confirms', async () => {
  const invite = await ok(
    s,
    'village',
    'o-cadre',
    'createInvite',
    { kind: 'household', householdId: ids.h1 },
    'createInvite (household, with QR)',
  );
  expect(invite.data).toMatchObject({ kind: 'household', householdLabel: '1组1号（户主 李长青）', usesLeft: 10 });
  const preview = await ok(s, 'village', 'o-head', 'inviteInfo', { code: invite.data.code });
  expect(preview.data).toMatchObject({ householdLabel: '1组1号（户主 李**）', needsIdLast4: true });

  const joined = await ok(
    s,
    'village',
    'o-head',
    'join',
    { code: invite.data.code, name: '李长青', idLast4: idLast4(HEAD_ID) },
    'join (household invite, pending)',
  );
  if (joined.data.status !== 'pending') throw new Error('expected pending');
  expect(joined.data.request.matchedMember).toMatchObject({ name: '李长青', relation: '户主' });
  expect((await refused(s, 'village', 'o-head', 'join', { code: invite.data.code, name: '李长青', idLast4: idLast4(HEAD_ID) })).code).toBe(
    'JOIN.ALREADY_PENDING',
  );

  // Pending: no village action, and the home page's me says who they wait for.
  expect(await refused(s, 'village', 'o-head', 'overview', {})).toEqual({
    code: 'AUTH.PENDING',
    message: '您的加入申请正在等待村干部确认',
  });
  expect(await refused(s, 'points', 'o-head', 'archive', {})).toMatchObject({ code: 'AUTH.PENDING' });
  const me = await ok(s, 'account', 'o-head', 'me', {}, 'account.me (pending)');
  expect(me.data).toEqual({
    joined: false,
    pending: { villageName: '杏花村', householdLabel: '1组1号（户主 李长青）', since: expect.any(String) },
  });
  expect((await ok(s, 'village', 'o-head', 'myJoin', {})).data.request?.status).toBe('pending');

  const pending = await ok(s, 'village', 'o-cadre', 'pending', {}, 'pending (cadre)');
  expect(pending.data.requests).toHaveLength(1);
  const request = pending.data.requests[0];
  expect(request).toMatchObject({ name: '李长青', idLast4: idLast4(HEAD_ID), matchedMember: { name: '李长青' } });
  const confirmed = await ok(s, 'village', 'o-cadre', 'confirm', { requestId: request?.id ?? '' }, 'confirm (matched member)');
  expect(confirmed.data).toMatchObject({ status: 'confirmed', decidedByName: '陈志强' });
  expect(await doc(s, C.users, 'o-head')).toMatchObject({
    status: 'active',
    roles: ['head', 'villager'],
    householdId: ids.h1,
    villageId: ids.village,
  });
  const headMember = (await all(s, C.members)).find((m) => m.idNumber === HEAD_ID);
  expect(headMember?.userId).toBe('o-head');
  expect((await ok(s, 'account', 'o-head', 'me', {})).data).toMatchObject({ joined: true, household: { label: '1组1号' } });
  expect((await refused(s, 'village', 'o-cadre', 'confirm', { requestId: request?.id ?? '' })).code).toBe('VILLAGE.ALREADY_DECIDED');
});

test('the secretary makes the head leader of the first grid, who then sees only that grid', async () => {
  const memberId = String((await all(s, C.members)).find((m) => m.userId === 'o-head')?._id);
  const set = await ok(s, 'village', 'o-sec', 'setGridLeader', { gridId: ids.microA, personId: memberId }, 'setGridLeader');
  expect(set.data.leader).toEqual({ personId: memberId, name: '李长青' });
  expect(await doc(s, C.users, 'o-head')).toMatchObject({ roles: ['gridLeader', 'head', 'villager'] });
  const seen = await ok(s, 'village', 'o-head', 'overview', {}, 'overview (grid leader)');
  expect(seen.data.households.map((h) => h.no)).toEqual(['1组1号']);
  expect(seen.data.can).toEqual({ manage: false, appoint: false });
  expect((await refused(s, 'village', 'o-head', 'household', { householdId: ids.h2 })).code).toBe('AUTH.FORBIDDEN');

  const keeper = await ok(s, 'village', 'o-sec', 'setRole', { personId: memberId, role: 'keeper', granted: true }, 'setRole');
  expect(keeper.data.roleNames).toEqual(['网格长', '积分超市店员', '户主', '村民']);
  await ok(s, 'village', 'o-sec', 'setRole', { personId: memberId, role: 'keeper', granted: false });
  const people = await ok(s, 'village', 'o-sec', 'people', {}, 'people');
  expect(people.data.people.map((p) => p.name)).toEqual(['陈志强', '李长青', '周建国']);
});

/** `by` invites to a household; someone joins with the code and waits: the code and their request. */
async function pendingJoin(by: string, householdId: string, who: { openid: string; name: string; idLast4: string }) {
  const invite = await ok(s, 'village', by, 'createInvite', { kind: 'household', householdId });
  const joined = await ok(s, 'village', who.openid, 'join', { code: invite.data.code, name: who.name, idLast4: who.idLast4 });
  if (joined.data.status !== 'pending') throw new Error('expected pending');
  return { code: invite.data.code, request: joined.data.request };
}

test('the head invites a family member, who joins pending; the cadre confirms them as a new member', async () => {
  const { request } = await pendingJoin('o-head', ids.h1, { openid: 'o-member', name: '李小红', idLast4: '1234' });
  expect(request.matchedMember).toBeNull();
  expect(await doc(s, C.users, 'o-member')).toMatchObject({ status: 'pending', roles: [], householdId: null });
  const confirmed = await ok(s, 'village', 'o-cadre', 'confirm', { requestId: request.id, relation: '女儿' }, 'confirm (new member)');
  expect(confirmed.data.status).toBe('confirmed');
  const detail = await ok(s, 'village', 'o-head', 'household', { householdId: ids.h1 });
  const added = detail.data.members.find((m) => m.name === '李小红');
  expect(added).toMatchObject({ relation: '女儿', linked: true, status: 'active' });
  ids.memberId = added?.id ?? '';
  expect(await doc(s, C.users, 'o-member')).toMatchObject({
    status: 'active',
    roles: ['villager'],
    householdId: ids.h1,
    memberId: ids.memberId,
  });
  // The head edits their family's record.
  const edited = await ok(s, 'village', 'o-head', 'editMember', { memberId: ids.memberId, phone: '13900139000' }, 'editMember (head)');
  expect(edited.data.phone).toBe('139****9000');
});

test('a cadre refuses a request with a reason; the person may try again', async () => {
  const { code, request } = await pendingJoin('o-cadre', ids.h2, { openid: 'o-stranger', name: '赵四', idLast4: '9999' });
  const refusedRequest = await ok(s, 'village', 'o-cadre', 'refuse', { requestId: request.id, reason: '户籍上没有此人' }, 'refuse');
  expect(refusedRequest.data).toMatchObject({ status: 'refused', reason: '户籍上没有此人' });
  expect(await doc(s, C.users, 'o-stranger')).toMatchObject({ status: 'left', villageId: null });
  expect((await ok(s, 'village', 'o-stranger', 'myJoin', {})).data.request).toMatchObject({ status: 'refused', reason: '户籍上没有此人' });
  expect((await ok(s, 'account', 'o-stranger', 'me', {})).data).toEqual({ joined: false });
  const again = await ok(s, 'village', 'o-stranger', 'join', { code, name: '赵四', idLast4: '9999' });
  expect(again.data.status).toBe('pending');
});

test('a cadre moves the member to another household; then they leave; the history stays', async () => {
  const moved = await ok(
    s,
    'village',
    'o-cadre',
    'moveMember',
    { memberId: ids.memberId, toHouseholdId: ids.h2, relation: '其他' },
    'moveMember',
  );
  expect(moved.data).toMatchObject({ name: '李小红', relation: '其他', status: 'active' });
  expect(await doc(s, C.users, 'o-member')).toMatchObject({ householdId: ids.h2 });
  const fromH1 = await ok(s, 'village', 'o-sec', 'household', { householdId: ids.h1 });
  expect(fromH1.data.members.map((m) => m.name)).toEqual(['李长青']);
  expect(fromH1.data.history.find((h) => h.name === '李小红')).toMatchObject({ end: 'moved', note: '迁至2组1号' });

  const left = await ok(s, 'village', 'o-member', 'leaveMember', { memberId: ids.memberId, reason: '外嫁' }, 'leaveMember (self)');
  expect(left.data).toMatchObject({ status: 'left', leftReason: '外嫁', linked: false });
  expect(await doc(s, C.users, 'o-member')).toMatchObject({ status: 'left', villageId: null, householdId: null, roles: [] });
  expect((await refused(s, 'village', 'o-member', 'overview', {})).code).toBe('AUTH.LEFT');
  expect((await ok(s, 'account', 'o-member', 'me', {})).data).toEqual({ joined: false });

  const h2 = await ok(s, 'village', 'o-sec', 'household', { householdId: ids.h2 });
  expect(h2.data.members.map((m) => m.name)).toEqual(['王大山']);
  expect(h2.data.former).toEqual([
    expect.objectContaining({ name: '李小红', status: 'left', leftReason: '外嫁', leftOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
  ]);
  expect(h2.data.history.find((h) => h.name === '李小红')).toMatchObject({ end: 'left', note: '外嫁' });
  // Nothing was deleted: the member record and both stints are still there.
  const member = await doc(s, C.members, ids.memberId);
  expect(member).toMatchObject({ status: 'left', householdId: ids.h2 });
  const stints = (await all(s, C.memberships)).filter((m) => m.memberId === ids.memberId);
  expect(stints.map((m) => m.end)).toEqual(expect.arrayContaining(['moved', 'left']));
  expect(stints).toHaveLength(2);
});

test('a household moves to another grid: its balance follows, its history records the move', async () => {
  const moved = await ok(
    s,
    'village',
    'o-cadre',
    'moveHousehold',
    { householdId: ids.h2, gridId: ids.microA, groupId: ids.groupA },
    'moveHousehold',
  );
  expect(moved.data).toMatchObject({ gridName: '第一网格', groupName: '1组' });
  expect(num(await doc(s, C.balances, ids.h2), 'pending')).toBe(0);
  expect(str(await doc(s, C.balances, ids.h2), 'gridId')).toBe(ids.microA);
  const detail = await ok(s, 'village', 'o-cadre', 'household', { householdId: ids.h2 });
  expect(detail.data.moves).toEqual([expect.objectContaining({ fromGridName: '第二网格', toGridName: '第一网格', byName: '陈志强' })]);
  const edited = await ok(s, 'village', 'o-cadre', 'editHousehold', { householdId: ids.h2, no: '1组2号' }, 'editHousehold');
  expect(edited.data.no).toBe('1组2号');
});

test("the town admin reads a village of their town, not another town's", async () => {
  const seen = await ok(s, 'village', TOWN_ADMIN._id, 'overview', { villageId: ids.village }, 'overview (town admin)');
  expect(seen.data.households).toHaveLength(2);
  expect(seen.data.can).toEqual({ manage: false, appoint: false });
  expect((await refused(s, 'village', OTHER_TOWN_ADMIN._id, 'overview', { villageId: ids.village })).code).toBe('AUTH.OTHER_VILLAGE');
  expect(
    (
      await refused(s, 'village', TOWN_ADMIN._id, 'createHousehold', {
        no: '9',
        headName: '甲',
        headIdNumber: HEAD_ID,
        gridId: ids.microA,
        groupId: ids.groupA,
      })
    ).code,
  ).toBe('AUTH.NOT_JOINED');
  expect(measured.length).toBeGreaterThan(10);
});
