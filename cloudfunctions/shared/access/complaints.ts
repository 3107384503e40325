// Complaints about cadres (干部作风) reach only those who can judge them: never the cadre concerned.
// A complaint about cadres goes to the secretary and the supervision committee (村务监督委员会); one
// about the secretary to the supervisors and the town admin.
import type { User } from '../village/model';
import { isCadre, isSecretary, isSecretaryOf, isSupervisorOf, isTownAdminOf } from './roles';

export type Audience = 'village' | 'cadres' | 'secretary';

/** The category that is a complaint about cadres whatever its text. */
export const CADRE_CONDUCT = '干部作风';

export interface Routing {
  audience: Audience;
  /** The cadres it names, by id. */
  concerns: string[];
}

/** Who a matter is for, from its category and the cadres its text names (by their real name). */
export function routeMatter(category: string, text: string, cadres: Pick<User, '_id' | 'name' | 'roles'>[]): Routing {
  const named = cadres.filter((c) => isCadre(c) && c.name.length >= 2 && text.includes(c.name));
  const concerns = named.map((c) => c._id);
  if (named.some((c) => isSecretary(c))) return { audience: 'secretary', concerns };
  if (category === CADRE_CONDUCT || named.length) return { audience: 'cadres', concerns };
  return { audience: 'village', concerns };
}

/** Whether the user handles a matter of this audience in its village (as the cadres do an ordinary one). */
export function handlesMatter(user: User, m: { villageId: string; townId: string; audience: Audience; concerns: string[] }): boolean {
  if (m.concerns.includes(user._id)) return false;
  if (m.audience === 'village') return isCadre(user) && user.villageId === m.villageId;
  if (m.audience === 'cadres') return isSecretaryOf(user, m.villageId) || isSupervisorOf(user, m.villageId);
  return (isSupervisorOf(user, m.villageId) && !isSecretary(user)) || isTownAdminOf(user, { townId: m.townId });
}
