// What recording and reviewing need to know about the caller's village, loaded in parallel.
import { C } from '../shared/collections';
import { chinaDate } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { gridSchema, ruleSetSchema, villageSchema, type Grid, type RuleSet, type User, type Village } from '../shared/model';
import { getById, list } from '../shared/repo';
import { currentUser, villageOf } from '../shared/users';

export interface VillageContext {
  user: User;
  village: Village;
  grids: Grid[];
}

export async function villageContext(openid: string): Promise<VillageContext> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const [village, grids] = await Promise.all([
    getById(C.villages, villageId, villageSchema),
    list(C.grids, { villageId, kind: 'micro' }, gridSchema, { limit: 1000 }),
  ]);
  if (!village) throw new AppError('AUTH.NOT_JOINED');
  return { user, village, grids };
}

/** Every adopted version of the village's rules, newest first. */
export function ruleSets(villageId: string): Promise<RuleSet[]> {
  return list(C.ruleSets, { villageId }, ruleSetSchema, { orderBy: ['version', 'desc'], limit: 100 });
}

/** The version in force on a China-time date: the newest whose effective date has come. */
export function inForce(sets: RuleSet[], date: string = chinaDate()): RuleSet | null {
  return sets.find((s) => s.effectiveFrom <= date) ?? null;
}
