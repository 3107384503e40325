// How a person is named outside the functions (pure: the demo seed uses it too).
import { createHash } from 'node:crypto';
import type { User } from './village/model';

/** A person id is a member id, or for someone with no member record this prefix and a hash of the openid. */
export const UNLINKED = 'u-';

/**
 * How views and requests name a person: their member id, or (someone with no member record, such as
 * a cadre appointed from outside the households) `u-` and a hash of their openid. Never the openid
 * itself: openids never leave the functions.
 */
export function personIdOf(user: Pick<User, '_id' | 'memberId'>): string {
  return user.memberId ?? unlinkedIdOf(user._id);
}

/** The `u-` id of an openid (it stays theirs after they gain a member record: a page may still hold it). */
export function unlinkedIdOf(openid: string): string {
  return `${UNLINKED}${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;
}
