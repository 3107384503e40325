// Households: the village's list by grid with search, one household's detail, and a cadre's
// create / edit / move. A new household gets its balances document in the same transaction.
import type {
  CreateHouseholdInput,
  EditHouseholdInput,
  HouseholdDetail,
  HouseholdRow,
  MoveHouseholdInput,
  OverviewRequest,
  OverviewResult,
} from '../../typings';
import { chinaDate } from '../shared/china-time';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { householdSchema, memberSchema, membershipSchema, userSchema, type Grid, type Household, type User } from '../shared/village/model';
import { emptyBalance } from '../shared/points/policy';
import { count, getById, list, listAll } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { isDuplicateKey, txGet, txUpdate, withTransaction } from '../shared/tx';
import { currentUser, personIdOf } from '../shared/users';
import {
  canEditMembers,
  canSeeHousehold,
  isCadreOf,
  isSecretaryOf,
  isTownAdminOf,
  gridsInCareOf,
  requireCadre,
  requireVillageReader,
} from '../shared/access';
import { checkPlacement } from '../shared/village/grids';
import { HEAD } from '../shared/village/person';
import { householdIn, loadVillage, villageScope } from './context';
import { gridName, gridView, historyView, householdRow, memberView, type Leaders } from './views';
import { newId } from './ids';
import { newPerson, placePerson } from './people';
import { currentTime } from '../shared/clock';

const PAGE = 50;

function byNo(a: Household, b: Household): number {
  return a.no.localeCompare(b.no, 'zh', { numeric: true });
}

export async function leaderNames(grids: Grid[]): Promise<Leaders> {
  const ids = [...new Set(grids.flatMap((g) => (g.leaderUserId ? [g.leaderUserId] : [])))];
  if (!ids.length) return new Map();
  const users = await list(C.users, { _id: _.in(ids) }, userSchema, { limit: ids.length });
  return new Map(users.map((u) => [u._id, { personId: personIdOf(u), name: u.name }]));
}

/** Households per grid and per group, counted from the village's households. */
function householdCounts(households: Household[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of households) {
    counts.set(h.gridId, (counts.get(h.gridId) ?? 0) + 1);
    counts.set(h.groupId, (counts.get(h.groupId) ?? 0) + 1);
  }
  return counts;
}

function matches(h: Household, q: string): boolean {
  return h.no.includes(q) || h.headName.includes(q);
}

/**
 * The admin page in one call. A village's households are bounded (hundreds, Deyang averages ~150),
 * so they are read whole (one request per 1,000) and filtered, counted and paged here.
 */
export async function overview(req: OverviewRequest, openid: string): Promise<OverviewResult> {
  const { user, village, grids } = await villageScope(openid, req.villageId);
  requireVillageReader(user, village, grids);
  const wide = isCadreOf(user, village._id) || isTownAdminOf(user, village);
  const led = gridsInCareOf(user, grids);
  const [all, pendingRequests, leaders] = await Promise.all([
    listAll(C.households, { villageId: village._id }, householdSchema),
    wide ? count(C.joinRequests, { villageId: village._id, status: 'pending' }) : Promise.resolve(0),
    leaderNames(grids),
  ]);
  const visible = wide ? all : all.filter((h) => led.has(h.gridId) || led.has(h.groupId));
  const q = req.q?.trim() ?? '';
  const filtered = visible
    .filter((h) => (!req.gridId || h.gridId === req.gridId || h.groupId === req.gridId) && (!q || matches(h, q)))
    .sort(byNo);
  const skip = req.skip ?? 0;
  const shownGrids = wide ? grids : grids.filter((g) => led.has(g._id));
  const counts = householdCounts(visible);
  return {
    village: { id: village._id, name: village.name },
    grids: shownGrids.map((g) => gridView(g, leaders, counts)),
    households: filtered.slice(skip, skip + PAGE).map((h) => householdRow(h, grids)),
    total: filtered.length,
    more: filtered.length > skip + PAGE,
    pendingRequests,
    can: { manage: isCadreOf(user, village._id), appoint: isSecretaryOf(user, village._id) },
  };
}

/** A household the caller may see, with its village and grids. */
export async function visibleHousehold(householdId: string, openid: string): Promise<{ user: User; household: Household; grids: Grid[] }> {
  const user = await currentUser(openid);
  const household = await getById(C.households, householdId, householdSchema);
  if (!household) throw new AppError('COMMON.NOT_FOUND', '没有这一户');
  const { village, grids } = await loadVillage(user, household.villageId);
  if (!canSeeHousehold(user, household, village, grids)) throw new AppError('AUTH.FORBIDDEN', '只能查看自己家或自己负责网格的农户');
  return { user, household, grids };
}

