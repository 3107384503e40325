// Who may use an invite, and what a role invite makes of them.
import type { Role } from '../../../typings';
import { AppError } from '../errors';
import type { Invite, User } from './model';

/** Why this person cannot use the invite (null: they can). A person belongs to one village and, in it, one household. */
export function joinRefusal(user: User | null, invite: Pick<Invite, 'kind' | 'villageId'>): AppError | null {
  if (!user || user.status === 'left') return null;
  if (user.status === 'pending') return new AppError('JOIN.ALREADY_PENDING');
  if (user.villageId && user.villageId !== invite.villageId) return new AppError('JOIN.ALREADY_JOINED', '您已加入其他村，需先办理迁出');
  if (invite.kind === 'household' && user.householdId) return new AppError('JOIN.ALREADY_JOINED', '您已经是本村一户的成员了');
  return null;
}

/** The roles a role invite gives (a secretary is also a cadre). */
export function rolesOfInvite(role: NonNullable<Invite['role']>): Role[] {
  return role === 'secretary' ? ['secretary', 'cadre'] : [role];
}

/** The name given must be the one the invite was made out to. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}
