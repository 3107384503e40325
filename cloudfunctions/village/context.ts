// Who is calling and in which village: the caller's user (active only, see currentUser), the
// village they act in (their own, or one of a town admin's town) and its grids.
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { gridSchema, householdSchema, villageSchema, type Grid, type Household, type User, type Village } from '../shared/village/model';
import { getById, list } from '../shared/repo';
import { currentUser } from '../shared/users';
import { resolveVillage } from '../shared/access';

export interface VillageScope {
  user: User;
  village: Village;
  grids: Grid[];
}

export function villageGrids(villageId: string): Promise<Grid[]> {
  return list(C.grids, { villageId }, gridSchema, { limit: 1000 });
}

export async function loadVillage(user: User, villageId: string, requested?: string): Promise<VillageScope> {
  const [village, grids] = await Promise.all([getById(C.villages, villageId, villageSchema), villageGrids(villageId)]);
  return { user, village: resolveVillage(user, village, requested), grids };
}

/** The caller and the village they act in; `requested` is a town admin's choice of village. */
export async function villageScope(openid: string, requested?: string): Promise<VillageScope> {
  const user = await currentUser(openid);
  const villageId = requested ?? user.villageId;
  if (!villageId) throw new AppError('AUTH.NOT_JOINED');
  return loadVillage(user, villageId, requested);
}

/** A household of the caller's village, to change: refuses one that does not exist or is another village's. */
export async function householdIn(villageId: string | null, householdId: string): Promise<Household> {
  const household = await getById(C.households, householdId, householdSchema);
  if (!household) throw new AppError('COMMON.NOT_FOUND', '没有这一户');
  if (household.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  return household;
}
