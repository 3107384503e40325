import { thrownAppError } from './thrown';
import type { Invite } from '../../cloudfunctions/shared/village/model';
import {
  canEditMembers,
  canSeeHousehold,
  holdsOffice,
  isCadreOf,
  gridsInCareOf,
  requireCadre,
  requireSecretary,
  requireVillageReader,
  resolveVillage,
  withRole,
} from '../../cloudfunctions/shared/access';
import { joinRefusal, rolesOfInvite } from '../../cloudfunctions/shared/village/joining';
import { checkPlacement } from '../../cloudfunctions/shared/village/grids';
import { OTHER_VILLAGE, VILLAGE, grid, household, user } from '../village/fixtures';

const MICRO = grid({ _id: 'g1', kind: 'micro', name: '第一网格', leaderUserId: 'leader' });
const GROUP = grid({ _id: 'g1-1', kind: 'group', name: '1组', parentId: 'g1' });
const OTHER_MICRO = grid({ _id: 'g2', kind: 'micro', name: '第二网格' });
const GRIDS = [MICRO, GROUP, OTHER_MICRO];
const HH = household({ _id: 'h1', no: '1组1号', headName: '李', gridId: 'g1', groupId: 'g1-1' });
const HH2 = household({ _id: 'h2', no: '2组1号', headName: '王', gridId: 'g2', groupId: 'g2-1' });

const secretary = user({ _id: 'sec', name: '书记', roles: ['secretary', 'cadre'] });
const cadre = user({ _id: 'cadre', name: '干部', roles: ['cadre'] });
const leader = user({ _id: 'leader', name: '网格长', roles: ['gridLeader', 'villager'] });
const head = user({ _id: 'head', name: '李', roles: ['head', 'villager'], householdId: 'h1' });
const villager = user({ _id: 'v', name: '村民', roles: ['villager'], householdId: 'h1' });
const foreignCadre = user({ _id: 'fc', name: '外村干部', roles: ['cadre'], villageId: OTHER_VILLAGE._id });
const townAdmin = user({ _id: 'town', name: '镇', roles: ['townAdmin'], villageId: null });
const otherTownAdmin = user({ _id: 'town2', name: '别镇', roles: ['townAdmin'], villageId: null, townId: 'town-heron' });

const codeOf = (fn: () => void): string => thrownAppError(fn)?.code ?? 'passed';

test('cadres are cadres of their own village only', () => {
  expect(isCadreOf(cadre, VILLAGE._id)).toBe(true);
  expect(isCadreOf(secretary, VILLAGE._id)).toBe(true);
  expect(isCadreOf(foreignCadre, VILLAGE._id)).toBe(false);
  expect(codeOf(() => requireCadre(foreignCadre, VILLAGE._id))).toBe('AUTH.OTHER_VILLAGE');
  expect(codeOf(() => requireCadre(villager, VILLAGE._id))).toBe('AUTH.FORBIDDEN');
  expect(codeOf(() => requireSecretary(cadre, VILLAGE._id))).toBe('AUTH.FORBIDDEN');
  expect(codeOf(() => requireSecretary(secretary, VILLAGE._id))).toBe('passed');
});

test('a town admin reaches the villages of their own town, no other', () => {
  expect(resolveVillage(townAdmin, VILLAGE, VILLAGE._id)).toBe(VILLAGE);
  expect(codeOf(() => resolveVillage(otherTownAdmin, VILLAGE, VILLAGE._id))).toBe('AUTH.OTHER_VILLAGE');
  expect(codeOf(() => resolveVillage(cadre, OTHER_VILLAGE, OTHER_VILLAGE._id))).toBe('AUTH.OTHER_VILLAGE');
  expect(codeOf(() => resolveVillage(cadre, null, 'nowhere'))).toBe('COMMON.NOT_FOUND');
  expect(codeOf(() => requireVillageReader(townAdmin, VILLAGE, GRIDS))).toBe('passed');
});

test('grid leaders read their grids (and the groups inside); villagers do not read the village', () => {
  expect([...gridsInCareOf(leader, GRIDS)].sort()).toEqual(['g1', 'g1-1']);
  expect(codeOf(() => requireVillageReader(leader, VILLAGE, GRIDS))).toBe('passed');
  expect(codeOf(() => requireVillageReader(villager, VILLAGE, GRIDS))).toBe('AUTH.FORBIDDEN');
  expect(canSeeHousehold(leader, HH, VILLAGE, GRIDS)).toBe(true);
  expect(canSeeHousehold(leader, HH2, VILLAGE, GRIDS)).toBe(false);
  expect(canSeeHousehold(villager, HH, VILLAGE, GRIDS)).toBe(true);
  expect(canSeeHousehold(villager, HH2, VILLAGE, GRIDS)).toBe(false);
  expect(canSeeHousehold(foreignCadre, HH, VILLAGE, GRIDS)).toBe(false);
});

test('members are edited by cadres and by the head of their own household', () => {
  expect(canEditMembers(head, HH)).toBe(true);
  expect(canEditMembers(head, HH2)).toBe(false);
  expect(canEditMembers(villager, HH)).toBe(false);
  expect(canEditMembers(cadre, HH2)).toBe(true);
});

test('roles are given and taken in one stable order; offices keep someone in the village', () => {
  expect(withRole(['villager', 'head'], 'cadre', true)).toEqual(['cadre', 'head', 'villager']);
  expect(withRole(['cadre', 'head', 'villager'], 'cadre', false)).toEqual(['head', 'villager']);
  expect(withRole(['villager'], 'villager', true)).toEqual(['villager']);
  expect(withRole(['supervisor', 'villager'], 'cadre', true)).toEqual(['cadre', 'supervisor', 'villager']);
  expect(holdsOffice(['keeper'])).toBe(true);
  expect(holdsOffice(['head', 'villager'])).toBe(false);
  expect(rolesOfInvite('secretary')).toEqual(['secretary', 'cadre']);
});

test('who may use an invite: one village, one household, one request at a time', () => {
  const householdInvite: Pick<Invite, 'kind' | 'villageId'> = { kind: 'household', villageId: VILLAGE._id };
  expect(joinRefusal(null, householdInvite)).toBeNull();
  expect(joinRefusal({ ...villager, status: 'left' }, householdInvite)).toBeNull();
  expect(joinRefusal({ ...villager, status: 'pending' }, householdInvite)?.code).toBe('JOIN.ALREADY_PENDING');
  expect(joinRefusal(villager, householdInvite)?.code).toBe('JOIN.ALREADY_JOINED');
  expect(joinRefusal(foreignCadre, householdInvite)?.code).toBe('JOIN.ALREADY_JOINED');
  // The secretary without a household may join one; anyone of the village may take a role.
  expect(joinRefusal(secretary, householdInvite)).toBeNull();
  expect(joinRefusal(villager, { kind: 'role', villageId: VILLAGE._id })).toBeNull();
});

test('a household sits in a group of its own grid', () => {
  expect(checkPlacement(GRIDS, VILLAGE._id, 'g1', 'g1-1').group._id).toBe('g1-1');
  expect(codeOf(() => checkPlacement(GRIDS, VILLAGE._id, 'g2', 'g1-1'))).toBe('VILLAGE.BAD_GRID');
  expect(codeOf(() => checkPlacement(GRIDS, OTHER_VILLAGE._id, 'g1', 'g1-1'))).toBe('VILLAGE.BAD_GRID');
});
