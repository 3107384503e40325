// points.reverse: a cadre corrects an approved record with a counter-record of the opposite points,
// booked today. Nothing is deleted; the original keeps a link to its correction.
import type { RecordView, ReverseRequest } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { pointRecordSchema } from '../shared/points/model';
import { writeCounterRecord } from '../shared/points/counter';
import { recordId } from '../shared/points/ids';
import { isCadre, requireNoInterest } from '../shared/access';
import { getById } from '../shared/repo';
import { isDuplicateKey, withTransaction } from '../shared/tx';
import { villageContext } from './context';
import { recordView } from './views';
import { currentTime } from '../shared/clock';

export async function reverse(req: ReverseRequest, openid: string): Promise<RecordView> {
  const { user, village } = await villageContext(openid);
  if (!isCadre(user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以更正积分记录');
  const counterId = recordId(village._id, req.clientKey, `reverse:${req.recordId}`);
  const [already, original] = await Promise.all([
    getById(C.pointRecords, counterId, pointRecordSchema),
    getById(C.pointRecords, req.recordId, pointRecordSchema),
  ]);
  if (already) return recordView(already);
  // Separation of duties: nobody corrects their own household's points (the original is re-read, and
  // its household cannot change, inside the transaction).
  if (original) requireNoInterest(user, 'reverse', { householdId: original.householdId });
  const correction = {
    counterId,
    originalId: req.recordId,
    villageId: village._id,
    by: user,
    reason: req.reason,
    clientKey: req.clientKey,
    bookedOn: chinaDate(),
    now: currentTime(),
  };
  try {
    return recordView(await withTransaction((t) => writeCounterRecord(t, correction)));
  } catch (e) {
    // A double tap: the twin wrote the same correction first.
    const twin = isDuplicateKey(e) ? await getById(C.pointRecords, counterId, pointRecordSchema) : null;
    if (!twin) throw e;
    return recordView(twin);
  }
}
