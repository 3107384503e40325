// The village home in one call: what is new (letters, notice board items, chronicle), the caller's
// household and its points, and for cadres, grid leaders, the secretary and the supervisor what waits
// for them — each an indexed count, run together, so the cost does not grow with the village.
import type { HomeHousehold, HomeResult, HomeWaiting } from '../../typings';
import { C } from '../shared/collections';
import { balanceSchema, gridSchema, householdSchema, type User, type Village } from '../shared/model';
import { count, getById, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { boardItemSchema, letterSchema } from '../shared/board/model';
import { NEAR_DEADLINE_MS, WAITING_MATTER_STATES, reviewScopes, waitingKeys, type WaitingKey } from '../shared/board/waiting';
import { readerFor } from './context';
import { itemSummary, letterSummary } from './views';

const LATEST = 3;

async function household(user: User): Promise<HomeHousehold | null> {
  if (!user.householdId) return null;
  const [h, b] = await Promise.all([getById(C.households, user.householdId, householdSchema), getById(C.balances, user.householdId, balanceSchema)]);
  if (!h) return null;
  return { id: h._id, label: `${h.no}（户主 ${h.headName}）`, earned: b?.earned ?? 0, available: b?.available ?? 0, pending: b?.pending ?? 0 };
}

async function ledGrids(user: User, villageId: string): Promise<string[]> {
  if (!user.roles.includes('gridLeader')) return [];
  const grids = await list(C.grids, { villageId, kind: 'micro' }, gridSchema, { limit: 1000 });
  return grids.filter((g) => g.leaderUserId === user._id).map((g) => g._id);
}

async function waiting(user: User, village: Village, now: Date): Promise<HomeWaiting | null> {
  const villageId = village._id;
  const led = await ledGrids(user, villageId);
  const keys = new Set(waitingKeys(user, led));
  if (!keys.size) return null;
  const when = (key: WaitingKey, run: () => Promise<number>): Promise<number | null> => (keys.has(key) ? run() : Promise.resolve(null));
  const [reviews, mattersNearDeadline, objections, heldComments, financeToSignOff, financeToPublish] = await Promise.all([
    when('reviews', async () => {
      const scopes = reviewScopes(user, village.settings.reviewLevels, led);
      const counts = await Promise.all(
        scopes.map((s) => count(C.pointRecords, { villageId, status: 'pending', level: _.in(s.levels), ...(s.gridIds ? { gridId: _.in(s.gridIds) } : {}) })),
      );
      return counts.reduce((a, b) => a + b, 0);
    }),
    when('mattersNearDeadline', () =>
      count(C.matters, { villageId, active: true, dueAt: _.lte(new Date(now.getTime() + NEAR_DEADLINE_MS)), status: _.in([...WAITING_MATTER_STATES]) }),
    ),
    when('objections', () => count(C.objections, { villageId, status: 'open' })),
    when('heldComments', () => count(C.boardComments, { villageId, status: 'held' })),
    when('financeToSignOff', () => count(C.boardItems, { villageId, kind: 'finance', status: 'draft', signOff: null })),
    when('financeToPublish', () => count(C.boardItems, { villageId, kind: 'finance', status: 'draft', signOff: _.neq(null) })),
  ]);
  return { reviews, mattersNearDeadline, objections, heldComments, financeToSignOff, financeToPublish };
}

export async function home(openid: string, villageId: string | undefined): Promise<HomeResult> {
  const reader = await readerFor(openid, villageId);
  const { viewer } = reader;
  const id = reader.village._id;
  const member = viewer.member ? reader.user : null;
  const [letters, items, chronicle, mine, waits] = await Promise.all([
    list(C.boardLetters, { villageId: id, status: 'published' }, letterSchema, { orderBy: ['publishedAt', 'desc'], limit: LATEST }),
    list(C.boardItems, { villageId: id, status: 'published', kind: _.in(['party', 'village', 'finance', 'notice']) }, boardItemSchema, { orderBy: ['publishedAt', 'desc'], limit: LATEST }),
    list(C.boardItems, { villageId: id, kind: 'chronicle', status: 'published' }, boardItemSchema, { orderBy: ['eventDate', 'desc'], limit: LATEST }),
    member ? household(member) : Promise.resolve(null),
    member ? waiting(member, reader.village, new Date()) : Promise.resolve(null),
  ]);
  return {
    village: reader.ref,
    viewer,
    letters: letters.map((l) => letterSummary(l, viewer)),
    items: items.map((i) => itemSummary(i, viewer)),
    chronicle: chronicle.map((i) => itemSummary(i, viewer)),
    household: mine,
    waiting: waits,
  };
}
