// The rules of 村民说事 as plain functions: who may read a matter and what they see, what each
// side may do in each state, what every action changes, and when a matter is overdue. Its words are
// in texts.ts, the statistics' rates in stats.ts.
import { chinaDate, daysBetween, endOfChinaDay, isDate } from '../china-time';
import { AppError } from '../errors';
import { handlesMatter, isCadreOf, isTownAdminOf, officeOf } from '../access';
import type { User } from '../village/model';
import type { Matter, MatterEvent, StoredAssignee } from './model';

/** A villager may ask for a matter rated 1–2 stars to be handled again this many times. */
export const MAX_REOPENS = 1;
export const MAX_PHOTOS = 9;

export type MatterAction = 'moderate' | 'respond' | 'note' | 'assign' | 'progress' | 'close' | 'rate' | 'reopen';
export type Can = Record<MatterAction, boolean>;

export interface Access {
  /** The caller raised it. */
  mine: boolean;
  /** The caller is a cadre (or the secretary) of its village. */
  cadre: boolean;
  /** The caller is the person it is assigned to (e.g. a grid leader): reads it, posts progress. */
  assignee: boolean;
}

export function isVillageCadre(user: User, villageId: string): boolean {
  return isCadreOf(user, villageId);
}

/**
 * How the caller may see a matter, or null when they may not see it at all: a private or held
 * matter only by its raiser, the cadres of its village and the person it is assigned to; a listed
 * one by every villager of the village; nothing by anyone of another village.
 */
export function accessOf(
  user: User,
  m: Pick<Matter, 'villageId' | 'townId' | 'raisedBy' | 'listed' | 'assignee' | 'audience' | 'concerns'>,
): Access | null {
  // A complaint about the secretary reaches the town admin, who is of no village.
  if (m.audience === 'secretary' && handlesMatter(user, m)) return { mine: m.raisedBy === user._id, cadre: true, assignee: false };
  // The town admin sees every village of the town (DOMAIN): a public matter reads as it does to its villagers.
  if (m.listed && isTownAdminOf(user, { townId: m.townId })) return { mine: false, cadre: false, assignee: false };
  if (user.villageId !== m.villageId) return null;
  const mine = m.raisedBy === user._id;
  // Who handles it: every cadre, or for a complaint about cadres only those who judge it (never the cadre it names).
  const cadre = handlesMatter(user, m);
  const assignee = m.assignee?.kind === 'person' && m.assignee.userId === user._id;
  if (mine || cadre || assignee || m.listed) return { mine, cadre, assignee };
  return null;
}

export function roleOf(user: User): MatterEvent['role'] {
  return officeOf(user);
}

type StateView = Pick<Matter, 'status' | 'rating' | 'reopens'>;

/** What the caller may do now. */
export function allowedActions(m: StateView, access: Access): Can {
  const handling = m.status === 'responded' || m.status === 'assigned';
  return {
    moderate: access.cadre && m.status === 'held',
    respond: access.cadre && m.status === 'open',
    note: access.cadre,
    assign: access.cadre && handling,
    progress: (access.cadre || access.assignee) && handling,
    close: access.cadre && handling,
    rate: access.mine && m.status === 'closed' && m.rating === null,
    reopen: access.mine && m.status === 'closed' && m.rating !== null && m.rating.stars <= 2 && m.reopens < MAX_REOPENS,
  };
}

const CADRE_ACTIONS: ReadonlySet<MatterAction> = new Set(['moderate', 'respond', 'note', 'assign', 'close']);

/** Refuses an action the caller may not take now, with the reason a person would give. */
export function requireAllowed(m: StateView, access: Access, action: MatterAction): void {
  if (allowedActions(m, access)[action]) return;
  throw notTheirs(access, action) ?? notNow(m, action);
}

/** The refusal when the action is not the caller's to take, whatever the state. */
function notTheirs(access: Access, action: MatterAction): AppError | null {
  if (CADRE_ACTIONS.has(action) && !access.cadre) return new AppError('AUTH.FORBIDDEN', '只有本村村干部可以办理村民说事');
  if (action === 'progress' && !access.cadre && !access.assignee) return new AppError('AUTH.FORBIDDEN', '只有村干部或承办人可以上报进展');
  if ((action === 'rate' || action === 'reopen') && !access.mine) return new AppError('AUTH.FORBIDDEN', '只有提出这件事的村民可以评价');
  return null;
}

/** The refusal when the caller may take the action, but not in the matter's state. */
function notNow(m: StateView, action: MatterAction): AppError {
  if (action === 'rate' && m.rating !== null) return new AppError('MATTER.ALREADY_RATED');
  if (action === 'reopen' && m.status === 'closed') {
    return new AppError(m.reopens >= MAX_REOPENS ? 'MATTER.REOPEN_USED' : 'MATTER.REOPEN_NOT_ALLOWED');
  }
  if (action === 'respond' && m.status === 'held') return new AppError('MATTER.WRONG_STATE', '请先审核这件说事的内容（公开或仅干部可见）');
  return new AppError('MATTER.WRONG_STATE');
}

export interface Actor {
  id: string;
  name: string;
  role: MatterEvent['role'];
}

export function event(
  id: string,
  kind: MatterEvent['kind'],
  by: Actor,
  at: Date,
  extra: Partial<Omit<MatterEvent, 'id' | 'kind' | 'at'>> = {},
): MatterEvent {
  return {
    id,
    kind,
    by: by.id,
    byName: by.name,
    role: by.role,
    text: '',
    photos: [],
    internal: false,
    stars: null,
    assignee: null,
    dueDate: null,
    told: [],
    at,
    ...extra,
  };
}

