// Who may read or change what in a village, as plain functions of the caller's user document.
// Every rule starts from tenancy: a village role acts only in its own village; a town admin reads
// the villages of their town.
import type { Role } from '../../../typings';
import { AppError } from '../errors';
import type { Grid, Household, User, Village } from '../model';

export function isCadreOf(user: User, villageId: string): boolean {
  return user.villageId === villageId && (user.roles.includes('cadre') || user.roles.includes('secretary'));
}

export function isSecretaryOf(user: User, villageId: string): boolean {
  return user.villageId === villageId && user.roles.includes('secretary');
}

export function isTownAdminOf(user: User, village: Pick<Village, 'townId'>): boolean {
  return user.roles.includes('townAdmin') && user.townId !== null && user.townId === village.townId;
}

/** Grids (微网格 or 联户小组) the user leads, and the 联户小组 inside a 微网格 they lead. */
export function ledGridIds(user: User, grids: Grid[]): Set<string> {
  const led = new Set(grids.filter((g) => g.leaderUserId === user._id && g.villageId === user.villageId).map((g) => g._id));
  for (const g of grids) if (g.parentId && led.has(g.parentId)) led.add(g._id);
  return led;
}

/** The village the caller works in: their own, or (a town admin) one of their town's. */
export function resolveVillage(user: User, village: Village | null, requestedId: string | undefined): Village {
  if (!village) throw new AppError(requestedId ? 'COMMON.NOT_FOUND' : 'AUTH.NOT_JOINED', requestedId ? '没有这个村' : undefined);
  if (user.villageId === village._id || isTownAdminOf(user, village)) return village;
  throw new AppError('AUTH.OTHER_VILLAGE');
}

/** Reading the village's households, grids and requests: cadres, grid leaders, the town admin. */
export function requireVillageReader(user: User, village: Village, grids: Grid[]): void {
  if (isCadreOf(user, village._id) || isTownAdminOf(user, village) || ledGridIds(user, grids).size > 0) return;
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

export function isHeadOf(user: User, householdId: string): boolean {
  return user.householdId === householdId && user.roles.includes('head');
}

/** Seeing one household: its own members, the leader of its grid, cadres, the town admin. */
export function canSeeHousehold(user: User, household: Household, village: Village, grids: Grid[]): boolean {
  if (household.villageId !== village._id) return false;
  if (isCadreOf(user, village._id) || isTownAdminOf(user, village)) return true;
  if (user.villageId !== village._id) return false;
  if (user.householdId === household._id) return true;
  const led = ledGridIds(user, grids);
  return led.has(household.gridId) || led.has(household.groupId);
}

/** Adding and editing a household's members: cadres, and the head for their own household. */
export function canEditMembers(user: User, household: Household): boolean {
  return isCadreOf(user, household.villageId) || isHeadOf(user, household._id);
}

/** The one order roles are listed in (a Record, so a new role cannot be forgotten here). */
const ROLE_ORDER: Record<Role, number> = { secretary: 0, cadre: 1, gridLeader: 2, keeper: 3, supervisor: 4, townAdmin: 5, head: 6, villager: 7 };

/** Roles that keep someone in the village's service even without a household. */
const OFFICE: Record<Role, boolean> = { secretary: true, cadre: true, gridLeader: true, keeper: true, supervisor: true, townAdmin: false, head: false, villager: false };

/** The roles after one is given or taken, in the one order roles are listed. */
export function withRole(roles: Role[], role: Role, granted: boolean): Role[] {
  const set = new Set(roles.filter((r) => r !== role));
  if (granted) set.add(role);
  return [...set].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
}

export function holdsOffice(roles: Role[]): boolean {
  return roles.some((r) => OFFICE[r]);
}
