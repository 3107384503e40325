// Who someone is to a village: the one place a role is read off a user document. Every rule starts
// from tenancy: a village role acts only in its own village; a town admin reads the villages of their
// town. No other file asks `roles.includes(…)` for a decision.
import type { Role } from '../../../typings';
import type { User, Village } from '../village/model';

/** A cadre or the secretary (who is a cadre too), of the village named on their own user. */
export function isCadre(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('cadre') || user.roles.includes('secretary');
}

export function isCadreOf(user: User, villageId: string): boolean {
  return user.villageId === villageId && isCadre(user);
}

export function isSecretary(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('secretary');
}

export function isSecretaryOf(user: User, villageId: string): boolean {
  return user.villageId === villageId && isSecretary(user);
}

export function isSupervisor(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('supervisor');
}

export function isSupervisorOf(user: User, villageId: string): boolean {
  return user.villageId === villageId && isSupervisor(user);
}

export function isGridLeader(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('gridLeader');
}

export function isKeeper(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('keeper');
}

export function isHead(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('head');
}

/** A town admin with a town: reads every village of it. */
export function townOf(user: User): string | null {
  return user.roles.includes('townAdmin') && user.townId ? user.townId : null;
}

export function isTownAdminOf(user: User, village: Pick<Village, 'townId'>): boolean {
  const town = townOf(user);
  return town !== null && town === village.townId;
}

export function isHeadOf(user: User, householdId: string): boolean {
  return user.householdId === householdId && isHead(user);
}

/** The office someone acts in, highest first (for a step of a matter or a list of people). */
export type Office = 'secretary' | 'cadre' | 'gridLeader' | 'villager';

export function officeOf(user: Pick<User, 'roles'>): Office {
  if (isSecretary(user)) return 'secretary';
  if (user.roles.includes('cadre')) return 'cadre';
  if (isGridLeader(user)) return 'gridLeader';
  return 'villager';
}

/** The one order roles are listed in (a Record, so a new role cannot be forgotten here). */
const ROLE_ORDER: Record<Role, number> = {
  secretary: 0,
  cadre: 1,
  gridLeader: 2,
  keeper: 3,
  supervisor: 4,
  townAdmin: 5,
  head: 6,
  villager: 7,
};

/** Roles that keep someone in the village's service even without a household. */
const OFFICE: Record<Role, boolean> = {
  secretary: true,
  cadre: true,
  gridLeader: true,
  keeper: true,
  supervisor: true,
  townAdmin: false,
  head: false,
  villager: false,
};

/** The roles after one is given or taken, in the one order roles are listed. */
export function withRole(roles: Role[], role: Role, granted: boolean): Role[] {
  const set = new Set(roles.filter((r) => r !== role));
  if (granted) set.add(role);
  return [...set].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);
}

export function holdsOffice(roles: Role[]): boolean {
  return roles.some((r) => OFFICE[r]);
}
