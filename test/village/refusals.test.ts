// Every refusal of the `village` function gets its stable code and a Chinese message, and changes
// nothing: the village collections are compared before and after each refused call. On the demo
// village (和美村), with a second village (青山村) of the same town that has its own cadre.
import { C } from '../../cloudfunctions/shared/collections';
import { gridSchema, householdSchema, inviteSchema, memberSchema, type Invite } from '../../cloudfunctions/shared/village/model';
import { idLast4 } from '../../cloudfunctions/shared/village/person';
import type { ErrorCode } from '../../typings';
import { user, validId } from './fixtures';
import { all, doc, insert, ok, refused, refusedRaw, snapshot, useVillageCloud } from './support';
import { TEST_NOW } from '../support/clock';

const s = useVillageCloud({ demo: true });

const QS = 'village-qingshan';
const QS_GRID = gridSchema.parse({
  _id: 'qs-grid-1',
  villageId: QS,
  kind: 'micro',
  name: '青山一网格',
  parentId: null,
  leaderUserId: null,
});
const QS_GROUP = gridSchema.parse({
  _id: 'qs-group-1',
  villageId: QS,
  kind: 'group',
  name: '青山1组',
  parentId: 'qs-grid-1',
  leaderUserId: null,
});
const QS_HOUSEHOLD = householdSchema.parse({
  _id: 'qs-hh-1',
  villageId: QS,
  gridId: 'qs-grid-1',
  groupId: 'qs-group-1',
  no: '青1号',
  headName: '钱一',
  address: '',
});
const QS_HEAD = memberSchema.parse({
  _id: 'qs-hh-1-m1',
  villageId: QS,
  householdId: 'qs-hh-1',
  name: '钱一',
  relation: '户主',
  idNumber: validId('19600101', '901'),
  phone: '',
  // The other village's cadre: appointing them from here names this member.
  userId: 'o-qs-cadre',
});
const QS_CADRE = user({
  _id: 'o-qs-cadre',
  name: '钱干部',
  roles: ['cadre', 'secretary'],
  villageId: QS,
  townId: 'town-qingxi',
  memberId: QS_HEAD._id,
});
const FAR_TOWN_ADMIN = user({ _id: 'o-far-town', name: '远镇', roles: ['townAdmin'], villageId: null, townId: 'town-far' });

const future = new Date(Date.parse(TEST_NOW) + 7 * 86_400_000);
const invite = (i: Partial<Invite> & Pick<Invite, '_id'>): Invite =>
  inviteSchema.parse({
    villageId: 'village-hemei',
    townId: 'town-qingxi',
    kind: 'household',
    householdId: 'hh-005',
    role: null,
    forName: null,
    createdBy: 'demo-cadre-1',
    createdByName: '干部',
    createdAt: new Date(TEST_NOW),
    expiresAt: future,
    maxUses: 10,
    uses: 0,
    usedBy: [],
    revoked: false,
    qrFileId: null,
    ...i,
  });

let pendingRequestId = '';
let villagerMember = { _id: '', name: '', idNumber: '', householdId: '' };
let before = '';

beforeAll(async () => {
  await insert(s, C.grids, [QS_GRID, QS_GROUP]);
  await insert(s, C.households, [QS_HOUSEHOLD]);
  await insert(s, C.members, [QS_HEAD]);
  await insert(s, C.users, [QS_CADRE, FAR_TOWN_ADMIN]);
  await insert(s, C.invites, [
    invite({ _id: 'EXP2RED2', expiresAt: new Date(Date.now() - 60_000) }), // a minute ago by the cloud's clock, which Date follows
    invite({ _id: 'USED2UP2', maxUses: 1, uses: 1, usedBy: ['o-x'] }),
    invite({ _id: 'REV2KED2', revoked: true }),
    invite({ _id: 'GAAD2222', householdId: 'hh-022' }),
  ]);
  // A pending request in 和美村, for the refusals that act on one.
  const code = await ok(s, 'village', 'demo-cadre-1', 'createInvite', { kind: 'household', householdId: 'hh-005' });
  const joined = await ok(s, 'village', 'o-pending', 'join', { code: code.data.code, name: '新人', idLast4: '1234' });
  if (joined.data.status !== 'pending') throw new Error('expected pending');
  pendingRequestId = joined.data.request.id;
  const v = await doc(s, C.users, 'demo-villager');
  const m = (await all(s, C.members)).find((x) => x._id === v?.memberId);
  villagerMember = memberSchema.parse(m);
  before = await snapshot(s);
});

