// Subscribe messages of 村民说事: each side hears what it is waiting for. Cadres: a new or reopened
// matter to answer (by when). The raiser: an answer, a published summary, an assignment, progress,
// the result (rate it). An assignee: the matter handed to them (by when). The handler (and the
// secretary for a poor rating): the villager's stars. Overdue: the assignee and the secretary.
import { C } from '../shared/collections';
import type { Matter } from '../shared/matters/model';
import { deadlineText, STATUS_NAMES, titleOf } from '../shared/matters/texts';
import { userSchema, type User } from '../shared/village/model';
import { notify, thing } from '../shared/notify';
import { list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { handlesMatter, isSecretary } from '../shared/access';

export const detailPage = (id: string): string => `packages/matters/detail/detail?id=${id}`;
const handlePage = (id: string): string => `packages/matters/handle/handle?id=${id}`;

export function villageCadres(villageId: string): Promise<User[]> {
  return list(C.users, { villageId, roles: _.in(['cadre', 'secretary']) }, userSchema, { limit: 50 });
}

/** Everyone who may handle the matter: the cadres, or for a complaint the secretary, supervisors and town admin. */
export async function handlersOf(m: Matter): Promise<User[]> {
  const [people, town] = await Promise.all([
    list(
      C.users,
      { villageId: m.villageId, roles: _.in(m.audience === 'village' ? ['cadre', 'secretary'] : ['cadre', 'secretary', 'supervisor']) },
      userSchema,
      { limit: 50 },
    ),
    m.audience === 'secretary' ? list(C.users, { townId: m.townId, roles: 'townAdmin' }, userSchema, { limit: 20 }) : Promise.resolve([]),
  ]);
  return [...people, ...town].filter((u) => handlesMatter(u, m));
}

/**
 * The cadres (or a complaint's handlers): a matter waits for their answer. `known`: the
 * village's cadres and secretaries when the caller has read them already (raise does), which are all
 * the handlers of an ordinary matter: no second read.
 */
export async function tellCadres(m: Matter, why: string, known?: User[]): Promise<void> {
  const cadres = known && m.audience === 'village' ? known.filter((u) => handlesMatter(u, m)) : await handlersOf(m);
  await Promise.all(
    cadres
      .filter((c) => c._id !== m.raisedBy)
      .map((c) =>
        notify(c._id, 'matterNew', handlePage(m._id), {
          thing1: thing(titleOf(m)),
          thing2: thing(why),
          thing3: thing(`${deadlineText(m.roundDeadlineAt)}前答复`),
        }),
      ),
  );
}

/** The raiser: what happened, and what they wait for now. */
export async function tellRaiser(m: Matter, what: string, next: string): Promise<void> {
  await notify(m.raisedBy, 'matterUpdate', detailPage(m._id), {
    thing1: thing(titleOf(m)),
    phrase2: { value: STATUS_NAMES[m.status] },
    thing3: thing(what),
    thing4: thing(next),
  });
}

export async function tellAssignee(m: Matter): Promise<void> {
  if (m.assignee?.kind !== 'person' || !m.assignee.userId) return;
  await notify(m.assignee.userId, 'matterAssigned', handlePage(m._id), {
    thing1: thing(titleOf(m)),
    date2: { value: m.assignee.dueDate },
    thing3: thing('请按期办结并上报进展'),
  });
}

export async function tellRating(m: Matter, stars: number): Promise<void> {
  const to = new Set<string>();
  if (m.handlerId) to.add(m.handlerId);
  if (stars <= 2) {
    const cadres = await villageCadres(m.villageId);
    for (const c of cadres) if (isSecretary(c) && handlesMatter(c, m)) to.add(c._id);
  }
  await Promise.all(
    [...to].map((u) =>
      notify(u, 'matterRated', detailPage(m._id), {
        thing1: thing(titleOf(m)),
        number2: { value: String(stars) },
        thing3: thing(stars <= 2 ? '群众不满意，请关注' : '群众已评价'),
      }),
    ),
  );
}

export async function tellOverdue(m: Matter, to: string[]): Promise<void> {
  await Promise.all(
    to.map((u) =>
      notify(u, 'matterOverdue', handlePage(m._id), {
        thing1: thing(titleOf(m)),
        thing2: thing(m.status === 'assigned' ? `承办：${m.assignee?.name ?? ''}` : '超过两个工作日未答复'),
        thing3: thing(m.status === 'assigned' ? `应于${m.assignee?.dueDate ?? ''}办结` : `期限${deadlineText(m.roundDeadlineAt)}`),
      }),
    ),
  );
}
