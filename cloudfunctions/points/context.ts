// The village's rules as recording and reviewing need them, and the caller's village context.
import { C } from '../shared/collections';
import { chinaDate } from '../shared/china-time';
import { ruleSetSchema, type RuleSet } from '../shared/points/model';
import { list } from '../shared/repo';

export { villageContext, villageContextWith, type VillageContext } from '../shared/village-context';

/** Every adopted version of the village's rules, newest first. */
export function ruleSets(villageId: string): Promise<RuleSet[]> {
  return list(C.ruleSets, { villageId }, ruleSetSchema, { orderBy: ['version', 'desc'], limit: 100 });
}

/** The version in force on a China-time date: the newest whose effective date has come. */
export function inForce(sets: RuleSet[], date: string = chinaDate()): RuleSet | null {
  return sets.find((s) => s.effectiveFrom <= date) ?? null;
}
