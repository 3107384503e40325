// A household's members: added and edited by a cadre or the head; moved to another household by a
// cadre; leaving (marked with the date and reason, never deleted) by a cadre, the head or
// themselves. A member's WeChat user follows every change in the same transaction.
import type { AddMemberInput, EditMemberInput, LeaveMemberInput, MemberView, MoveMemberInput } from '../../typings';
import { chinaDate, isDate, startOfChinaDay } from '../shared/china-time';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { memberSchema, userSchema, type Household, type Member, type User } from '../shared/village/model';
import { getById, list } from '../shared/repo';
import { txGet, txUpdate, withTransaction, type Tx } from '../shared/tx';
import { currentUser } from '../shared/users';
import { canEditMembers, holdsOffice, isCadreOf, isHeadOf, requireCadre, withRole } from '../shared/access';
import { HEAD, isRelation, normaliseIdNumber, normalisePhone } from '../shared/village/person';
import { checkPerson, closeStint, memberByIdNumber, newPerson, openStint, placePerson } from './people';
import { householdIn } from './context';
import { memberView } from './views';
import { currentTime } from '../shared/clock';

async function memberOf(id: string, user: User): Promise<{ member: Member; household: Household }> {
  const member = await getById(C.members, id, memberSchema);
  if (!member) throw new AppError('COMMON.NOT_FOUND', '没有这位成员');
  if (member.villageId !== user.villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  if (member.status === 'left') throw new AppError('VILLAGE.MEMBER_LEFT');
  return { member, household: await householdIn(user.villageId, member.householdId) };
}

function requireMemberEditor(user: User, household: Household): void {
  if (!canEditMembers(user, household)) throw new AppError('AUTH.FORBIDDEN', '只有户主或村干部可以修改家庭成员');
}

async function activeHead(householdId: string, exceptId?: string): Promise<Member | null> {
  const members = await list(C.members, { householdId }, memberSchema, { limit: 200 });
  return members.find((m) => m.status === 'active' && m.relation === HEAD && m._id !== exceptId) ?? null;
}

/** The member's WeChat user, read inside the transaction, updated by `change`. */
async function updateUser(t: Tx, userId: string | null, change: (u: User) => Partial<User>): Promise<void> {
  if (!userId) return;
  const raw = await txGet(t, C.users, userId);
  if (!raw) return;
  const set = change(userSchema.parse(raw));
  if (Object.keys(set).length) await t.collection(C.users).doc(userId).update({ data: set });
}

export async function addMember(req: AddMemberInput, openid: string): Promise<MemberView> {
  const user = await currentUser(openid);
  const household = await householdIn(user.villageId, req.householdId);
  requireMemberEditor(user, household);
  const [head, person] = await Promise.all([
    req.relation === HEAD ? activeHead(household._id) : Promise.resolve(null),
    newPerson(household.villageId, { name: req.name, relation: req.relation, idNumber: req.idNumber ?? '', phone: req.phone ?? '' }),
  ]);
  if (head) throw new AppError('VILLAGE.HEAD_EXISTS');
  const member = await withTransaction(async (t) => {
    const placed = await placePerson(t, person, household, user._id);
    if (placed.relation === HEAD) await txUpdate(t, C.households, household._id, { headName: placed.name });
    return placed;
  });
  return memberView(member);
}

/** A change of relation; becoming or ceasing to be the head is the cadres' to decide, and one head at a time. */
async function relationChange(req: EditMemberInput, user: User, member: Member, household: Household): Promise<Partial<Member>> {
  if (req.relation === undefined || req.relation === member.relation) return {};
  if ((req.relation === HEAD) !== (member.relation === HEAD)) {
    if (!isCadreOf(user, household.villageId)) throw new AppError('AUTH.FORBIDDEN', '更换户主请联系村干部');
    if (req.relation === HEAD && (await activeHead(household._id, member._id))) throw new AppError('VILLAGE.HEAD_EXISTS');
  }
  return { relation: req.relation };
}

/** A changed ID number, refused when another member of the village has it. */
async function idNumberChange(req: EditMemberInput, member: Member, household: Household): Promise<Partial<Member>> {
  if (req.idNumber === undefined || normaliseIdNumber(req.idNumber) === member.idNumber) return {};
  const idNumber = normaliseIdNumber(req.idNumber);
  const same = idNumber ? await memberByIdNumber(household.villageId, idNumber) : null;
  if (same && same._id !== member._id) throw new AppError('VILLAGE.ID_TAKEN');
  return { idNumber };
}

/** Writes the member's changes with the household's head name and the user's name and head role in one transaction. */
async function writeMemberEdit(member: Member, next: Member, set: Partial<Member>, household: Household): Promise<void> {
  await withTransaction(async (t) => {
    await t.collection(C.members).doc(member._id).update({ data: set });
    if (next.relation === HEAD && (set.name !== undefined || set.relation !== undefined)) {
      await txUpdate(t, C.households, household._id, { headName: next.name });
    }
    await updateUser(t, member.userId, (u) => ({
      ...(set.name !== undefined ? { name: next.name } : {}),
      roles: withRole(u.roles, 'head', next.relation === HEAD),
    }));
  });
}

export async function editMember(req: EditMemberInput, openid: string): Promise<MemberView> {
  const user = await currentUser(openid);
  const { member, household } = await memberOf(req.memberId, user);
  requireMemberEditor(user, household);
  checkPerson(req);
  const set: Partial<Member> = {
    ...(req.name !== undefined && req.name.trim() !== member.name ? { name: req.name.trim() } : {}),
    ...(req.phone !== undefined ? { phone: normalisePhone(req.phone) } : {}),
    ...(await relationChange(req, user, member, household)),
    ...(await idNumberChange(req, member, household)),
  };
  if (!Object.keys(set).length) return memberView(member);
  const next: Member = { ...member, ...set };
  await writeMemberEdit(member, next, set, household);
  return memberView(next);
}

export async function moveMember(req: MoveMemberInput, openid: string): Promise<MemberView> {
  const user = await currentUser(openid);
  const { member, household } = await memberOf(req.memberId, user);
  requireCadre(user, household.villageId);
  if (member.relation === HEAD) throw new AppError('VILLAGE.HEAD_MUST_STAY');
  if (!isRelation(req.relation)) throw new AppError('COMMON.INVALID_INPUT', `不认识的关系「${req.relation}」`);
  const target = await householdIn(user.villageId, req.toHouseholdId);
  if (target._id === household._id) throw new AppError('COMMON.INVALID_INPUT', '已经在这一户了');
  if (req.relation === HEAD && (await activeHead(target._id))) throw new AppError('VILLAGE.HEAD_EXISTS');
  const now = currentTime();
  const moved = await withTransaction(async (t) => {
    await closeStint(t, member, 'moved', `迁至${target.no}`, now, user._id);
    const next: Member = { ...member, householdId: target._id, relation: req.relation, membershipId: '' };
    next.membershipId = await openStint(t, next, target._id, now, user._id);
    await txUpdate(t, C.members, member._id, { householdId: next.householdId, relation: next.relation, membershipId: next.membershipId });
    if (next.relation === HEAD) await txUpdate(t, C.households, target._id, { headName: next.name });
    await updateUser(t, member.userId, (u) => ({ householdId: target._id, roles: withRole(u.roles, 'head', next.relation === HEAD) }));
    return next;
  });
  return memberView(moved);
}

/** The China-time day someone left, as the instant it began; refuses a malformed or future day. */
function leftAtOf(on: string | undefined): Date {
  const today = chinaDate();
  const day = on ?? today;
  if (!isDate(day) || day > today) throw new AppError('COMMON.INVALID_INPUT', '离开日期不对');
  return startOfChinaDay(day);
}

export async function leaveMember(req: LeaveMemberInput, openid: string): Promise<MemberView> {
  const user = await currentUser(openid);
  const { member, household } = await memberOf(req.memberId, user);
  const self = user.memberId === member._id;
  if (!self && !isHeadOf(user, household._id) && !isCadreOf(user, household.villageId)) {
    throw new AppError('AUTH.FORBIDDEN', '只有本人、户主或村干部可以办理离开');
  }
  if (member.relation === HEAD) throw new AppError('VILLAGE.HEAD_MUST_STAY');
  const leftAt = leftAtOf(req.on);
  const reason = req.reason.trim();
  const left: Member = { ...member, status: 'left', leftAt, leftReason: reason, userId: null };
  await withTransaction(async (t) => {
    await txUpdate(t, C.members, member._id, { status: left.status, leftAt, leftReason: reason, userId: null });
    await closeStint(t, member, 'left', reason, leftAt, user._id);
    // Someone who still serves the village (a cadre, a keeper …) stays, without a household.
    await updateUser(t, member.userId, (u) =>
      holdsOffice(u.roles)
        ? { roles: withRole(withRole(u.roles, 'head', false), 'villager', false), householdId: null, memberId: null }
        : { status: 'left', roles: [], villageId: null, townId: null, householdId: null, memberId: null },
    );
  });
  return memberView(left);
}
