// Separation of duties (公开、公正): the rules as data, and the plain functions every action asks.
// Nobody records for, approves, reverses or resolves an objection about a household they belong to;
// such a record waits for another cadre whoever made it (the secretary's own household included).
// Nobody confirms their own join request, and a role given by a link takes effect only when someone
// else with the authority confirms it (the town admin for a secretary).
import type { Role } from '../../../typings';
import { AppError } from '../errors';
import type { User } from '../village/model';
import { isCadreOf, isSecretaryOf, isSupervisorOf, isTownAdminOf } from './roles';

export type Duty = 'record' | 'approve' | 'reverse' | 'resolveObjection' | 'confirmJoin' | 'confirmRole' | 'releaseHeld';

export interface DutyRule {
  /** The rule in a sentence (printed in the README's access section). */
  rule: string;
  /** What the person who may not act is told. */
  refusal: string;
}

export const SEPARATION_OF_DUTIES: Record<Duty, DutyRule> = {
  record: {
    rule: 'A record for a household the recorder belongs to never passes at once: it waits for a cadre of another household.',
    refusal: '',
  },
  approve: {
    rule: "Nobody approves or rejects a record of a household they belong to, or a record they made; the secretary's final say stops at their own household.",
    refusal: '这条积分涉及您自己家或由您记录，请其他村干部审核',
  },
  reverse: { rule: 'Nobody corrects a record of a household they belong to.', refusal: '不能更正自己家的积分记录，请其他村干部办理' },
  resolveObjection: {
    rule: 'Nobody resolves an objection about a household they belong to, or about a record they made.',
    refusal: '这条异议涉及您自己家或您记录的积分，请其他村干部处理',
  },
  confirmJoin: { rule: 'Nobody confirms their own join request.', refusal: '不能确认自己的加入申请，请其他村干部确认' },
  confirmRole: {
    rule: 'A role taken with an invite link waits until the secretary (for a secretary: the town admin), who is not the person, confirms it.',
    refusal: '任命须由村书记确认；村书记的任命须由乡镇管理员确认',
  },
  releaseHeld: {
    rule: 'Text the content check held (a letter, a board item, goods) is released or withdrawn by a cadre of the village who did not write it.',
    refusal: '这条内容由您撰写，请其他村干部审核',
  },
};

/** Whether the user may release or withdraw held text: a cadre of its village who is none of its writers. */
export function mayReleaseHeld(user: User, villageId: string, writers: string[]): boolean {
  return isCadreOf(user, villageId) && !writers.includes(user._id);
}

/** Refuses a decision on held text by anyone but a cadre of the village who is none of its writers. */
export function requireReleaser(user: User, villageId: string, writers: string[]): void {
  if (!isCadreOf(user, villageId)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以审核待审核的内容');
  if (writers.includes(user._id)) throw new AppError('AUTH.OWN_HOUSEHOLD', SEPARATION_OF_DUTIES.releaseHeld.refusal);
}

/** Whether the user is a member of the household. */
export function belongsTo(user: Pick<User, 'householdId'>, householdId: string): boolean {
  return user.householdId !== null && user.householdId === householdId;
}

export interface Subject {
  householdId: string;
  /** Who made the record (or the record an objection is about), when there is one. */
  recordedBy?: string | null;
}

/** Whether the user has an interest in the subject: they belong to its household or made its record. */
export function hasInterest(user: Pick<User, '_id' | 'householdId'>, subject: Subject): boolean {
  return belongsTo(user, subject.householdId) || (subject.recordedBy !== undefined && subject.recordedBy === user._id);
}

/** Refuses a duty the user has an interest in. */
export function requireNoInterest(user: Pick<User, '_id' | 'householdId'>, duty: Duty, subject: Subject): void {
  if (hasInterest(user, subject)) throw new AppError('AUTH.OWN_HOUSEHOLD', SEPARATION_OF_DUTIES[duty].refusal);
}

/**
 * Cadres of the village free to review a household's records. When there is none (the village's
 * only cadre is the household), the supervision committee (村务监督委员会) signs off instead.
 */
export function freeCadres(cadres: User[], householdId: string): User[] {
  return cadres.filter((c) => !belongsTo(c, householdId));
}

/** Whether the user signs off in place of the cadres: a supervisor of the village, when no cadre is free of the household. */
export function signsOffForCadres(user: User, villageId: string, cadres: User[], householdId: string): boolean {
  return (
    isSupervisorOf(user, villageId) &&
    !belongsTo(user, householdId) &&
    freeCadres(
      cadres.filter((c) => isCadreOf(c, villageId)),
      householdId,
    ).length === 0
  );
}

/**
 * Who confirms a role taken with an invite link; null: it takes effect at once (the keeper hands out
 * goods but decides nothing about points or people).
 */
export const ROLE_CONFIRMED_BY: Record<Role, 'secretary' | 'townAdmin' | null> = {
  secretary: 'townAdmin',
  cadre: 'secretary',
  gridLeader: 'secretary',
  supervisor: 'secretary',
  townAdmin: 'townAdmin',
  keeper: null,
  head: null,
  villager: null,
};

/** Whether the user may confirm a request to the village: a join (any cadre) or a role (its confirmer), never their own. */
export function mayConfirm(
  user: User,
  request: { openid: string; villageId: string; role: Role | null },
  village: { _id: string; townId: string },
): boolean {
  if (request.openid === user._id) return false;
  if (request.role === null) return isCadreOf(user, request.villageId);
  return ROLE_CONFIRMED_BY[request.role] === 'townAdmin' ? isTownAdminOf(user, village) : isSecretaryOf(user, request.villageId);
}
