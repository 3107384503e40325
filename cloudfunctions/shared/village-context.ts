// Who the caller is in their village, and what most village actions read of it: the village and its
// micro grids (微网格), loaded in parallel.
import { C } from './collections';
import { AppError } from './errors';
import { gridSchema, householdSchema, villageSchema, type Grid, type Household, type User, type Village } from './village/model';
import { isCadre, microGridsLedBy } from './access';
import { getById, list } from './repo';
import { currentUser, villageOf } from './users';

export interface VillageContext {
  user: User;
  village: Village;
  /** The village's micro grids (微网格). */
  grids: Grid[];
}

export async function villageContext(openid: string): Promise<VillageContext> {
  return (await villageContextWith(openid, async () => null))[0];
}

/**
 * The village context, and what `alongside` reads with the caller's user and village id, read
 * together with the village and its grids: one round trip after the user's, not one each.
 */
export async function villageContextWith<T>(
  openid: string,
  alongside: (user: User, villageId: string) => Promise<T>,
): Promise<[VillageContext, T]> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const [village, grids, more] = await Promise.all([
    getById(C.villages, villageId, villageSchema),
    list(C.grids, { villageId, kind: 'micro' }, gridSchema, { limit: 1000 }),
    alongside(user, villageId),
  ]);
  if (!village) throw new AppError('AUTH.NOT_JOINED');
  return [{ user, village, grids }, more];
}

/** A household of the caller's village the caller may look at: their own, or any for its grid leader and cadres. */
export async function visibleHousehold(
  ctx: VillageContext,
  householdId: string | undefined,
  refusal = '只能查看自己家的情况',
): Promise<Household> {
  const id = householdId ?? ctx.user.householdId;
  if (!id) throw new AppError('AUTH.NOT_JOINED', '您还没有加入任何一户');
  return mayLookAt(ctx, await getById(C.households, id, householdSchema), refusal);
}

/** The same check on a household already read (with the context, in one round trip). */
export function mayLookAt(ctx: VillageContext, household: Household | null, refusal = '只能查看自己家的情况'): Household {
  if (!household) throw new AppError('COMMON.NOT_FOUND', '没有这一户');
  if (household.villageId !== ctx.village._id) throw new AppError('AUTH.OTHER_VILLAGE');
  const mayLook =
    ctx.user.householdId === household._id || isCadre(ctx.user) || microGridsLedBy(ctx.user, ctx.grids).includes(household.gridId);
  if (!mayLook) throw new AppError('AUTH.FORBIDDEN', refusal);
  return household;
}
