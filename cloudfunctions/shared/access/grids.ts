// The grids and households someone leads. Two questions with two names: which 微网格 they lead (a
// list of micro grid ids), and which grids are in their care (the 微网格 or 联户小组 they lead plus
// the 联户小组 inside a 微网格 they lead).
import type { Grid, Household, User } from '../village/model';

/** Ids of the 微网格 the user leads (only micro grids, whatever else `grids` holds). */
export function microGridsLedBy(user: Pick<User, '_id'>, grids: Grid[]): string[] {
  return grids.filter((g) => g.kind === 'micro' && g.leaderUserId === user._id).map((g) => g._id);
}

/** Ids of every grid in the user's care: the grids of their village they lead, and the 联户小组 inside a led 微网格. */
export function gridsInCareOf(user: Pick<User, '_id' | 'villageId'>, grids: Grid[]): Set<string> {
  const led = new Set(grids.filter((g) => g.leaderUserId === user._id && g.villageId === user.villageId).map((g) => g._id));
  for (const g of grids) if (g.parentId && led.has(g.parentId)) led.add(g._id);
  return led;
}

/** Whether the household lies in a grid the user leads. */
export function leadsHousehold(
  user: Pick<User, '_id' | 'villageId'>,
  household: Pick<Household, 'gridId' | 'groupId'>,
  grids: Grid[],
): boolean {
  const care = gridsInCareOf(user, grids);
  return care.has(household.gridId) || care.has(household.groupId);
}
