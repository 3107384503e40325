// points.reverse: a cadre corrects an approved record with a counter-record of the opposite points.
// Nothing is deleted; the original keeps a link to its reversal.
import type { RecordView, ReverseRequest } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, monthOf, yearOf } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { pointRecordSchema, type PointRecord } from '../shared/model';
import { isCadre, reversalDelta } from '../shared/points/policy';
import { _ } from '../shared/sdk';
import { isDuplicateKey, txGet, withTransaction } from '../shared/tx';
import { getById } from '../shared/repo';
import { villageContext } from './context';
import { applyLedger } from './ledger';
import { recordId } from './record';
import { recordView } from './views';

export async function reverse(req: ReverseRequest, openid: string): Promise<RecordView> {
  const { user, village } = await villageContext(openid);
  if (!isCadre(user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以更正积分记录');
  const counterId = recordId(village._id, req.clientKey, `reverse:${req.recordId}`);
  const already = await getById(C.pointRecords, counterId, pointRecordSchema);
  if (already) return recordView(already);
  const now = new Date();
  const today = chinaDate();
  try {
    const counter = await withTransaction(async (t) => {
      const raw = await txGet(t, C.pointRecords, req.recordId);
      const original = raw ? pointRecordSchema.parse(raw) : null;
      if (!original) throw new AppError('COMMON.NOT_FOUND', '记录不存在');
      if (original.villageId !== village._id) throw new AppError('AUTH.OTHER_VILLAGE');
      if (original.status !== 'approved') throw new AppError('COMMON.INVALID_INPUT', '只有已通过的记录需要更正；待审核的请直接驳回');
      if (original.reverses) throw new AppError('COMMON.INVALID_INPUT', '更正记录不能再更正');
      if (original.reversedBy) throw new AppError('COMMON.INVALID_INPUT', '这条记录已经更正过了');
      const rec: PointRecord = {
        ...original,
        _id: counterId,
        points: -original.points,
        // The counter-record books in the month it is made, so a settled month's notice stays as published.
        occurredOn: today,
        month: monthOf(today),
        year: yearOf(today),
        status: 'approved',
        level: original.level,
        source: 'cadre',
        recordedBy: user._id,
        recordedByName: user.name,
        proxyFor: null,
        note: `更正：${original.itemName}（${original.occurredOn}）`,
        reason: req.reason,
        evidence: [],
        reverses: original._id,
        reversedBy: null,
        settled: false,
        steps: [{ by: user._id, byName: user.name, role: 'cadre', decision: 'reversed', reason: req.reason, at: now }],
        clientKey: req.clientKey,
        createdAt: now,
      };
      await t.collection(C.pointRecords).add({ data: rec });
      await t.collection(C.pointRecords).doc(original._id).update({
        data: { reversedBy: counterId, steps: _.push({ by: user._id, byName: user.name, role: 'cadre', decision: 'reversed', reason: req.reason, at: now }) },
      });
      // The correction counts against the year the original was scored in.
      await applyLedger(t, { ...rec, year: original.year }, 'reverse', reversalDelta(original), user._id, now);
      return rec;
    });
    return recordView(counter);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const twin = await getById(C.pointRecords, counterId, pointRecordSchema);
    if (!twin) throw e;
    return recordView(twin);
  }
}
