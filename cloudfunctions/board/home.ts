// The village home in one call: what is new (letters, notice board items, chronicle), the caller's
// household and its points, and for cadres, grid leaders, the secretary and the supervisor what waits
// for them — each an indexed count, run together, so the cost does not grow with the village. 首页
// gets the same through account.home, in its one call.
import type { BoardVillage, HomeHousehold, HomeResult, HomeWaiting } from '../../typings';
import { C } from '../shared/collections';
import { balanceSchema } from '../shared/points/model';
import { gridSchema, householdSchema, type Grid, type Household, type User, type Village } from '../shared/village/model';
import { AppError } from '../shared/errors';
import { isMemberOf, viewerOf } from '../shared/board/policy';
import { count, getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { boardItemSchema, letterSchema } from '../shared/board/model';
import { NEAR_DEADLINE_MS, WAITING_MATTER_STATES, reviewScopes, waitingKeys, type WaitingKey } from '../shared/board/waiting';
import { optionalUser, villageRef } from './context';
import { itemSummary, letterSummary } from './views';
import { isGridLeader, microGridsLedBy } from '../shared/access';
import { currentTime } from '../shared/clock';

const LATEST = 3;

async function household(user: User, read: Promise<Household | null> | null): Promise<HomeHousehold | null> {
  if (!user.householdId) return null;
  const [h, b] = await Promise.all([
    read ?? getById(C.households, user.householdId, householdSchema),
    getById(C.balances, user.householdId, balanceSchema),
  ]);
  if (!h) return null;
  return {
    id: h._id,
    label: `${h.no}（户主 ${h.headName}）`,
    earned: b?.earned ?? 0,
    available: b?.available ?? 0,
    pending: b?.pending ?? 0,
  };
}

async function waiting(user: User, village: Village, led: string[], now: Date): Promise<HomeWaiting | null> {
  const villageId = village._id;
  const keys = new Set(waitingKeys(user, led));
  if (!keys.size) return null;
  const when = (key: WaitingKey, run: () => Promise<number>): Promise<number | null> => (keys.has(key) ? run() : Promise.resolve(null));
  const [reviews, mattersNearDeadline, objections, heldComments, financeToSignOff, financeToPublish, mattersOverdue, pickups] =
    await Promise.all([
      when('reviews', async () => {
        const scopes = reviewScopes(user, village.settings.reviewLevels, led);
        const counts = await Promise.all(
          scopes.map((s) =>
            count(C.pointRecords, {
              villageId,
              status: 'pending',
              level: _.in(s.levels),
              ...(s.gridIds ? { gridId: _.in(s.gridIds) } : {}),
            }),
          ),
        );
        return counts.reduce((a, b) => a + b, 0);
      }),
      when('mattersNearDeadline', () =>
        count(C.matters, {
          villageId,
          active: true,
          dueAt: _.lte(new Date(now.getTime() + NEAR_DEADLINE_MS)),
          status: _.in([...WAITING_MATTER_STATES]),
        }),
      ),
      when('objections', () => count(C.objections, { villageId, status: 'open' })),
      when('heldComments', () => count(C.boardComments, { villageId, status: 'held' })),
      when('financeToSignOff', () => count(C.boardItems, { villageId, kind: 'finance', status: 'draft', signOff: null })),
      when('financeToPublish', () => count(C.boardItems, { villageId, kind: 'finance', status: 'draft', signOff: _.neq(null) })),
      when('mattersOverdue', () =>
        count(C.matters, { villageId, active: true, dueAt: _.lt(now), status: _.in([...WAITING_MATTER_STATES]) }),
      ),
      when('pickups', () => count(C.shopOrders, { villageId, status: 'open' })),
    ]);
  return { reviews, mattersNearDeadline, objections, heldComments, financeToSignOff, financeToPublish, mattersOverdue, pickups };
}

/** The village's micro grids (微网格), read once for the grid leader's waiting work and 首页's grid name. */
export function microGrids(villageId: string): Promise<Grid[]> {
  return list(C.grids, { villageId, kind: 'micro' }, gridSchema, { limit: 1000 });
}

/**
 * The village home of `villageId` for `user` (null: public mode). Every read that needs only the ids
 * starts at once, alongside the village (`village`, already under way); only the waiting counts,
 * which need the village's review levels, come after: two round trips after the user's.
 */
export async function villageHome(
  user: User | null,
  villageId: string,
  village: Promise<{ village: Village; ref: BoardVillage }>,
  grids: () => Promise<Grid[]>,
  /** The caller's household document when already being read (首页 shows it too). */
  householdRead: Promise<Household | null> | null = null,
): Promise<HomeResult> {
  const viewer = viewerOf(user, villageId);
  const member = isMemberOf(user, villageId) ? user : null;
  const [letters, items, chronicle, mine, v, led] = await Promise.all([
    list(C.boardLetters, { villageId, status: 'published' }, letterSchema, { orderBy: ['publishedAt', 'desc'], limit: LATEST }),
    list(C.boardItems, { villageId, status: 'published', kind: _.in(['party', 'village', 'finance', 'notice']) }, boardItemSchema, {
      orderBy: ['publishedAt', 'desc'],
      limit: LATEST,
    }),
    list(C.boardItems, { villageId, kind: 'chronicle', status: 'published' }, boardItemSchema, {
      orderBy: ['eventDate', 'desc'],
      limit: LATEST,
    }),
    member ? household(member, householdRead) : Promise.resolve(null),
    village,
    member && isGridLeader(member) ? grids().then((gs) => microGridsLedBy(member, gs)) : Promise.resolve([]),
  ]);
  const waits = member ? await waiting(member, v.village, led, currentTime()) : null;
  return {
    village: v.ref,
    viewer,
    letters: letters.map((l) => letterSummary(l, viewer)),
    items: items.map((i) => itemSummary(i, viewer)),
    chronicle: chronicle.map((i) => itemSummary(i, viewer)),
    household: mine,
    waiting: waits,
  };
}

export async function home(openid: string, villageId: string | undefined): Promise<HomeResult> {
  if (villageId) {
    const refP = villageRef(villageId);
    refP.catch(() => undefined);
    const user = await optionalUser(openid);
    return villageHome(user, villageId, refP, () => microGrids(villageId));
  }
  const user = await optionalUser(openid);
  if (!user?.villageId) throw new AppError('AUTH.NOT_JOINED');
  const id = user.villageId;
  return villageHome(user, id, villageRef(id, user.townId), () => microGrids(id));
}
