// Who hears of a review: cadres of records passed up to them; the household (its head, and whoever
// recorded it) when a record is finally decided. The households' users came with the first read.
import { isHead } from '../shared/access';
import type { PointRecord } from '../shared/points/model';
import { notify, thing } from '../shared/notify';
import { villageCadres, type PointsRead } from './read';

export async function tellOutcome(records: PointRecord[], read: PointsRead): Promise<void> {
  const passedUp = records.filter((r) => r.status === 'pending');
  if (passedUp.length) {
    const cadres = await villageCadres(read.village._id);
    await Promise.all(
      cadres.map((u) =>
        notify(u._id, 'reviewNeeded', 'packages/points/review/review', {
          thing1: thing(`积分待审核（${passedUp.length}条）`),
          thing2: thing('网格长初审通过'),
        }),
      ),
    );
  }
  const final = records.filter((r) => r.status !== 'pending');
  await Promise.all(
    final.flatMap((r) =>
      read.users
        .filter((u) => u.villageId === read.village._id && u.householdId === r.householdId && (u._id === r.recordedBy || isHead(u)))
        .map((u) =>
          notify(u._id, 'recordOutcome', 'packages/points/archive/archive', {
            thing1: thing(r.itemName),
            phrase2: { value: r.status === 'approved' ? '已通过' : '未通过' },
            number3: { value: String(r.points) },
          }),
        ),
    ),
  );
}
