// What waits for whom on the village home: which counts apply to the caller's roles, and which
// pending point records are theirs to review (the same rule as points.queue, as index-backed counts).
import { isCadre, isKeeper, isSecretary, isSupervisor } from '../access';
import type { User, VillageSettings } from '../village/model';

export type WaitingKey =
  | 'reviews'
  | 'mattersNearDeadline'
  | 'objections'
  | 'heldComments'
  | 'financeToSignOff'
  | 'financeToPublish'
  | 'mattersOverdue'
  | 'pickups';

/** A matter whose deadline is within this long (or past) is "near its deadline". */
export const NEAR_DEADLINE_MS = 24 * 3600 * 1000;

/** Matter states that wait for the cadres (a responded matter waits for its handling, not an answer). */
export const WAITING_MATTER_STATES = ['held', 'open', 'assigned'] as const;

/** The counts that apply to the user, in the order the home page shows them. */
export function waitingKeys(user: User, ledGrids: string[]): WaitingKey[] {
  const keys: WaitingKey[] = [];
  if (isCadre(user) || ledGrids.length) keys.push('reviews');
  if (isCadre(user)) keys.push('mattersNearDeadline', 'objections');
  if (isSecretary(user)) keys.push('heldComments');
  if (isSupervisor(user)) keys.push('financeToSignOff');
  if (isCadre(user)) keys.push('financeToPublish', 'mattersOverdue');
  if (isKeeper(user)) keys.push('pickups');
  return keys;
}

export interface ReviewScope {
  levels: number[];
  /** Only records of these micro grids (a grid leader's), or every grid. */
  gridIds: string[] | null;
}

/**
 * The pending records the user reviews, as disjoint scopes of (level, grid): the secretary has the
 * final say at any level, a cadre acts at the cadre levels, a grid leader at the grid-leader levels
 * for the grids they lead.
 */
export function reviewScopes(user: User, levels: VillageSettings['reviewLevels'], ledGrids: string[]): ReviewScope[] {
  const all = levels.map((_, i) => i);
  if (isSecretary(user)) return all.length ? [{ levels: all, gridIds: null }] : [];
  const scopes: ReviewScope[] = [];
  const cadreLevels = isCadre(user) ? all.filter((i) => levels[i] === 'cadre') : [];
  if (cadreLevels.length) scopes.push({ levels: cadreLevels, gridIds: null });
  const leaderLevels = ledGrids.length ? all.filter((i) => levels[i] === 'gridLeader') : [];
  if (leaderLevels.length) scopes.push({ levels: leaderLevels, gridIds: ledGrids });
  return scopes;
}
