// account.home: 首页 in one call — who I am (as account.me) and my village's home data (as
// board.home). After the user document, every read that needs only the ids it names starts at once
// (village and town, household, balance, counts, the newest letters and items, the grids); only the
// waiting counts, which need the village's review levels, come after: three round trips in all.
import type { HomeResult, HomeScreen, MeResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { householdSchema, joinRequestSchema, townSchema, userSchema, type Grid, type Household, type User } from '../shared/village/model';
import { count, getById, list } from '../shared/repo';
import { ROLE_NAMES } from '../shared/roles';
import { villageRef } from '../board/context';
import { microGrids, villageHome } from '../board/home';
import { townOf } from '../shared/access';

/** Someone not (or not yet, or no longer) in a village: 首页 says whether a request waits. */
export async function notJoined(user: User | null, openid: string): Promise<MeResult> {
  if (user?.status !== 'pending') return { joined: false };
  const [request] = await list(C.joinRequests, { openid, status: 'pending' }, joinRequestSchema, { limit: 1 });
  return request
    ? {
        joined: false,
        pending: { villageName: request.villageName, householdLabel: request.householdLabel, since: request.createdAt.toISOString() },
      }
    : { joined: false };
}

/** The village home, or null when the user's village is gone (首页 still opens). */
function boardOf(
  user: User,
  villageId: string,
  ref: ReturnType<typeof villageRef>,
  grids: Promise<Grid[]>,
  household: Promise<Household | null>,
): Promise<HomeResult | null> {
  return villageHome(user, villageId, ref, () => grids, household).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'COMMON.NOT_FOUND') return null;
    throw e;
  });
}

/** What 我 shows of the caller, from what the home screen read. */
function meOf(
  user: User,
  v: { village: { _id: string; name: string }; ref: { townName: string } } | null,
  town: { _id: string; name: string } | null,
  household: Household | null,
  counts: { villageHouseholds: number; townVillages: number },
  grids: Grid[],
): MeResult {
  return {
    joined: true,
    name: user.name,
    roles: user.roles,
    roleNames: user.roles.map((r) => ROLE_NAMES[r]),
    village: v ? { id: v.village._id, name: v.village.name, townName: v.ref.townName, households: counts.villageHouseholds } : null,
    town: town ? { id: town._id, name: town.name, villages: counts.townVillages } : null,
    household: household
      ? { id: household._id, label: household.no, headName: household.headName, gridName: gridName(grids, household.gridId) }
      : null,
  };
}

export async function homeScreen(openid: string): Promise<HomeScreen> {
  const user = await getById(C.users, openid, userSchema);
  if (user?.status !== 'active') return { me: await notJoined(user, openid), board: null };
  const villageId = user.villageId;
  // A town admin's town (and its villages counted), read with the rest.
  const townId = townOf(user) !== null ? user.townId : null;
  const ref = villageId ? villageRef(villageId, user.townId) : null;
  const grids = villageId && user.householdId ? microGrids(villageId) : Promise.resolve([]);
  const householdRead = user.householdId ? getById(C.households, user.householdId, householdSchema) : Promise.resolve(null);
  const [v, town, household, villageHouseholds, townVillages, gridList, board] = await Promise.all([
    ref ? ref.catch(() => null) : null,
    townId ? getById(C.towns, townId, townSchema) : null,
    householdRead,
    villageId ? count(C.households, { villageId }) : 0,
    townId ? count(C.villages, { townId }) : 0,
    grids,
    villageId && ref ? boardOf(user, villageId, ref, grids, householdRead) : null,
  ]);
  return { me: meOf(user, v, town, household, { villageHouseholds, townVillages }, gridList), board };
}

function gridName(grids: Grid[], id: string): string {
  return grids.find((g) => g._id === id)?.name ?? '';
}
