// points.queue: the records waiting for the caller's review, oldest first, on one screen.
import type { QueueResult } from '../../typings';
import { C } from '../shared/collections';
import { pointRecordSchema } from '../shared/points/model';
import { canReview } from '../shared/points/policy';
import { isCadre, isSecretary, isSupervisor, microGridsLedBy } from '../shared/access';
import { villageCadres } from './read';
import { list } from '../shared/repo';
import { AppError } from '../shared/errors';
import { villageContext } from './context';
import { recordViewFor } from './views';

export async function queue(openid: string): Promise<QueueResult> {
  const { user, village, grids } = await villageContext(openid);
  const levels = village.settings.reviewLevels;
  const supervisor = isSupervisor(user);
  const myLevels = levels.flatMap((l, i) =>
    isSecretary(user) || (l === 'cadre' && (isCadre(user) || supervisor)) || (l === 'gridLeader' && microGridsLedBy(user, grids).length)
      ? [i]
      : [],
  );
  if (!myLevels.length) throw new AppError('AUTH.FORBIDDEN', '您不是审核人');
  const cadres = supervisor ? await villageCadres(village._id) : [];
  const pending = await Promise.all(
    myLevels.map((level) =>
      list(C.pointRecords, { villageId: village._id, status: 'pending', level }, pointRecordSchema, {
        orderBy: ['createdAt', 'asc'],
        limit: 200,
      }),
    ),
  );
  return {
    records: pending
      .flat()
      .filter((r) => canReview(user, r, levels, grids, cadres))
      .map((r) => recordViewFor(r, isCadre(user))),
  };
}
