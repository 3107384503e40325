// Fixtures of the village tests: well-formed ID numbers, and a small town with two villages
// (杏花村 and 桃源村) whose documents are parsed with the model's schemas.
import {
  gridSchema,
  householdSchema,
  memberSchema,
  townSchema,
  userSchema,
  villageSchema,
  type Grid,
  type Household,
  type Member,
  type User,
} from '../../cloudfunctions/shared/village/model';
import { idCheckDigit } from '../../cloudfunctions/shared/village/person';

/** A well-formed ID number (check digit computed) for a birth date and a sequence number. */
export function validId(birth = '19800101', seq = '123'): string {
  const first17 = `510603${birth}${seq}`;
  return first17 + idCheckDigit(first17);
}

export const TOWN = townSchema.parse({ _id: 'town-bailu', name: '白鹭镇', city: '江城市' });
export const OTHER_TOWN = townSchema.parse({ _id: 'town-heron', name: '青鹭镇', city: '江城市' });
export const VILLAGE = villageSchema.parse({ _id: 'village-xinghua', townId: TOWN._id, name: '杏花村' });
export const OTHER_VILLAGE = villageSchema.parse({ _id: 'village-taoyuan', townId: TOWN._id, name: '桃源村' });

export const grid = (g: Partial<Grid> & Pick<Grid, '_id' | 'kind' | 'name'>): Grid =>
  gridSchema.parse({ villageId: VILLAGE._id, parentId: null, leaderUserId: null, ...g });
export const household = (h: Partial<Household> & Pick<Household, '_id' | 'no' | 'headName'>): Household =>
  householdSchema.parse({ villageId: VILLAGE._id, gridId: 'xh-grid-1', groupId: 'xh-group-1', address: `杏花村${h.no}`, ...h });
export const member = (m: Partial<Member> & Pick<Member, '_id' | 'householdId' | 'name' | 'relation'>): Member =>
  memberSchema.parse({ villageId: VILLAGE._id, idNumber: '', phone: '', userId: null, ...m });
export const user = (u: Partial<User> & Pick<User, '_id' | 'name' | 'roles'>): User =>
  userSchema.parse({ villageId: VILLAGE._id, townId: TOWN._id, householdId: null, memberId: null, ...u });
