// The caller as a user of the village, from their openid (never from the request); and the people
// a request names, by person id (never by openid).
import { C } from './collections';
import { AppError } from './errors';
import { memberSchema, userSchema, type User } from './village/model';
import { personIdOf, UNLINKED, unlinkedIdOf } from './person-id';
import { _ } from './sdk';
import { getById, list } from './repo';

export { personIdOf };

export async function currentUser(openid: string): Promise<User> {
  return activeUser(await getById(C.users, openid, userSchema));
}

/** The caller's user document as read (by an aggregation too), refused unless they are of the village. */
export function activeUser(found: unknown): User {
  if (found === undefined || found === null) throw new AppError('AUTH.NOT_JOINED');
  const user = userSchema.parse(found);
  // A pending member waits for a cadre's confirmation; one who left is no longer of the village.
  if (user.status === 'pending') throw new AppError('AUTH.PENDING');
  if (user.status === 'left') throw new AppError('AUTH.LEFT');
  return user;
}

/** The caller's village: every village-scoped action works inside it and nowhere else. */
export function villageOf(user: User): string {
  if (!user.villageId) throw new AppError('AUTH.NOT_JOINED');
  return user.villageId;
}

export function requireOwnVillage(user: User, villageId: string): void {
  if (user.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
}

const OFFICES = ['secretary', 'cadre', 'keeper', 'gridLeader', 'supervisor'];

/**
 * The user of `villageId` a person id names: the member's linked user (only when that user is linked
 * back to the same member), or the village's office holder whose openid's hash it is.
 */
export async function userOfPerson(personId: string, villageId: string): Promise<User | null> {
  if (personId.startsWith(UNLINKED)) {
    // Someone without a member record holds an office; they may have joined a household since.
    const officers = await list(C.users, { villageId, roles: _.in(OFFICES) }, userSchema, { limit: 1000 });
    return officers.find((u) => unlinkedIdOf(u._id) === personId) ?? null;
  }
  const member = await getById(C.members, personId, memberSchema);
  if (!member?.userId) return null;
  const user = await getById(C.users, member.userId, userSchema);
  return user && user.memberId === member._id ? user : null;
}

/** The active villager of `villageId` a person id names (to appoint them): another village's is refused. */
export async function villagerOfPerson(personId: string, villageId: string): Promise<User> {
  const user = await userOfPerson(personId, villageId);
  if (user?.villageId && user.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  if (user?.status !== 'active' || user.villageId !== villageId) throw new AppError('VILLAGE.NOT_A_VILLAGER');
  return user;
}
