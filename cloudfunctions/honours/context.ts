// Who the caller is in their village, and what every honours action reads of the village.
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { gridSchema, householdSchema, villageSchema, type Grid, type Household, type User, type Village } from '../shared/model';
import { isCadre, ledGridIds } from '../shared/points/policy';
import { getById, list } from '../shared/repo';
import { currentUser, villageOf } from '../shared/users';

export interface HonoursContext {
  user: User;
  village: Village;
  /** The village's micro grids (微网格). */
  grids: Grid[];
}

export async function honoursContext(openid: string): Promise<HonoursContext> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const [village, grids] = await Promise.all([
    getById(C.villages, villageId, villageSchema),
    list(C.grids, { villageId, kind: 'micro' }, gridSchema, { limit: 1000 }),
  ]);
  if (!village) throw new AppError('AUTH.NOT_JOINED');
  return { user, village, grids };
}

/** A household of the caller's village the caller may look at: their own, or any for its grid leader and cadres. */
export async function visibleHousehold(ctx: HonoursContext, householdId: string | undefined): Promise<Household> {
  const id = householdId ?? ctx.user.householdId;
  if (!id) throw new AppError('AUTH.NOT_JOINED', '您还没有加入任何一户');
  const household = await getById(C.households, id, householdSchema);
  if (!household) throw new AppError('COMMON.NOT_FOUND', '没有这一户');
  if (household.villageId !== ctx.village._id) throw new AppError('AUTH.OTHER_VILLAGE');
  const mayLook = ctx.user.householdId === household._id || isCadre(ctx.user) || ledGridIds(ctx.user, ctx.grids).includes(household.gridId);
  if (!mayLook) throw new AppError('AUTH.FORBIDDEN', '只能查看自己家的情况');
  return household;
}