export async function householdDetail(householdId: string, openid: string): Promise<HouseholdDetail> {
  const { user, household, grids } = await visibleHousehold(householdId, openid);
  const [members, history] = await Promise.all([
    list(C.members, { householdId }, memberSchema, { limit: 200 }),
    list(C.memberships, { householdId }, membershipSchema, { limit: 500 }),
  ]);
  const edit = canEditMembers(user, household);
  const since = (d: Date | null): number => (d ? d.getTime() : 0);
  return {
    household: { ...householdRow(household, grids), address: household.address },
    members: members
      .filter((m) => m.status === 'active')
      .sort((a, b) => Number(b.relation === HEAD) - Number(a.relation === HEAD))
      .map(memberView),
    former: members.filter((m) => m.status === 'left').map(memberView),
    history: history.sort((a, b) => since(a.from) - since(b.from)).map(historyView),
    moves: household.moves.map((m) => ({
      fromGridName: gridName(grids, m.fromGridId),
      toGridName: gridName(grids, m.toGridId),
      on: chinaDate(m.at),
      byName: m.byName,
    })),
    can: { manage: isCadreOf(user, household.villageId), editMembers: edit, invite: edit },
  };
}

async function requireFreeNo(villageId: string, no: string, exceptId?: string): Promise<void> {
  const [taken] = await list(C.households, { villageId, no }, householdSchema, { limit: 1 });
  if (taken && taken._id !== exceptId) throw new AppError('VILLAGE.HOUSEHOLD_NO_TAKEN');
}

export async function createHousehold(req: CreateHouseholdInput, openid: string): Promise<HouseholdRow> {
  const { user, village, grids } = await villageScope(openid);
  requireCadre(user, village._id);
  checkPlacement(grids, village._id, req.gridId, req.groupId);
  const no = req.no.trim();
  const [, head] = await Promise.all([
    requireFreeNo(village._id, no),
    newPerson(village._id, { name: req.headName, relation: HEAD, idNumber: req.headIdNumber, phone: req.headPhone ?? '' }),
  ]);
  const household: Household = {
    _id: newId('hh'),
    villageId: village._id,
    gridId: req.gridId,
    groupId: req.groupId,
    no,
    headName: head.name,
    address: req.address?.trim() ?? '',
    moves: [],
  };
  try {
    await withTransaction(async (t) => {
      await t.collection(C.households).add({ data: household });
      await t.collection(C.balances).add({ data: emptyBalance(household._id, village._id, household.gridId) });
      await placePerson(t, head, household, user._id);
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new AppError('VILLAGE.HOUSEHOLD_NO_TAKEN');
    throw e;
  }
  return householdRow(household, grids);
}

export async function editHousehold(req: EditHouseholdInput, openid: string): Promise<HouseholdRow> {
  const { user, village, grids } = await villageScope(openid);
  const household = await householdIn(village._id, req.householdId);
  requireCadre(user, village._id);
  const set: Partial<Pick<Household, 'no' | 'address'>> = {};
  const no = req.no?.trim();
  if (no && no !== household.no) {
    await requireFreeNo(village._id, no, household._id);
    set.no = no;
  }
  if (req.address !== undefined) set.address = req.address.trim();
  if (Object.keys(set).length) {
    try {
      await db.collection(C.households).doc(household._id).update({ data: set });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('VILLAGE.HOUSEHOLD_NO_TAKEN');
      throw e;
    }
  }
  return householdRow({ ...household, ...set }, grids);
}

export async function moveHousehold(req: MoveHouseholdInput, openid: string): Promise<HouseholdRow> {
  const { user, village, grids } = await villageScope(openid);
  const household = await householdIn(village._id, req.householdId);
  requireCadre(user, village._id);
  checkPlacement(grids, village._id, req.gridId, req.groupId);
  if (household.gridId === req.gridId && household.groupId === req.groupId) return householdRow(household, grids);
  const moved = await withTransaction(async (t) => {
    const current = householdSchema.parse(await txGet(t, C.households, household._id));
    const move = {
      fromGridId: current.gridId,
      fromGroupId: current.groupId,
      toGridId: req.gridId,
      toGroupId: req.groupId,
      by: user._id,
      byName: user.name,
      at: currentTime(),
    };
    const next: Household = { ...current, gridId: req.gridId, groupId: req.groupId, moves: [...current.moves, move] };
    await txUpdate(t, C.households, household._id, { gridId: next.gridId, groupId: next.groupId, moves: next.moves });
    // The balance's grid follows the household (grid rankings read it).
    const raw = await txGet(t, C.balances, household._id);
    if (raw) await txUpdate(t, C.balances, household._id, { gridId: req.gridId });
    else {
      const { _id, ...empty } = emptyBalance(household._id, village._id, req.gridId);
      await t.collection(C.balances).doc(_id).set({ data: empty });
    }
    return next;
  });
  return householdRow(moved, grids);
}
