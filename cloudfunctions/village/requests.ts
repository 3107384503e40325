// Membership and role requests: a cadre confirms the real-name membership (the person becomes an
// active member of the household) or refuses it with a reason; a role taken with an invite link is
// confirmed by the secretary (a secretary's by the town admin). Nobody decides their own request.
import type { ConfirmInput, MembershipRequestView } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import {
  joinRequestSchema,
  memberSchema,
  userSchema,
  villageSchema,
  type JoinRequest,
  type Member,
  type Membership,
  type User,
} from '../shared/village/model';
import { getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { txGet, txUpdate, withTransaction, type Tx } from '../shared/tx';
import { currentUser } from '../shared/users';
import { isTownAdminOf, mayConfirm, requireCadre, SEPARATION_OF_DUTIES, withRole } from '../shared/access';
import { rolesOfInvite } from '../shared/village/joining';
import { HEAD, isRelation } from '../shared/village/person';
import { villageScope } from './context';
import { newMember, placedIn } from '../shared/village/member';
import { newId } from './ids';
import { requestView } from './views';
import { currentTime } from '../shared/clock';

export async function pending(villageId: string | undefined, openid: string): Promise<{ requests: MembershipRequestView[] }> {
  const { user, village } = await villageScope(openid, villageId);
  if (!isTownAdminOf(user, village)) requireCadre(user, village._id);
  const requests = await list(C.joinRequests, { villageId: village._id, status: 'pending' }, joinRequestSchema, {
    orderBy: ['createdAt', 'asc'],
    limit: 200,
  });
  const ids = requests.flatMap((r) => (r.memberId ? [r.memberId] : []));
  const members = ids.length ? await list(C.members, { _id: _.in(ids) }, memberSchema, { limit: ids.length }) : [];
  return { requests: requests.map((r) => requestView(r, members.find((m) => m._id === r.memberId) ?? null)) };
}

/** The request, once the caller may decide it (never their own) and it still waits. */
async function openRequest(requestId: string, decider: User): Promise<JoinRequest> {
  const request = await getById(C.joinRequests, requestId, joinRequestSchema);
  if (!request) throw new AppError('COMMON.NOT_FOUND', '没有这条申请');
  const village = await getById(C.villages, request.villageId, villageSchema);
  if (!village) throw new AppError('COMMON.NOT_FOUND', '没有这条申请');
  if (!mayConfirm(decider, request, village)) {
    if (request.openid === decider._id) throw new AppError('AUTH.OWN_HOUSEHOLD', SEPARATION_OF_DUTIES.confirmJoin.refusal);
    if (request.role === null) requireCadre(decider, request.villageId);
    throw new AppError('AUTH.FORBIDDEN', SEPARATION_OF_DUTIES.confirmRole.refusal);
  }
  if (request.status !== 'pending') throw new AppError('VILLAGE.ALREADY_DECIDED');
  return request;
}

/** Re-reads the request inside the transaction: two cadres deciding at once cannot both win. */
async function decide(t: Tx, request: JoinRequest, set: Partial<JoinRequest>): Promise<void> {
  const current = joinRequestSchema.parse(await txGet(t, C.joinRequests, request._id));
  if (current.status !== 'pending') throw new AppError('VILLAGE.ALREADY_DECIDED');
  await t.collection(C.joinRequests).doc(request._id).update({ data: set });
  // The person may file another request from now on.
  await t
    .collection(C.joinSlots)
    .doc(request.openid)
    .set({ data: { requestId: request._id, waiting: false } });
}

/** The joiner as the transaction sees them (read there, so a concurrent change conflicts instead of being overwritten). */
async function joinerIn(t: Tx, openid: string): Promise<User> {
  const raw = await txGet(t, C.users, openid);
  if (!raw) throw new AppError('COMMON.NOT_FOUND', '申请人已不存在');
  return userSchema.parse(raw);
}

export async function confirm(req: ConfirmInput, openid: string): Promise<MembershipRequestView> {
  const decider = await currentUser(openid);
  const request = await openRequest(req.requestId, decider);
  return request.role === null ? confirmMembership(req, request, decider) : confirmRole(request, decider);
}

async function confirmMembership(req: ConfirmInput, request: JoinRequest, cadre: User): Promise<MembershipRequestView> {
  const members = await list(C.members, { householdId: request.householdId }, memberSchema, { limit: 100 });
  const matched = request.memberId ? members.find((m) => m._id === request.memberId) : undefined;
  if (request.memberId && matched?.status !== 'active') throw new AppError('VILLAGE.MEMBER_LEFT');
  if (matched?.userId && matched.userId !== request.openid) throw new AppError('JOIN.MEMBER_TAKEN');
  const relation = matched?.relation ?? req.relation ?? '其他';
  if (!isRelation(relation)) throw new AppError('COMMON.INVALID_INPUT', `不认识的关系「${relation}」`);
  if (!matched && relation === HEAD && members.some((m) => m.status === 'active' && m.relation === HEAD))
    throw new AppError('VILLAGE.HEAD_EXISTS');

  const now = currentTime();
  const member: Member = matched
    ? { ...matched, userId: request.openid }
    : newMember(
        newId('m'),
        request.villageId,
        placedIn(request.householdId, { name: request.name, relation, idNumber: '', phone: '', userId: request.openid }),
        newId('ms'),
      );
  const done: JoinRequest = { ...request, status: 'confirmed', decidedBy: cadre._id, decidedByName: cadre.name, decidedAt: now };
  await withTransaction(async (t) => {
    await decide(t, request, { status: done.status, decidedBy: done.decidedBy, decidedByName: done.decidedByName, decidedAt: now });
    const joiner = await joinerIn(t, request.openid);
    if (joiner.status === 'active' && (joiner.householdId || (joiner.villageId && joiner.villageId !== request.villageId))) {
      throw new AppError('JOIN.ALREADY_JOINED', '申请人已经加入了其他户或其他村');
    }
    if (matched) await txUpdate(t, C.members, member._id, { userId: request.openid });
    else {
      await t.collection(C.members).add({ data: member });
      const stint: Membership = {
        _id: member.membershipId,
        villageId: member.villageId,
        householdId: member.householdId,
        memberId: member._id,
        name: member.name,
        relation,
        from: now,
        to: null,
        end: null,
        note: '',
        by: cadre._id,
      };
      await t.collection(C.memberships).add({ data: stint });
    }
    const roles = withRole(withRole(joiner.roles, 'villager', true), 'head', relation === HEAD);
    await t
      .collection(C.users)
      .doc(joiner._id)
      .update({
        data: {
          name: member.name,
          roles,
          villageId: request.villageId,
          townId: joiner.townId,
          householdId: request.householdId,
          memberId: member._id,
          status: 'active',
        },
      });
  });
  return requestView(done, member);
}

/** The role takes effect; a new secretary's predecessor steps down (and stays a cadre), by this confirmation. */
async function confirmRole(request: JoinRequest, decider: User): Promise<MembershipRequestView> {
  const role = request.role;
  if (role === null) throw new AppError('COMMON.INVALID_INPUT');
  const village = await getById(C.villages, request.villageId, villageSchema);
  if (!village) throw new AppError('COMMON.NOT_FOUND', '没有这个村');
  const secretaries =
    role === 'secretary' ? await list(C.users, { villageId: request.villageId, roles: 'secretary' }, userSchema, { limit: 10 }) : [];
  const now = currentTime();
  const done: JoinRequest = { ...request, status: 'confirmed', decidedBy: decider._id, decidedByName: decider.name, decidedAt: now };
  await withTransaction(async (t) => {
    await decide(t, request, { status: done.status, decidedBy: done.decidedBy, decidedByName: done.decidedByName, decidedAt: now });
    for (const s of secretaries.filter((x) => x._id !== request.openid)) {
      const current = await joinerIn(t, s._id);
      await txUpdate(t, C.users, s._id, { roles: withRole(current.roles, 'secretary', false) });
    }
    const joiner = await joinerIn(t, request.openid);
    if (joiner.villageId && joiner.villageId !== request.villageId) throw new AppError('JOIN.ALREADY_JOINED', '申请人已经加入了其他村');
    const roles = rolesOfInvite(role === 'secretary' ? 'secretary' : 'cadre').reduce((rs, r) => withRole(rs, r, true), joiner.roles);
    await txUpdate(t, C.users, joiner._id, { roles, villageId: village._id, townId: village.townId, status: 'active' });
  });
  return requestView(done, null);
}

export async function refuse(requestId: string, reason: string, openid: string): Promise<MembershipRequestView> {
  const decider = await currentUser(openid);
  const request = await openRequest(requestId, decider);
  const now = currentTime();
  const done: JoinRequest = { ...request, status: 'refused', reason, decidedBy: decider._id, decidedByName: decider.name, decidedAt: now };
  await withTransaction(async (t) => {
    await decide(t, request, { status: 'refused', reason, decidedBy: decider._id, decidedByName: decider.name, decidedAt: now });
    // Someone who was only waiting is no longer of the village (and may join again).
    const raw = await txGet(t, C.users, request.openid);
    const joiner = raw ? userSchema.parse(raw) : null;
    if (joiner?.status === 'pending') await txUpdate(t, C.users, joiner._id, { status: 'left', villageId: null, townId: null });
  });
  const matched = request.memberId ? await getById(C.members, request.memberId, memberSchema) : null;
  return requestView(done, matched);
}
