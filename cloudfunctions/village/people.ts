// A person on a household's record, and their stints (memberships) in households: opened when they
// join or move in, closed — never deleted — when they leave or move out.
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { memberSchema, type Household, type Member, type Membership } from '../shared/village/model';
import { list } from '../shared/repo';
import { txGet, txUpdate, type Tx } from '../shared/tx';
import * as z from 'zod';
import { idNumberProblem, isRelation, nameProblem, normaliseIdNumber, normalisePhone, phoneProblem } from '../shared/village/person';
import { newMember, placedIn } from '../shared/village/member';
import { newId } from './ids';
import { currentTime } from '../shared/clock';

export interface PersonInput {
  name: string;
  relation: string;
  /** '' when not known. */
  idNumber: string;
  phone: string;
}

export interface NewPerson extends PersonInput {
  /** Someone on record who left the village and comes back: their record is reused. */
  returning: Member | null;
}

function invalid(message: string): AppError {
  return new AppError('COMMON.INVALID_INPUT', message);
}

/** Refuses a malformed name, relation, ID number or phone (ID and phone may be left out). */
export function checkPerson(p: Partial<PersonInput>): void {
  const name = p.name === undefined ? null : nameProblem(p.name);
  if (name) throw invalid(name);
  if (p.relation !== undefined && !isRelation(p.relation)) throw invalid(`不认识的关系「${p.relation}」`);
  const id = p.idNumber ? idNumberProblem(p.idNumber) : null;
  if (id) throw invalid(id);
  const phone = p.phone ? phoneProblem(p.phone) : null;
  if (phone) throw invalid(phone);
}

/** The member of the village with this ID number, if any. */
export async function memberByIdNumber(villageId: string, idNumber: string): Promise<Member | null> {
  const [found] = await list(C.members, { villageId, idNumber }, memberSchema, { limit: 1 });
  return found ?? null;
}

/** A checked person, refused when their ID number is already an active member's in the village. */
export async function newPerson(villageId: string, input: PersonInput): Promise<NewPerson> {
  checkPerson(input);
  const person = {
    name: input.name.trim(),
    relation: input.relation,
    idNumber: normaliseIdNumber(input.idNumber),
    phone: normalisePhone(input.phone),
  };
  const same = person.idNumber ? await memberByIdNumber(villageId, person.idNumber) : null;
  if (same && same.status === 'active') throw new AppError('VILLAGE.ID_TAKEN');
  return { ...person, returning: same };
}

export async function openStint(
  t: Tx,
  member: Pick<Member, '_id' | 'villageId' | 'name' | 'relation'>,
  householdId: string,
  at: Date,
  by: string,
): Promise<string> {
  const stint: Membership = {
    _id: newId('ms'),
    villageId: member.villageId,
    householdId,
    memberId: member._id,
    name: member.name,
    relation: member.relation,
    from: at,
    to: null,
    end: null,
    note: '',
    by,
  };
  await t.collection(C.memberships).add({ data: stint });
  return stint._id;
}

/** Closes the member's open stint (or records one from before history was kept, closed). */
export async function closeStint(t: Tx, member: Member, end: 'left' | 'moved', note: string, at: Date, by: string): Promise<void> {
  if (member.membershipId) {
    await txUpdate(t, C.memberships, member.membershipId, { to: at, end, note });
    return;
  }
  const stint: Membership = {
    _id: newId('ms'),
    villageId: member.villageId,
    householdId: member.householdId,
    memberId: member._id,
    name: member.name,
    relation: member.relation,
    from: null,
    to: at,
    end,
    note,
    by,
  };
  await t.collection(C.memberships).add({ data: stint });
}

/**
 * Claims the ID number for this member inside the transaction: two people added with one ID number
 * at once cannot both be (the slot is read and written there; the other conflicts, then finds it).
 */
async function holdIdNumber(t: Tx, member: Pick<Member, '_id' | 'villageId' | 'idNumber'>): Promise<void> {
  const id = `${member.villageId}|${member.idNumber}`;
  const held = idSlotSchema.safeParse(await txGet(t, C.idNumbers, id)).data;
  if (held && held.memberId !== member._id) throw new AppError('VILLAGE.ID_TAKEN');
  await t
    .collection(C.idNumbers)
    .doc(id)
    .set({ data: { memberId: member._id } });
}

const idSlotSchema = z.object({ memberId: z.string() });

/** Puts a checked person into a household inside the transaction (a new record, or theirs again). */
export async function placePerson(t: Tx, p: NewPerson, household: Household, by: string): Promise<Member> {
  const now = currentTime();
  // Where and who the person is now; a returning member keeps their id and the rest of their record.
  const placed = placedIn(household._id, { name: p.name, relation: p.relation, idNumber: p.idNumber, phone: p.phone, userId: null });
  const member: Member = p.returning ? { ...p.returning, ...placed } : newMember(newId('m'), household.villageId, placed);
  if (member.idNumber) await holdIdNumber(t, member);
  member.membershipId = await openStint(t, member, household._id, now, by);
  const { _id, ...data } = member;
  if (p.returning) await t.collection(C.members).doc(_id).set({ data });
  else await t.collection(C.members).add({ data: member });
  return member;
}