/** A change of a matter: the fields it sets and the event it adds to the timeline. */
export interface Change {
  set: Partial<Omit<Matter, '_id' | 'events' | 'version'>>;
  event: MatterEvent;
}

export type ActionInput =
  | { action: 'moderate'; decision: 'release' | 'private' }
  | { action: 'respond'; text: string; photos: string[] }
  | { action: 'note'; text: string; publish: boolean }
  | { action: 'assign'; assignee: Omit<StoredAssignee, 'dueAt'>; assigneeIsCadre: boolean; note: string }
  | { action: 'progress'; text: string; photos: string[] }
  | { action: 'close'; text: string; photos: string[] }
  | { action: 'rate'; stars: number; comment: string }
  | { action: 'reopen'; reason: string; roundDeadlineAt: Date };

/**
 * What an allowed action changes. The caller has checked it is allowed (requireAllowed); the
 * reopen's new deadline comes in with it (computed from the calendar at that moment).
 */
export function changeOf(m: Matter, input: ActionInput, by: Actor, eventId: string, now: Date): Change {
  const ev = (kind: MatterEvent['kind'], extra: Partial<MatterEvent> = {}): MatterEvent => event(eventId, kind, by, now, extra);
  switch (input.action) {
    case 'moderate': {
      const release = input.decision === 'release';
      // The matter now waits for its response like any other; a cadre has looked at its media.
      return {
        set: { status: 'open', public: release, listed: release, mediaCleared: true },
        event: ev(release ? 'released' : 'madePrivate', { internal: !release }),
      };
    }
    case 'respond': {
      const first = m.respondedAt === null;
      return {
        set: {
          status: 'responded',
          mediaCleared: true,
          armed: false,
          ...(first
            ? {
                respondedAt: now,
                respondedBy: by.id,
                respondedInTime: now.getTime() <= m.deadlineAt.getTime(),
                handlerId: m.handlerId ?? by.id,
              }
            : {}),
        },
        event: ev('responded', { text: input.text, photos: input.photos }),
      };
    }
    case 'note':
      return { set: {}, event: ev(input.publish ? 'summary' : 'note', { text: input.text, internal: !input.publish }) };
    case 'assign': {
      const dueAt = endOfChinaDay(input.assignee.dueDate);
      const assignee: StoredAssignee = { ...input.assignee, dueAt };
      return {
        set: {
          status: 'assigned',
          assignee,
          dueAt,
          armed: dueAt.getTime() > now.getTime(),
          ...(input.assigneeIsCadre && input.assignee.userId ? { handlerId: input.assignee.userId } : {}),
        },
        event: ev('assigned', { text: input.note, assignee: input.assignee.name, dueDate: input.assignee.dueDate }),
      };
    }
    case 'progress':
      return { set: {}, event: ev('progress', { text: input.text, photos: input.photos }) };
    case 'close':
      return {
        set: { status: 'closed', active: false, armed: false, closedAt: now },
        event: ev('closed', { text: input.text, photos: input.photos }),
      };
    case 'rate': {
      const rating = { stars: input.stars, comment: input.comment, at: now, round: m.round };
      return {
        set: { rating, stars: input.stars, ratings: [...m.ratings, rating] },
        event: ev('rated', { text: input.comment, stars: input.stars }),
      };
    }
    case 'reopen':
      // Back to the cadres with a new response deadline; the first round's figures stay as they were.
      return {
        set: {
          status: 'open',
          round: m.round + 1,
          reopens: m.reopens + 1,
          active: true,
          armed: true,
          dueAt: input.roundDeadlineAt,
          roundDeadlineAt: input.roundDeadlineAt,
          rating: null,
          stars: null,
          assignee: null,
          closedAt: null,
        },
        event: ev('reopened', { text: input.reason }),
      };
  }
}

/** Past its deadline (the response's, or the assignment's) and not done. */
export function isOverdue(m: Pick<Matter, 'active' | 'status' | 'dueAt'>, now: Date): boolean {
  return m.active && m.status !== 'responded' && now.getTime() > m.dueAt.getTime();
}

/** The overdue timer acts on it now. */
export function needsEscalation(m: Pick<Matter, 'armed' | 'active' | 'dueAt'>, now: Date): boolean {
  return m.armed && m.active && m.dueAt.getTime() <= now.getTime();
}

/** What escalation changes: the wait is over (it fires once), and it is in the timeline. */
export function escalationChange(m: Matter, now: Date, told: string[]): Change {
  const assigned = m.status === 'assigned' && m.assignee !== null;
  const text = assigned
    ? `交办给${m.assignee?.name ?? ''}的事项已超过办结期限（${m.assignee?.dueDate ?? ''}），已提醒承办人并报告村书记`
    : '超过两个工作日未答复，已报告村书记';
  const system: Actor = { id: 'system', name: '系统', role: 'system' };
  return {
    set: { armed: false, ...(m.respondedAt === null && m.round === 1 ? { respondedInTime: false } : {}) },
    event: event(`escalated-${m.round}-${m.dueAt.getTime()}`, 'escalated', system, now, { text, internal: false, told }),
  };
}

/** An assignment's due date: a real date, today (China time) or later, within a year. */
export function checkDueDate(dueDate: string, now: Date): void {
  if (!isDate(dueDate)) throw new AppError('COMMON.INVALID_INPUT', '日期格式不对');
  const today = chinaDate(now);
  if (dueDate < today) throw new AppError('COMMON.INVALID_INPUT', '办结日期不能早于今天');
  if (daysBetween(today, dueDate) > 366) throw new AppError('COMMON.INVALID_INPUT', '办结日期最多一年以内');
}