type Case = [string, () => Promise<{ code: ErrorCode; message: string }>, ErrorCode, string?];

const HEAD_ID = validId('19800101', '555');
const good = { no: '9组9号', headName: '新户主', headIdNumber: HEAD_ID, gridId: 'grid-1', groupId: 'group-1' };

const cases: Case[] = [
  // wrong role
  [
    'a villager cannot create a household',
    () => refused(s, 'village', 'demo-villager', 'createHousehold', good),
    'AUTH.FORBIDDEN',
    '只有村干部可以办理',
  ],
  ['a grid leader cannot create a household', () => refused(s, 'village', 'demo-grid-1', 'createHousehold', good), 'AUTH.FORBIDDEN'],
  [
    "a villager cannot read the village's households",
    () => refused(s, 'village', 'demo-villager', 'overview', {}),
    'AUTH.FORBIDDEN',
    '只有村干部和网格长可以查看全村农户',
  ],
  [
    'a villager cannot read another household',
    () => refused(s, 'village', 'demo-villager', 'household', { householdId: 'hh-001' }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a member who is not the head cannot invite',
    () => refused(s, 'village', 'demo-villager', 'createInvite', { kind: 'household', householdId: villagerMember.householdId }),
    'AUTH.FORBIDDEN',
    '只有户主或村干部可以邀请家人',
  ],
  [
    'a head cannot invite into another household',
    () => refused(s, 'village', 'demo-head', 'createInvite', { kind: 'household', householdId: 'hh-001' }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a cadre cannot invite to a role',
    () => refused(s, 'village', 'demo-cadre-1', 'createInvite', { kind: 'role', role: 'cadre', forName: '张三' }),
    'AUTH.FORBIDDEN',
    '只有村书记可以任命',
  ],
  [
    'a cadre cannot appoint a grid leader',
    () => refused(s, 'village', 'demo-cadre-1', 'setGridLeader', { gridId: 'grid-1', personId: 'hh-021-m1' }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a cadre cannot give roles',
    () => refused(s, 'village', 'demo-cadre-1', 'setRole', { personId: 'hh-021-m1', role: 'cadre', granted: true }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a secretary cannot create a village',
    () => refused(s, 'village', 'demo-secretary', 'createVillage', { name: '新村' }),
    'AUTH.FORBIDDEN',
    '只有乡镇管理员可以办理',
  ],
  [
    'a secretary cannot invite a secretary',
    () => refused(s, 'village', 'demo-secretary', 'createInvite', { kind: 'secretary', villageId: 'village-hemei', forName: '张三' }),
    'AUTH.FORBIDDEN',
  ],
  ['a villager cannot confirm', () => refused(s, 'village', 'demo-villager', 'confirm', { requestId: pendingRequestId }), 'AUTH.FORBIDDEN'],
  [
    'a grid leader cannot refuse',
    () => refused(s, 'village', 'demo-grid-1', 'refuse', { requestId: pendingRequestId, reason: '不认识' }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a grid leader cannot move a member',
    () => refused(s, 'village', 'demo-grid-1', 'moveMember', { memberId: villagerMember._id, toHouseholdId: 'hh-001', relation: '其他' }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a head cannot change who is the head',
    () => refused(s, 'village', 'demo-head', 'editMember', { memberId: 'hh-021-m1', relation: '其他' }),
    'AUTH.FORBIDDEN',
    '更换户主请联系村干部',
  ],
  [
    'a villager cannot make someone else leave',
    () => refused(s, 'village', 'demo-villager', 'leaveMember', { memberId: 'hh-001-m2', reason: '搬走' }),
    'AUTH.FORBIDDEN',
  ],
  [
    'a villager cannot import',
    () => refused(s, 'village', 'demo-villager', 'importPreview', { fileID: 'cloud://local-dev.local-bucket/x.csv' }),
    'AUTH.FORBIDDEN',
  ],
  ['a villager cannot list people', () => refused(s, 'village', 'demo-villager', 'people', {}), 'AUTH.FORBIDDEN'],
  [
    'a keeper cannot create grids',
    () => refused(s, 'village', 'demo-keeper', 'createGrid', { kind: 'micro', name: '第四网格' }),
    'AUTH.FORBIDDEN',
  ],
  ['an unknown person cannot act in a village', () => refused(s, 'village', 'o-nobody', 'overview', {}), 'AUTH.NOT_JOINED'],
  // other village
  [
    "another village's cadre cannot read a household",
    () => refused(s, 'village', QS_CADRE._id, 'household', { householdId: 'hh-001' }),
    'AUTH.OTHER_VILLAGE',
    '不能查看或修改其他村的数据',
  ],
  [
    "another village's cadre cannot invite into it",
    () => refused(s, 'village', QS_CADRE._id, 'createInvite', { kind: 'household', householdId: 'hh-001' }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    "another village's cadre cannot edit its members",
    () => refused(s, 'village', QS_CADRE._id, 'editMember', { memberId: 'hh-001-m1', phone: '13800000000' }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    "another village's cadre cannot confirm its requests",
    () => refused(s, 'village', QS_CADRE._id, 'confirm', { requestId: pendingRequestId }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    "another village's cadre cannot read its overview",
    () => refused(s, 'village', QS_CADRE._id, 'overview', { villageId: 'village-hemei' }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    "another village's cadre cannot move its households",
    () => refused(s, 'village', QS_CADRE._id, 'moveHousehold', { householdId: 'hh-001', gridId: 'qs-grid-1', groupId: 'qs-group-1' }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    'a secretary cannot appoint someone of another village',
    () => refused(s, 'village', 'demo-secretary', 'setGridLeader', { gridId: 'grid-1', personId: QS_HEAD._id }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    'a secretary cannot give a role in another village',
    () => refused(s, 'village', 'demo-secretary', 'setRole', { personId: QS_HEAD._id, role: 'keeper', granted: true }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    'a cadre cannot move a member into another village',
    () => refused(s, 'village', 'demo-cadre-1', 'moveMember', { memberId: 'hh-001-m2', toHouseholdId: QS_HOUSEHOLD._id, relation: '其他' }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    "a cadre cannot place a household in another village's grid",
    () => refused(s, 'village', 'demo-cadre-1', 'createHousehold', { ...good, gridId: 'qs-grid-1', groupId: 'qs-group-1' }),
    'VILLAGE.BAD_GRID',
  ],
  [
    'a town admin of another town cannot invite a secretary',
    () => refused(s, 'village', FAR_TOWN_ADMIN._id, 'createInvite', { kind: 'secretary', villageId: 'village-hemei', forName: '张三' }),
    'AUTH.OTHER_VILLAGE',
  ],
  [
    'a town admin of another town cannot read the village',
    () => refused(s, 'village', FAR_TOWN_ADMIN._id, 'grids', { villageId: 'village-hemei' }),
    'AUTH.OTHER_VILLAGE',
  ],
  // codes
  [
    'a code of the wrong shape',
    () => refused(s, 'village', 'o-new', 'join', { code: 'ABC', name: '张三', idLast4: '1234' }),
    'JOIN.BAD_CODE',
    '邀请码不对，请核对后再输入',
  ],
  ['an unknown code', () => refused(s, 'village', 'o-new', 'inviteInfo', { code: 'ZZZZ2222' }), 'JOIN.BAD_CODE'],
  ['a revoked code', () => refused(s, 'village', 'o-new', 'join', { code: 'REV2KED2', name: '张三', idLast4: '1234' }), 'JOIN.BAD_CODE'],
  [
    'an expired code',
    () => refused(s, 'village', 'o-new', 'join', { code: 'EXP2RED2', name: '张三', idLast4: '1234' }),
    'JOIN.EXPIRED',
    '邀请码已过期，请重新获取',
  ],
  ['an expired code, looked at', () => refused(s, 'village', 'o-new', 'inviteInfo', { code: 'exp2-red2' }), 'JOIN.EXPIRED'],
  ['a used-up code', () => refused(s, 'village', 'o-new', 'join', { code: 'USED2UP2', name: '张三', idLast4: '1234' }), 'JOIN.USED_UP'],
  [
    'someone already in the village',
    () => refused(s, 'village', 'demo-villager', 'join', { code: 'GAAD2222', name: '张三', idLast4: '1234' }),
    'JOIN.ALREADY_JOINED',
  ],
  [
    'someone of another village',
    () => refused(s, 'village', QS_CADRE._id, 'join', { code: 'GAAD2222', name: '钱干部', idLast4: '1234' }),
    'JOIN.ALREADY_JOINED',
  ],
  [
    'a second request while one waits',
    () => refused(s, 'village', 'o-pending', 'join', { code: 'GAAD2222', name: '新人', idLast4: '1234' }),
    'JOIN.ALREADY_PENDING',
  ],
  [
    'a member already bound to another WeChat',
    () =>
      refused(s, 'village', 'o-impostor', 'join', {
        code: 'GAAD2222',
        name: villagerMember.name,
        idLast4: idLast4(villagerMember.idNumber),
      }),
    'JOIN.MEMBER_TAKEN',
  ],
  [
    'a household invite without the ID last 4',
    () => refused(s, 'village', 'o-new', 'join', { code: 'GAAD2222', name: '张三' }),
    'COMMON.INVALID_INPUT',
    '请填写身份证号后4位',
  ],
  // bad input
  [
    'an ID number with a wrong check digit',
    () =>
      refused(s, 'village', 'demo-cadre-1', 'createHousehold', {
        ...good,
        headIdNumber: `${HEAD_ID.slice(0, 17)}${HEAD_ID.endsWith('1') ? '2' : '1'}`,
      }),
    'COMMON.INVALID_INPUT',
    '身份证号校验位不对，请核对',
  ],
  [
    'a 户号 already taken',
    () => refused(s, 'village', 'demo-cadre-1', 'createHousehold', { ...good, no: '1组1号' }),
    'VILLAGE.HOUSEHOLD_NO_TAKEN',
    '这个户号已经有了',
  ],
  [
    'an ID number already in the village',
    () => refused(s, 'village', 'demo-cadre-1', 'createHousehold', { ...good, headIdNumber: villagerMember.idNumber }),
    'VILLAGE.ID_TAKEN',
  ],
  [
    'a group outside the grid',
    () => refused(s, 'village', 'demo-cadre-1', 'createHousehold', { ...good, groupId: 'group-20' }),
    'VILLAGE.BAD_GRID',
    '联户小组不属于这个网格',
  ],
  [
    'a second head',
    () => refused(s, 'village', 'demo-cadre-1', 'addMember', { householdId: 'hh-001', name: '李四', relation: '户主' }),
    'VILLAGE.HEAD_EXISTS',
  ],
  [
    'an unknown relation',
    () => refused(s, 'village', 'demo-cadre-1', 'addMember', { householdId: 'hh-001', name: '李四', relation: '表哥' }),
    'COMMON.INVALID_INPUT',
    '不认识的关系「表哥」',
  ],
  [
    'a malformed phone',
    () => refused(s, 'village', 'demo-head', 'addMember', { householdId: 'hh-021', name: '李四', relation: '儿子', phone: '12345' }),
    'COMMON.INVALID_INPUT',
    '手机号应为11位数字，以1开头',
  ],
  [
    'a name with digits',
    () => refused(s, 'village', 'demo-head', 'addMember', { householdId: 'hh-021', name: '李4', relation: '儿子' }),
    'COMMON.INVALID_INPUT',
  ],
  [
    'the head cannot leave',
    () => refused(s, 'village', 'demo-cadre-1', 'leaveMember', { memberId: 'hh-001-m1', reason: '搬走' }),
    'VILLAGE.HEAD_MUST_STAY',
  ],
  [
    'a leaving date in the future',
    () => refused(s, 'village', 'demo-cadre-1', 'leaveMember', { memberId: 'hh-001-m2', reason: '搬走', on: '2999-01-01' }),
    'COMMON.INVALID_INPUT',
    '离开日期不对',
  ],
  [
    'a move into the same household',
    () => refused(s, 'village', 'demo-cadre-1', 'moveMember', { memberId: 'hh-001-m2', toHouseholdId: 'hh-001', relation: '其他' }),
    'COMMON.INVALID_INPUT',
  ],
  [
    'a grid name already used',
    () => refused(s, 'village', 'demo-cadre-1', 'createGrid', { kind: 'micro', name: '第一网格' }),
    'VILLAGE.BAD_GRID',
  ],
  [
    'a group without its grid',
    () => refused(s, 'village', 'demo-cadre-1', 'createGrid', { kind: 'group', name: '新组' }),
    'VILLAGE.BAD_GRID',
  ],
  [
    'an appointee who is not a villager (a member no WeChat user is linked to)',
    () => refused(s, 'village', 'demo-secretary', 'setGridLeader', { gridId: 'grid-1', personId: 'hh-005-m1' }),
    'VILLAGE.NOT_A_VILLAGER',
  ],
  [
    'a village name already used in the town',
    () => refused(s, 'village', 'demo-town', 'createVillage', { name: '和美村' }),
    'VILLAGE.NAME_TAKEN',
  ],
  [
    'a refusal without a reason',
    () => refusedRaw(s, 'village', 'demo-cadre-1', 'refuse', { requestId: pendingRequestId, reason: '  ' }),
    'COMMON.INVALID_INPUT',
    '填写的内容有误（reason），请检查后再试',
  ],
  [
    'a field the contract does not know',
    () => refusedRaw(s, 'village', 'o-new', 'join', { code: 'GAAD2222', name: '张三', idLast4: '1234', openid: 'demo-secretary' }),
    'COMMON.INVALID_INPUT',
  ],
  [
    'an invite kind that does not exist',
    () => refusedRaw(s, 'village', 'demo-cadre-1', 'createInvite', { kind: 'mayor', villageId: 'village-hemei' }),
    'COMMON.INVALID_INPUT',
  ],
  [
    'an import file that is not in cloud storage',
    () => refusedRaw(s, 'village', 'demo-cadre-1', 'importPreview', { fileID: 'https://example.com/a.xlsx' }),
    'COMMON.INVALID_INPUT',
  ],
  [
    'an action that does not exist',
    () => refusedRaw(s, 'village', 'demo-cadre-1', 'deleteHousehold', { householdId: 'hh-001' }),
    'COMMON.UNKNOWN_ACTION',
    '不支持的操作',
  ],
];

// (Not test.each: with rows shorter than the callback's parameters it passes a `done` callback.)
for (const [what, call, code, message] of cases) {
  test(`${what}: refused, nothing changed`, async () => {
    const error = await call();
    expect(error.code).toBe(code);
    if (message) expect(error.message).toBe(message);
    else expect(/[\u4e00-\u9fff]/.test(error.message)).toBe(true);
    expect(await snapshot(s)).toBe(before);
  });
}

test('a decided request cannot be decided again, and the pending joiner cannot act meanwhile', async () => {
  expect((await refused(s, 'village', 'o-pending', 'household', { householdId: 'hh-005' })).code).toBe('AUTH.PENDING');
  await ok(s, 'village', 'demo-cadre-2', 'refuse', { requestId: pendingRequestId, reason: '户籍上没有此人' });
  const after = await snapshot(s);
  expect((await refused(s, 'village', 'demo-cadre-1', 'confirm', { requestId: pendingRequestId })).code).toBe('VILLAGE.ALREADY_DECIDED');
  expect(await snapshot(s)).toBe(after);
});
