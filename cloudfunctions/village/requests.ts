// Membership requests: a cadre confirms the real-name membership (the person becomes an active
// member of the household) or refuses it with a reason.
import type { ConfirmInput, MembershipRequestView } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { joinRequestSchema, memberSchema, userSchema, type JoinRequest, type Member, type Membership, type User } from '../shared/model';
import { getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { txGet, withTransaction, type Tx } from '../shared/tx';
import { currentUser } from '../shared/users';
import { isTownAdminOf, requireCadre, withRole } from '../shared/village/access';
import { HEAD, isRelation } from '../shared/village/person';
import { villageScope } from './context';
import { newId } from './ids';
import { requestView } from './views';

export async function pending(villageId: string | undefined, openid: string): Promise<{ requests: MembershipRequestView[] }> {
  const { user, village } = await villageScope(openid, villageId);
  if (!isTownAdminOf(user, village)) requireCadre(user, village._id);
  const requests = await list(C.joinRequests, { villageId: village._id, status: 'pending' }, joinRequestSchema, { orderBy: ['createdAt', 'asc'], limit: 200 });
  const ids = requests.flatMap((r) => (r.memberId ? [r.memberId] : []));
  const members = ids.length ? await list(C.members, { _id: _.in(ids) }, memberSchema, { limit: ids.length }) : [];
  return { requests: requests.map((r) => requestView(r, members.find((m) => m._id === r.memberId) ?? null)) };
}

/** The request, once the caller is a cadre of its village and it still waits. */
async function openRequest(requestId: string, cadre: User): Promise<JoinRequest> {
  const request = await getById(C.joinRequests, requestId, joinRequestSchema);
  if (!request) throw new AppError('COMMON.NOT_FOUND', '没有这条申请');
  requireCadre(cadre, request.villageId);
  if (request.status !== 'pending') throw new AppError('VILLAGE.ALREADY_DECIDED');
  return request;
}

/** Re-reads the request inside the transaction: two cadres deciding at once cannot both win. */
async function decide(t: Tx, request: JoinRequest, set: Partial<JoinRequest>): Promise<void> {
  const current = joinRequestSchema.parse(await txGet(t, C.joinRequests, request._id));
  if (current.status !== 'pending') throw new AppError('VILLAGE.ALREADY_DECIDED');
  await t.collection(C.joinRequests).doc(request._id).update({ data: set });
}

export async function confirm(req: ConfirmInput, openid: string): Promise<MembershipRequestView> {
  const cadre = await currentUser(openid);
  const request = await openRequest(req.requestId, cadre);
  const [joiner, members] = await Promise.all([getById(C.users, request.openid, userSchema), list(C.members, { householdId: request.householdId }, memberSchema, { limit: 100 })]);
  if (!joiner) throw new AppError('COMMON.NOT_FOUND', '申请人已不存在');
  if (joiner.status === 'active' && (joiner.householdId || (joiner.villageId && joiner.villageId !== request.villageId))) {
    throw new AppError('JOIN.ALREADY_JOINED', '申请人已经加入了其他户或其他村');
  }
  const matched = request.memberId ? members.find((m) => m._id === request.memberId) : undefined;
  if (request.memberId && (!matched || matched.status !== 'active')) throw new AppError('VILLAGE.MEMBER_LEFT');
  if (matched?.userId && matched.userId !== request.openid) throw new AppError('JOIN.MEMBER_TAKEN');
  const relation = matched?.relation ?? req.relation ?? '其他';
  if (!isRelation(relation)) throw new AppError('COMMON.INVALID_INPUT', `不认识的关系「${relation}」`);
  if (!matched && relation === HEAD && members.some((m) => m.status === 'active' && m.relation === HEAD)) throw new AppError('VILLAGE.HEAD_EXISTS');

  const now = new Date();
  const member: Member = matched
    ? { ...matched, userId: request.openid }
    : { _id: newId('m'), villageId: request.villageId, householdId: request.householdId, name: request.name, relation, idNumber: '', phone: '', userId: request.openid, status: 'active', leftAt: null, leftReason: '', membershipId: newId('ms') };
  const done: JoinRequest = { ...request, status: 'confirmed', decidedBy: cadre._id, decidedByName: cadre.name, decidedAt: now };
  await withTransaction(async (t) => {
    await decide(t, request, { status: done.status, decidedBy: done.decidedBy, decidedByName: done.decidedByName, decidedAt: now });
    if (matched) await t.collection(C.members).doc(member._id).update({ data: { userId: request.openid } });
    else {
      await t.collection(C.members).add({ data: member });
      const stint: Membership = { _id: member.membershipId, villageId: member.villageId, householdId: member.householdId, memberId: member._id, name: member.name, relation, from: now, to: null, end: null, note: '', by: cadre._id };
      await t.collection(C.memberships).add({ data: stint });
    }
    const roles = withRole(withRole(joiner.roles, 'villager', true), 'head', relation === HEAD);
    const { _id, ...rest } = joiner;
    await t.collection(C.users).doc(_id).set({
      data: { ...rest, name: member.name, roles, villageId: request.villageId, townId: joiner.townId, householdId: request.householdId, memberId: member._id, status: 'active' },
    });
  });
  return requestView(done, member);
}

export async function refuse(requestId: string, reason: string, openid: string): Promise<MembershipRequestView> {
  const cadre = await currentUser(openid);
  const request = await openRequest(requestId, cadre);
  const now = new Date();
  const done: JoinRequest = { ...request, status: 'refused', reason, decidedBy: cadre._id, decidedByName: cadre.name, decidedAt: now };
  await withTransaction(async (t) => {
    await decide(t, request, { status: 'refused', reason, decidedBy: cadre._id, decidedByName: cadre.name, decidedAt: now });
    // Someone who was only waiting is no longer of the village (and may join again).
    const raw = await txGet(t, C.users, request.openid);
    const joiner = raw ? userSchema.parse(raw) : null;
    if (joiner?.status === 'pending') await t.collection(C.users).doc(joiner._id).update({ data: { status: 'left', villageId: null, townId: null } });
  });
  const matched = request.memberId ? await getById(C.members, request.memberId, memberSchema) : null;
  return requestView(done, matched);
}
