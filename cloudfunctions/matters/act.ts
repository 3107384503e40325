// Every step after raising: 村委议 (moderate, respond, internal notes, a published summary),
// 多方办 (assign with a due date, progress, close with the result), 群众评 (rate, reopen once).
// Each is: read the matter, check the caller may take the step now, make it as one conditional
// update, tell whoever now waits. A step carries the client's key: retrying it finds the event it
// wrote and answers with the matter as it is, without doing it twice.
import type {
  MatterAssignRequest,
  MatterCloseRequest,
  MatterDetail,
  MatterModerateRequest,
  MatterNoteRequest,
  MatterProgressRequest,
  MatterRateRequest,
  MatterReopenRequest,
  MatterRespondRequest,
} from '../../typings';
import { requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import { responseDeadline } from '../shared/matters/deadline';
import type { Matter } from '../shared/matters/model';
import {
  accessOf,
  changeOf,
  checkDueDate,
  requireAllowed,
  roleOf,
  type Access,
  type ActionInput,
  type MatterAction,
} from '../shared/matters/policy';
import type { User } from '../shared/village/model';
import { currentUser, personIdOf, userOfPerson } from '../shared/users';
import { dayRulesFor, warnMissingYear } from './calendar';
import { afterChange, applyChange, eventId, readMatter } from './store';
import { tellAssignee, tellCadres, tellRaiser, tellRating } from './tell';
import { detailView } from './views';
import { isCadre } from '../shared/access';
import { currentTime } from '../shared/clock';

/** A matter the caller may see, or NOT_FOUND — whether it does not exist or is not theirs to see. */
export async function visibleMatter(user: User, id: string): Promise<{ m: Matter; access: Access }> {
  const m = await readMatter(id);
  const access = m ? accessOf(user, m) : null;
  if (!m || !access) throw new AppError('COMMON.NOT_FOUND', '没有找到这件说事');
  return { m, access };
}

interface Step {
  action: MatterAction;
  /** The matter and the client's key of the step. */
  req: { id: string; clientKey: string };
  /** The step's details, checked against the matter as read (may read more, or check text). */
  input: (m: Matter, user: User, now: Date) => Promise<ActionInput>;
  /** Who to tell, once the step is made. */
  after: (before: Matter, after: Matter) => Promise<void>;
}

const ATTEMPTS = 4;

async function step(s: Step, openid: string): Promise<MatterDetail> {
  const user = await currentUser(openid);
  const evId = eventId(s.action, s.req.clientKey);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const now = currentTime();
    const { m, access } = await visibleMatter(user, s.req.id);
    if (m.events.some((e) => e.id === evId)) return detailView(m, access, now);
    requireAllowed(m, access, s.action);
    const input = await s.input(m, user, now);
    const change = changeOf(
      m,
      input,
      { id: user._id, name: user.name, role: s.action === 'rate' || s.action === 'reopen' ? 'villager' : roleOf(user) },
      evId,
      now,
    );
    if (await applyChange(m, change)) {
      const next = afterChange(m, change);
      await s.after(m, next);
      return detailView(next, access, now);
    }
    // Someone changed it since it was read (or this is a double tap): read it again and re-check.
  }
  throw new AppError('MATTER.CHANGED');
}

const nothing = async (): Promise<void> => undefined;

/** Text that people other than its writer will read passes the content check (refused if risky). */
function clean(openid: string, text: string, scene: 2 | 3 = 3): Promise<void> {
  return requireCleanText(openid, text, scene);
}

export function moderate(req: MatterModerateRequest, openid: string): Promise<MatterDetail> {
  return step(
    {
      action: 'moderate',
      req,
      input: async () => ({ action: 'moderate', decision: req.decision }),
      after: (_b, m) => tellRaiser(m, req.decision === 'release' ? '已审核公开' : '已转为仅村干部可见', '等待村干部答复'),
    },
    openid,
  );
}

/**
 * A written step with photos (the answer, progress, the result): the text passes the content check,
 * and the raiser is told what was written and what comes next.
 */
