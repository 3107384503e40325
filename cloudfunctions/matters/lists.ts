// The reading side: the village's public list (newest first), my matters, the cadres' queue (by
// deadline, overdue first to catch the eye), one matter in detail, and whom a cadre may assign to.
// Each is the caller plus one indexed query.
import type { MatterAssigneesResult, MatterDetail, MatterPage, MatterQueue } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { accessOf, isOverdue, isVillageCadre } from '../shared/matters/policy';
import { userSchema, type User } from '../shared/village/model';
import { list as listDocs } from '../shared/repo';
import { ROLE_NAMES } from '../shared/roles';
import { _ } from '../shared/sdk';
import { currentUser, personIdOf, villageOf } from '../shared/users';
import { visibleMatter } from './act';
import { listRows, PAGE_SIZE } from './store';
import { detailView, summaryView } from './views';
import { isSupervisorOf, officeOf } from '../shared/access';
import { currentTime } from '../shared/clock';

const MAX_PAGE = 50;
/** The queue is read a hundred at a time: a village rarely has more open at once. */
const QUEUE_SIZE = 100;

function skipOf(page: number | undefined, size = PAGE_SIZE): number {
  const p = page ?? 0;
  if (p > MAX_PAGE) throw new AppError('COMMON.INVALID_INPUT', '没有更多了');
  return p * size;
}

/** Public matters of the caller's village, newest first; held and private ones are never here. */
export async function publicList(page: number | undefined, openid: string): Promise<MatterPage> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const rows = await listRows({ villageId, listed: true }, ['raisedAt', 'desc'], PAGE_SIZE + 1, skipOf(page));
  const now = currentTime();
  const items = rows.slice(0, PAGE_SIZE).flatMap((m) => {
    const access = accessOf(user, m);
    return access ? [summaryView(m, access, now)] : [];
  });
  return { items, hasMore: rows.length > PAGE_SIZE };
}

export async function mine(page: number | undefined, openid: string): Promise<MatterPage> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const rows = await listRows({ raisedBy: user._id }, ['raisedAt', 'desc'], PAGE_SIZE + 1, skipOf(page));
  const now = currentTime();
  const items = rows
    .slice(0, PAGE_SIZE)
    .filter((m) => m.villageId === villageId)
    .map((m) => summaryView(m, { mine: true, cadre: isVillageCadre(user, villageId), assignee: false }, now));
  return { items, hasMore: rows.length > PAGE_SIZE };
}

/** The cadres' queue: every matter not closed, soonest deadline first (overdue ones lead). */
export async function queue(page: number | undefined, openid: string): Promise<MatterQueue> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  if (!isVillageCadre(user, villageId) && !isSupervisorOf(user, villageId)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以查看待办');
  const rows = await listRows({ villageId, active: true }, ['dueAt', 'asc'], QUEUE_SIZE + 1, skipOf(page, QUEUE_SIZE));
  const now = currentTime();
  // A complaint about cadres is in the queue of those who judge it only (a supervisor sees only those).
  const shown = rows.slice(0, QUEUE_SIZE).filter((m) => accessOf(user, m)?.cadre === true);
  return {
    items: shown.map((m) => summaryView(m, { mine: m.raisedBy === user._id, cadre: true, assignee: false }, now)),
    overdue: shown.filter((m) => isOverdue(m, now)).length,
    hasMore: rows.length > QUEUE_SIZE,
  };
}

export async function detail(id: string, openid: string): Promise<MatterDetail> {
  const user = await currentUser(openid);
  const { m, access } = await visibleMatter(user, id);
  return detailView(m, access, currentTime());
}

/** The people a cadre may hand a matter to: the village's cadres and grid leaders. */
export async function assignees(openid: string): Promise<MatterAssigneesResult> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  if (!isVillageCadre(user, villageId)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以交办');
  const people = await listDocs(C.users, { villageId, roles: _.in(['secretary', 'cadre', 'gridLeader']) }, userSchema, { limit: 100 });
  const rank = (p: User): number => ({ secretary: 0, cadre: 1, gridLeader: 2, villager: 3 })[officeOf(p)];
  return {
    people: people
      .filter((p) => p.status === 'active')
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'))
      .map((p) => ({
        personId: personIdOf(p),
        name: p.name,
        roleName: ROLE_NAMES[officeOf(p) === 'villager' ? 'gridLeader' : officeOf(p)],
      })),
  };
}
