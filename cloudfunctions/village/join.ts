// Joining with an invite. A household invite files a membership request that waits for a cadre's
// real-name confirmation (the joiner's user stays "pending" meanwhile); a role invite names its
// person and is used once: a cadre's or secretary's role waits for the confirmation of someone else
// with the authority (the secretary; the town admin for a secretary), since a forwarded link and a
// name are not proof of who opened it; a keeper's takes effect at once. The invite's use, the request
// and the user are written in one transaction, so a single-use code is never used twice.
import type { JoinInput, JoinResult, MembershipRequestView, Role } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import {
  householdSchema,
  inviteSchema,
  joinRequestSchema,
  joinSlotSchema,
  memberSchema,
  userSchema,
  villageSchema,
  type Invite,
  type JoinRequest,
  type User,
  type Village,
} from '../shared/village/model';
import { getById, list } from '../shared/repo';
import { ROLE_NAMES } from '../shared/roles';
import { txGet, txUpdate, withTransaction, type Tx } from '../shared/tx';
import { ROLE_CONFIRMED_BY, withRole } from '../shared/access';
import { inviteProblem } from '../shared/village/invite';
import { joinRefusal, rolesOfInvite, sameName } from '../shared/village/joining';
import { matchesRealName, normaliseIdNumber } from '../shared/village/person';
import { newId } from './ids';
import { usableInvite } from './invites';
import { householdLabel, requestView } from './views';
import { currentTime } from '../shared/clock';

/** Uses the invite inside the transaction (re-read there: a concurrent use conflicts and retries). */
async function useInvite(t: Tx, code: string, openid: string, now: Date): Promise<Invite> {
  const raw = await txGet(t, C.invites, code);
  if (!raw) throw new AppError('JOIN.BAD_CODE');
  const invite = inviteSchema.parse(raw);
  const problem = inviteProblem(invite, now);
  if (problem) throw new AppError(problem);
  await txUpdate(t, C.invites, code, { uses: invite.uses + 1, usedBy: [...invite.usedBy, openid] });
  return invite;
}

/**
 * Holds the person's one waiting request, inside the transaction that files it: two joins at once
 * cannot both file one (the slot is read and written there; the other conflicts and then finds it).
 */
async function holdSlot(t: Tx, openid: string, requestId: string): Promise<void> {
  const raw = await txGet(t, C.joinSlots, openid);
  if (joinSlotSchema.safeParse(raw).data?.waiting) throw new AppError('JOIN.ALREADY_PENDING');
  await t
    .collection(C.joinSlots)
    .doc(openid)
    .set({ data: { requestId, waiting: true } });
}

function withoutId(user: User): Omit<User, '_id'> {
  const { _id, ...rest } = user;
  return rest;
}

async function pendingRequestOf(openid: string): Promise<JoinRequest | null> {
  const [found] = await list(C.joinRequests, { openid, status: 'pending' }, joinRequestSchema, { limit: 1 });
  return found ?? null;
}

export async function join(req: JoinInput, openid: string): Promise<JoinResult> {
  const now = currentTime();
  const [invite, user, pending] = await Promise.all([
    usableInvite(req.code, now),
    getById(C.users, openid, userSchema),
    pendingRequestOf(openid),
  ]);
  if (pending) throw new AppError('JOIN.ALREADY_PENDING');
  const refusal = joinRefusal(user, invite);
  if (refusal) throw refusal;
  return invite.kind === 'household' ? joinHousehold(req, invite, user, openid, now) : takeRole(req, invite, user, openid, now);
}

async function takeRole(req: JoinInput, invite: Invite, user: User | null, openid: string, now: Date): Promise<JoinResult> {
  if (!invite.role || !invite.forName) throw new AppError('JOIN.BAD_CODE');
  if (!sameName(req.name, invite.forName)) throw new AppError('JOIN.NAME_MISMATCH', '姓名与邀请不符，请填写被邀请人的真实姓名');
  const role = invite.role;
  if (ROLE_CONFIRMED_BY[role] !== null) return requestRole(req, invite, role, user, openid, now);
  const [village, secretaries] = await Promise.all([
    getById(C.villages, invite.villageId, villageSchema),
    role === 'secretary'
      ? list(C.users, { villageId: invite.villageId, roles: 'secretary' }, userSchema, { limit: 10 })
      : Promise.resolve([]),
  ]);
  if (!village) throw new AppError('JOIN.BAD_CODE');
  const joined = await withTransaction(async (t) => {
    await useInvite(t, invite._id, openid, now);
    // One secretary per village: the one before steps down (and stays a cadre).
    for (const s of secretaries.filter((x) => x._id !== openid)) {
      await txUpdate(t, C.users, s._id, { roles: withRole(s.roles, 'secretary', false) });
    }
    const base: User =
      user && user.status === 'active'
        ? user
        : {
            _id: openid,
            name: req.name.trim(),
            roles: [],
            villageId: null,
            townId: null,
            householdId: null,
            memberId: null,
            status: 'active',
          };
    const next: User = {
      ...base,
      roles: rolesOfInvite(role).reduce((roles, r) => withRole(roles, r, true), base.roles),
      villageId: invite.villageId,
      townId: invite.townId,
      status: 'active',
    };
    await t
      .collection(C.users)
      .doc(openid)
      .set({ data: withoutId(next) });
    return next;
  });
  return { status: 'active', villageName: village.name, roleNames: joined.roles.map((r) => ROLE_NAMES[r]) };
}

