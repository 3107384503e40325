// Who hears of new records: reviewers of the records waiting for them, and households of a deduction.
import { C } from '../shared/collections';
import { isHead } from '../shared/access';
import { userSchema, type Grid, type Village } from '../shared/village/model';
import type { PointRecord } from '../shared/points/model';
import { notify, thing } from '../shared/notify';
import { list } from '../shared/repo';
import { ROLE_NAMES } from '../shared/roles';
import { villageCadres } from './read';
import { _ } from '../shared/sdk';

async function tellReviewers(waiting: PointRecord[], recorder: string, village: Village, grids: Grid[]): Promise<void> {
  const first = waiting[0];
  if (!first) return;
  const nextLevel = village.settings.reviewLevels[first.level];
  const reviewers =
    nextLevel === 'gridLeader'
      ? [...new Set(waiting.map((r) => grids.find((g) => g._id === r.gridId)?.leaderUserId ?? ''))]
      : (await villageCadres(village._id)).map((u) => u._id);
  await Promise.all(
    reviewers.map((to) =>
      notify(to, 'reviewNeeded', 'packages/points/review/review', {
        thing1: thing(`${first.itemName}（${waiting.length}户）`),
        thing2: thing(recorder === 'self' ? '村民自报' : ROLE_NAMES.gridLeader),
      }),
    ),
  );
}

async function tellDeduction(written: PointRecord[]): Promise<void> {
  const first = written[0];
  if (!first || first.points >= 0) return;
  const heads = await list(C.users, { householdId: _.in(written.map((r) => r.householdId)) }, userSchema, { limit: 1000 });
  await Promise.all(
    heads
      .filter((u) => isHead(u))
      .map((u) =>
        notify(u._id, 'deduction', 'packages/points/archive/archive', {
          thing1: thing(first.itemName),
          number2: { value: String(first.points) },
          thing3: thing(first.reason),
        }),
      ),
  );
}

export async function tellRecorded(written: PointRecord[], recorder: string, village: Village, grids: Grid[]): Promise<void> {
  await Promise.all([
    tellReviewers(
      written.filter((r) => r.status === 'pending'),
      recorder,
      village,
      grids,
    ),
    tellDeduction(written),
  ]);
}