function written(
  action: 'respond' | 'progress' | 'close',
  req: MatterRespondRequest | MatterProgressRequest | MatterCloseRequest,
  openid: string,
  tell: { label: string; next: string },
): Promise<MatterDetail> {
  const text = req.text.trim();
  return step(
    {
      action,
      req,
      input: async () => {
        await clean(openid, req.text);
        return { action, text, photos: req.photos ?? [] };
      },
      after: (_b, m) => tellRaiser(m, `${tell.label}：${text}`, tell.next),
    },
    openid,
  );
}

export function respond(req: MatterRespondRequest, openid: string): Promise<MatterDetail> {
  return written('respond', req, openid, { label: '答复', next: '村干部正在办理' });
}

export function note(req: MatterNoteRequest, openid: string): Promise<MatterDetail> {
  return step(
    {
      action: 'note',
      req,
      input: async () => {
        if (req.publish) await clean(openid, req.text);
        return { action: 'note', text: req.text.trim(), publish: req.publish };
      },
      after: req.publish ? (_b, m) => tellRaiser(m, `议事结果：${req.text.trim()}`, '村干部正在办理') : nothing,
    },
    openid,
  );
}

export function assign(req: MatterAssignRequest, openid: string): Promise<MatterDetail> {
  return step(
    {
      action: 'assign',
      req,
      input: async (m, _user, now) => {
        checkDueDate(req.dueDate, now);
        if (req.note) await clean(openid, req.note);
        if (req.assignee.kind === 'body') {
          const name = req.assignee.name.trim();
          if (!name) throw new AppError('COMMON.INVALID_INPUT', '请填写承办单位');
          await clean(openid, name);
          return {
            action: 'assign',
            assignee: { kind: 'body', userId: null, personId: null, name, dueDate: req.dueDate },
            assigneeIsCadre: false,
            note: req.note?.trim() ?? '',
          };
        }
        const person = await userOfPerson(req.assignee.personId, m.villageId);
        const eligible =
          person && person.villageId === m.villageId && person.roles.some((r) => r === 'cadre' || r === 'secretary' || r === 'gridLeader');
        if (!person || !eligible) throw new AppError('COMMON.INVALID_INPUT', '只能交办给本村的村干部或网格长');
        return {
          action: 'assign',
          assignee: { kind: 'person', userId: person._id, personId: personIdOf(person), name: person.name, dueDate: req.dueDate },
          assigneeIsCadre: isCadre(person),
          note: req.note?.trim() ?? '',
        };
      },
      after: async (_b, m) => {
        await Promise.all([tellAssignee(m), tellRaiser(m, `已交办：${m.assignee?.name ?? ''}`, `${m.assignee?.dueDate ?? ''}前办结`)]);
      },
    },
    openid,
  );
}

export function progress(req: MatterProgressRequest, openid: string): Promise<MatterDetail> {
  return written('progress', req, openid, { label: '进展', next: '村干部正在办理' });
}

export function close(req: MatterCloseRequest, openid: string): Promise<MatterDetail> {
  return written('close', req, openid, { label: '办结', next: '请为办理结果评价' });
}

export function rate(req: MatterRateRequest, openid: string): Promise<MatterDetail> {
  return step(
    {
      action: 'rate',
      req,
      input: async (m) => {
        const comment = req.comment?.trim() ?? '';
        if (comment && m.public) await clean(openid, comment, 2);
        return { action: 'rate', stars: req.stars, comment };
      },
      after: (_b, m) => tellRating(m, req.stars),
    },
    openid,
  );
}

export function reopen(req: MatterReopenRequest, openid: string): Promise<MatterDetail> {
  let uncovered: number[] = [];
  return step(
    {
      action: 'reopen',
      req,
      input: async (m, _user, now) => {
        if (m.public) await clean(openid, req.reason);
        const deadline = responseDeadline(now, await dayRulesFor(m.townId, m.villageId, now));
        uncovered = deadline.uncoveredYears;
        return { action: 'reopen', reason: req.reason.trim(), roundDeadlineAt: deadline.at };
      },
      after: async (_b, m) => {
        await Promise.all([
          ...uncovered.map((y) => warnMissingYear(m.townId, y, currentTime())),
          tellCadres(m, '群众不满意，申请重新办理'),
        ]);
      },
    },
    openid,
  );
}