/** A request to join by the invite, waiting for its confirmer: to be a member of a household, or for a role. */
function newRequest(
  village: Village,
  invite: Invite,
  name: string,
  openid: string,
  now: Date,
  what: Pick<JoinRequest, 'householdId' | 'householdLabel' | 'idLast4' | 'memberId' | 'role'>,
): JoinRequest {
  return {
    _id: newId('jr'),
    villageId: village._id,
    villageName: village.name,
    ...what,
    inviteCode: invite._id,
    openid,
    name: name.trim(),
    status: 'pending',
    reason: '',
    createdAt: now,
    decidedBy: null,
    decidedByName: '',
    decidedAt: null,
  };
}

/** A cadre's or secretary's role waits as a request for its confirmer; nobody's role changes yet. */
async function requestRole(req: JoinInput, invite: Invite, role: Role, user: User | null, openid: string, now: Date): Promise<JoinResult> {
  const village = await getById(C.villages, invite.villageId, villageSchema);
  if (!village) throw new AppError('JOIN.BAD_CODE');
  const request = newRequest(village, invite, req.name, openid, now, {
    householdId: '',
    householdLabel: `任命：${ROLE_NAMES[role]}`,
    idLast4: '',
    memberId: null,
    role,
  });
  await fileRequest(request, invite, village, user, now);
  return { status: 'pending', request: requestView(request, null) };
}

async function joinHousehold(req: JoinInput, invite: Invite, user: User | null, openid: string, now: Date): Promise<JoinResult> {
  const last4 = normaliseIdNumber(req.idLast4 ?? '');
  if (!/^\d{3}[\dX]$/.test(last4)) throw new AppError('COMMON.INVALID_INPUT', '请填写身份证号后4位');
  if (!invite.householdId) throw new AppError('JOIN.BAD_CODE');
  const [household, village, members] = await Promise.all([
    getById(C.households, invite.householdId, householdSchema),
    getById(C.villages, invite.villageId, villageSchema),
    list(C.members, { householdId: invite.householdId }, memberSchema, { limit: 100 }),
  ]);
  if (!household || !village) throw new AppError('JOIN.BAD_CODE');
  const match = members.find((m) => m.status === 'active' && matchesRealName(m, req.name, last4)) ?? null;
  if (match?.userId && match.userId !== openid) throw new AppError('JOIN.MEMBER_TAKEN');
  const request = newRequest(village, invite, req.name, openid, now, {
    householdId: household._id,
    householdLabel: householdLabel(household),
    idLast4: last4,
    memberId: match?._id ?? null,
    role: null,
  });
  await fileRequest(request, invite, village, user, now);
  return { status: 'pending', request: requestView(request, match) };
}

/**
 * Files a join request in one transaction: the person's one waiting slot, a use of the invite, the
 * request, and the person as "pending" when new (someone already serving the village, e.g. the
 * secretary, stays active).
 */
async function fileRequest(request: JoinRequest, invite: Invite, village: Village, user: User | null, now: Date): Promise<void> {
  const openid = request.openid;
  await withTransaction(async (t) => {
    await holdSlot(t, openid, request._id);
    await useInvite(t, invite._id, openid, now);
    await t.collection(C.joinRequests).add({ data: request });
    if (!user || user.status === 'left') {
      const pendingUser: User = {
        _id: openid,
        name: request.name,
        roles: [],
        villageId: village._id,
        townId: village.townId,
        householdId: null,
        memberId: null,
        status: 'pending',
      };
      await t
        .collection(C.users)
        .doc(openid)
        .set({ data: withoutId(pendingUser) });
    }
  });
}

export async function myJoin(openid: string): Promise<{ request: MembershipRequestView | null }> {
  const [latest] = await list(C.joinRequests, { openid }, joinRequestSchema, { orderBy: ['createdAt', 'desc'], limit: 1 });
  if (!latest) return { request: null };
  const matched = latest.memberId ? await getById(C.members, latest.memberId, memberSchema) : null;
  return { request: requestView(latest, matched) };
}
