// Invites: a household head or a cadre invites people into a household, the secretary invites a
// named person to a role, a town admin invites a village's secretary. Each invite is a code, a
// link and a 小程序码.
import { randomInt } from 'node:crypto';
import type { CreateInviteRequest, InvitePreview, InviteView } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import {
  householdSchema,
  inviteSchema,
  townSchema,
  villageSchema,
  type Household,
  type Invite,
  type User,
  type Village,
} from '../shared/village/model';
import { getById } from '../shared/repo';
import { ROLE_NAMES } from '../shared/roles';
import { db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';
import { currentUser } from '../shared/users';
import { isCadreOf, isHeadOf, isTownAdminOf, requireSecretary, townOf } from '../shared/access';
import { INVITE_TERMS, inviteProblem, invitePath, inviteScene, newInviteCode, normaliseCode } from '../shared/village/invite';
import { maskName } from '../shared/village/person';
import { householdLabel } from './views';
import { makeInviteQr, qrView } from './qr';
import { currentTime } from '../shared/clock';

interface Target {
  village: Village;
  household: Household | null;
}

async function villageById(id: string): Promise<Village> {
  const village = await getById(C.villages, id, villageSchema);
  if (!village) throw new AppError('COMMON.NOT_FOUND', '没有这个村');
  return village;
}

/** The village (and household) the invite is for, once the caller may invite there. */
async function targetOf(req: CreateInviteRequest, user: User): Promise<Target> {
  if (req.kind === 'household') {
    const household = await getById(C.households, req.householdId, householdSchema);
    if (!household) throw new AppError('COMMON.NOT_FOUND', '没有这一户');
    if (!isCadreOf(user, household.villageId) && !isHeadOf(user, household._id)) {
      if (user.villageId !== household.villageId) throw new AppError('AUTH.OTHER_VILLAGE');
      throw new AppError('AUTH.FORBIDDEN', '只有户主或村干部可以邀请家人');
    }
    return { village: await villageById(household.villageId), household };
  }
  if (req.kind === 'role') {
    if (!user.villageId) throw new AppError('AUTH.FORBIDDEN', '只有村书记可以任命');
    requireSecretary(user, user.villageId);
    return { village: await villageById(user.villageId), household: null };
  }
  const village = await villageById(req.villageId);
  if (!isTownAdminOf(user, village)) {
    if (townOf(user) !== null) throw new AppError('AUTH.OTHER_VILLAGE');
    throw new AppError('AUTH.FORBIDDEN', '只有乡镇管理员可以邀请村书记');
  }
  return { village, household: null };
}

export function inviteView(invite: Invite, village: Village, household: Household | null, qr: InviteView['qr']): InviteView {
  return {
    code: invite._id,
    kind: invite.kind,
    villageName: village.name,
    householdLabel: household ? householdLabel(household) : null,
    role: invite.role,
    roleName: invite.role ? ROLE_NAMES[invite.role] : null,
    forName: invite.forName,
    expiresAt: invite.expiresAt.toISOString(),
    usesLeft: Math.max(0, invite.maxUses - invite.uses),
    path: invitePath(invite._id),
    scene: inviteScene(invite._id),
    qr,
  };
}

export async function createInvite(req: CreateInviteRequest, openid: string): Promise<InviteView> {
  const user = await currentUser(openid);
  const { village, household } = await targetOf(req, user);
  const terms = INVITE_TERMS[req.kind];
  const now = currentTime();
  for (let attempt = 1; ; attempt++) {
    const code = newInviteCode(randomInt);
    const qrFileId = await makeInviteQr(code);
    const invite = inviteSchema.parse({
      _id: code,
      villageId: village._id,
      townId: village.townId,
      kind: req.kind,
      householdId: household?._id ?? null,
      role: req.kind === 'household' ? null : req.kind === 'secretary' ? 'secretary' : req.role,
      forName: req.kind === 'household' ? null : req.forName,
      createdBy: user._id,
      createdByName: user.name,
      createdAt: now,
      expiresAt: new Date(now.getTime() + terms.days * 86_400_000),
      maxUses: terms.uses,
      uses: 0,
      usedBy: [],
      revoked: false,
      qrFileId,
    });
    try {
      await db.collection(C.invites).add({ data: invite });
    } catch (e) {
      // Two codes alike out of 31^8 (8.5e11): draw again.
      if (isDuplicateKey(e) && attempt < 3) continue;
      throw e;
    }
    return inviteView(invite, village, household, await qrView(qrFileId));
  }
}

export async function revokeInvite(rawCode: string, openid: string): Promise<{ code: string }> {
  const user = await currentUser(openid);
  const code = normaliseCode(rawCode);
  const invite = code ? await getById(C.invites, code, inviteSchema) : null;
  if (!invite) throw new AppError('JOIN.BAD_CODE');
  if (invite.createdBy !== user._id && !isCadreOf(user, invite.villageId)) {
    throw new AppError(user.villageId === invite.villageId ? 'AUTH.FORBIDDEN' : 'AUTH.OTHER_VILLAGE');
  }
  await db
    .collection(C.invites)
    .doc(invite._id)
    .update({ data: { revoked: true } });
  return { code: invite._id };
}

/** A usable invite by its typed or scanned code, or the reason it cannot be used. */
export async function usableInvite(rawCode: string, now: Date): Promise<Invite> {
  const code = normaliseCode(rawCode);
  const invite = code ? await getById(C.invites, code, inviteSchema) : null;
  if (!invite) throw new AppError('JOIN.BAD_CODE');
  const problem = inviteProblem(invite, now);
  if (problem) throw new AppError(problem);
  return invite;
}

export async function inviteInfo(rawCode: string): Promise<InvitePreview> {
  const invite = await usableInvite(rawCode, currentTime());
  const [village, town, household] = await Promise.all([
    villageById(invite.villageId),
    getById(C.towns, invite.townId, townSchema),
    invite.householdId ? getById(C.households, invite.householdId, householdSchema) : null,
  ]);
  return {
    code: invite._id,
    kind: invite.kind,
    villageName: village.name,
    townName: town?.name ?? '',
    householdLabel: household ? `${household.no}（户主 ${maskName(household.headName)}）` : null,
    roleName: invite.role ? ROLE_NAMES[invite.role] : null,
    forName: invite.forName ? maskName(invite.forName) : null,
    needsIdLast4: invite.kind === 'household',
    expiresAt: invite.expiresAt.toISOString(),
  };
}
