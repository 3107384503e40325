// Who may read or change what in a village, as plain functions of the caller's user document,
// refusing with the code a page reacts to (another village, or not allowed here).
import { AppError } from '../errors';
import type { Grid, Household, User, Village } from '../village/model';
import { gridsInCareOf, leadsHousehold } from './grids';
import { isCadreOf, isHeadOf, isSecretaryOf, isTownAdminOf } from './roles';

/** The village the caller works in: their own, or (a town admin) one of their town's. */
export function resolveVillage(user: User, village: Village | null, requestedId: string | undefined): Village {
  if (!village) throw new AppError(requestedId ? 'COMMON.NOT_FOUND' : 'AUTH.NOT_JOINED', requestedId ? '没有这个村' : undefined);
  if (user.villageId === village._id || isTownAdminOf(user, village)) return village;
  throw new AppError('AUTH.OTHER_VILLAGE');
}

/** Reading the village's households, grids and requests: cadres, grid leaders, the town admin. */
export function requireVillageReader(user: User, village: Village, grids: Grid[]): void {
  if (isCadreOf(user, village._id) || isTownAdminOf(user, village) || gridsInCareOf(user, grids).size > 0) return;
  if (user.villageId !== village._id) throw new AppError('AUTH.OTHER_VILLAGE');
  throw new AppError('AUTH.FORBIDDEN', '只有村干部和网格长可以查看全村农户');
}

export function requireCadre(user: User, villageId: string): void {
  if (isCadreOf(user, villageId)) return;
  if (user.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  throw new AppError('AUTH.FORBIDDEN', '只有村干部可以办理');
}

export function requireSecretary(user: User, villageId: string): void {
  if (isSecretaryOf(user, villageId)) return;
  if (user.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  throw new AppError('AUTH.FORBIDDEN', '只有村书记可以任命');
}

/** Seeing one household: its own members, the leader of its grid, cadres, the town admin. */
export function canSeeHousehold(user: User, household: Household, village: Village, grids: Grid[]): boolean {
  if (household.villageId !== village._id) return false;
  if (isCadreOf(user, village._id) || isTownAdminOf(user, village)) return true;
  if (user.villageId !== village._id) return false;
  if (user.householdId === household._id) return true;
  return leadsHousehold(user, household, grids);
}

/** Adding and editing a household's members: cadres, and the head for their own household. */
export function canEditMembers(user: User, household: Household): boolean {
  return isCadreOf(user, household.villageId) || isHeadOf(user, household._id);
}
