// A counter-record: the correction of an approved record by its opposite points, booked in the month
// given (the current month, or the open notice's month when an objection is upheld). The original is
// kept and linked to it; nothing is deleted.
import { C } from '../collections';
import { yearOf } from '../china-time';
import { AppError } from '../errors';
import { pointRecordSchema, type PointRecord } from './model';
import type { User } from '../village/model';
import { _ } from '../sdk';
import { txGet, txUpdate, type Tx } from '../tx';
import { applyLedger } from './ledger';
import { approvalDelta } from './policy';

export interface Correction {
  counterId: string;
  originalId: string;
  villageId: string;
  by: User;
  reason: string;
  clientKey: string;
  /** YYYY-MM-DD the correction is dated; its month is the month it is booked in. */
  bookedOn: string;
  now: Date;
}

export async function writeCounterRecord(t: Tx, c: Correction): Promise<PointRecord> {
  const raw = await txGet(t, C.pointRecords, c.originalId);
  const original = raw ? pointRecordSchema.parse(raw) : null;
  if (!original) throw new AppError('COMMON.NOT_FOUND', '记录不存在');
  if (original.villageId !== c.villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  if (original.status !== 'approved') throw new AppError('COMMON.INVALID_INPUT', '只有已通过的记录需要更正；待审核的请直接驳回');
  if (original.reverses) throw new AppError('COMMON.INVALID_INPUT', '更正记录不能再更正');
  if (original.reversedBy) throw new AppError('COMMON.INVALID_INPUT', '这条记录已经更正过了');
  const step = { by: c.by._id, byName: c.by.name, role: 'cadre', decision: 'reversed' as const, reason: c.reason, at: c.now };
  const rec: PointRecord = {
    ...original,
    _id: c.counterId,
    points: -original.points,
    occurredOn: c.bookedOn,
    month: c.bookedOn.slice(0, 7),
    year: yearOf(c.bookedOn),
    status: 'approved',
    source: 'cadre',
    recordedBy: c.by._id,
    recordedByName: c.by.name,
    proxyFor: null,
    note: `更正：${original.itemName}（${original.occurredOn}）`,
    reason: c.reason,
    evidence: [],
    reverses: original._id,
    reversedBy: null,
    settled: false,
    steps: [step],
    clientKey: c.clientKey,
    createdAt: c.now,
  };
  await t.collection(C.pointRecords).add({ data: rec });
  await txUpdate(t, C.pointRecords, original._id, { reversedBy: c.counterId, steps: _.push(step) });
  // The counter-record is a new approved record of its booking month: its points are pending until
  // that month settles, whether or not the original's month has settled already.
  await applyLedger(t, rec, 'reverse', approvalDelta(rec.points), c.by._id, c.now);
  return rec;
}
