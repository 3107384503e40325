// A person placed in a household as an active member, as pure functions: adding a member, confirming
// a joiner and importing a file write the same fields, for a new record or a returning one.
import type { Member } from './model';

export type Placed = Pick<
  Member,
  'householdId' | 'name' | 'relation' | 'idNumber' | 'phone' | 'userId' | 'status' | 'leftAt' | 'leftReason'
>;

/** Where and who the person is now: active in the household (a returning member's leaving is undone). */
export function placedIn(householdId: string, who: Pick<Member, 'name' | 'relation' | 'idNumber' | 'phone' | 'userId'>): Placed {
  return { householdId, ...who, status: 'active', leftAt: null, leftReason: '' };
}

/** A new member's record; its stint's id is set when the stint opens, unless already known. */
export function newMember(id: string, villageId: string, placed: Placed, membershipId = ''): Member {
  return { _id: id, villageId, ...placed, membershipId };
}
