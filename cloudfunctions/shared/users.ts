// The caller as a user of the village, from their openid (never from the request).
import { C } from './collections';
import { AppError } from './errors';
import { userSchema, type User } from './village/model';
import { getById } from './repo';

export async function currentUser(openid: string): Promise<User> {
  const user = await getById(C.users, openid, userSchema);
  if (!user) throw new AppError('AUTH.NOT_JOINED');
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
