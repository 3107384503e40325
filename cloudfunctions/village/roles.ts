// The village's people and the roles the secretary gives and takes (cadre, keeper).
import type { AppointableRole, PersonView } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { householdSchema, userSchema, type User } from '../shared/village/model';
import { list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { txGet, txUpdate, withTransaction } from '../shared/tx';
import { currentUser, villageOf, villagerOfPerson } from '../shared/users';
import { holdsOffice, requireCadre, requireSecretary, withRole } from '../shared/access';
import { personView } from './views';

async function views(users: User[]): Promise<PersonView[]> {
  const ids = [...new Set(users.flatMap((u) => (u.householdId ? [u.householdId] : [])))];
  const households = ids.length ? await list(C.households, { _id: _.in(ids) }, householdSchema, { limit: ids.length }) : [];
  const label = new Map(households.map((h) => [h._id, h.no]));
  return users.map((u) => personView(u, u.householdId ? (label.get(u.householdId) ?? '') : ''));
}

/** The village's active people, those holding an office first; `q` filters by name. */
export async function people(q: string | undefined, openid: string): Promise<{ people: PersonView[] }> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  requireCadre(user, villageId);
  const all = await list(C.users, { villageId, status: _.nin(['pending', 'left']) }, userSchema, { limit: 1000 });
  const text = q?.trim() ?? '';
  const shown = all
    .filter((u) => !text || u.name.includes(text))
    .sort((a, b) => Number(holdsOffice(b.roles)) - Number(holdsOffice(a.roles)) || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 200);
  return { people: await views(shown) };
}

export async function setRole(personId: string, role: AppointableRole, granted: boolean, openid: string): Promise<PersonView> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  requireSecretary(user, villageId);
  const target = await villagerOfPerson(personId, villageId);
  // Read and written in one transaction: two appointments at once both count.
  const roles = await withTransaction(async (t) => {
    const raw = await txGet(t, C.users, target._id);
    const current = raw ? userSchema.parse(raw) : target;
    const next = withRole(current.roles, role, granted);
    if (next.join() !== current.roles.join()) await txUpdate(t, C.users, target._id, { roles: next });
    return next;
  });
  const [view] = await views([{ ...target, roles }]);
  if (!view) throw new AppError('COMMON.INTERNAL');
  return view;
}
