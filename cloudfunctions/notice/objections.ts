// Objections (异议) to a published notice: any villager of the village may object to a line with a
// reason while the notice is open; a cadre upholds (the record is corrected by a counter-record booked
// in the notice's month, and the notice is updated) or dismisses (with a reason). The objector is told.
import type { ObjectionView } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { noticeSchema, objectionSchema, type Notice, type Objection } from '../shared/notice/model';
import { pointRecordSchema } from '../shared/points/model';
import { userSchema, type User } from '../shared/village/model';
import { noticeId } from '../shared/notice/booking';
import { notify, thing } from '../shared/notify';
import { writeCounterRecord } from '../shared/points/counter';
import { keyedId, recordId } from '../shared/points/ids';
import { isCadre, requireNoInterest } from '../shared/access';
import { getById, list } from '../shared/repo';
import { db } from '../shared/sdk';
import { isDuplicateKey, txGet, txUpdate, withTransaction } from '../shared/tx';
import { lastDayOf } from '../shared/china-time';
import { objectionView } from './views';

export interface ObjectRequest {
  clientKey: string;
  month: string;
  householdId: string;
  recordId?: string;
  reason: string;
}

export async function object(user: User, villageId: string, req: ObjectRequest, now: Date): Promise<ObjectionView> {
  const notice = await getById(C.notices, noticeId(villageId, req.month), noticeSchema);
  if (!notice) throw new AppError('COMMON.NOT_FOUND', '这个月还没有公示');
  if (notice.status !== 'published' || now >= notice.closesAt) throw new AppError('COMMON.INVALID_INPUT', '公示期已经结束，不能再提异议');
  const line = notice.lines.find((l) => l.householdId === req.householdId);
  if (!line) throw new AppError('COMMON.NOT_FOUND', '公示中没有这一户');
  if (req.recordId && !line.items.some((i) => i.recordId === req.recordId))
    throw new AppError('COMMON.NOT_FOUND', '这一户的公示中没有这一项');
  const objection: Objection = {
    _id: keyedId('o', villageId, user._id, req.clientKey),
    villageId,
    month: req.month,
    objector: user._id,
    objectorName: user.name,
    householdId: req.householdId,
    recordId: req.recordId ?? null,
    reason: req.reason.trim(),
    status: 'open',
    resolution: '',
    resolvedBy: null,
    resolvedByName: '',
    counterRecordId: null,
    createdAt: now,
    resolvedAt: null,
  };
  try {
    await db.collection(C.objections).add({ data: objection });
  } catch (e) {
    const twin = isDuplicateKey(e) ? await getById(C.objections, objection._id, objectionSchema) : null;
    if (!twin) throw e;
    return objectionView(twin, notice, false);
  }
  const cadres = await list(C.users, { villageId, roles: 'cadre' }, userSchema, { limit: 20 });
  await Promise.all(
    cadres.map((c) =>
      notify(c._id, 'objectionRaised', `packages/notice/notice/notice?month=${req.month}`, {
        thing1: thing(`${req.month}公示异议`),
        thing2: thing(line.label),
      }),
    ),
  );
  return objectionView(objection, notice, false);
}

export interface ResolveRequest {
  objectionId: string;
  decision: 'uphold' | 'dismiss';
  reason: string;
  clientKey: string;
}

export async function resolve(user: User, villageId: string, req: ResolveRequest, now: Date): Promise<ObjectionView> {
  if (!isCadre(user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以处理异议');
  const found = await getById(C.objections, req.objectionId, objectionSchema);
  if (!found) throw new AppError('COMMON.NOT_FOUND', '异议不存在');
  if (found.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
  if (found.status !== 'open') {
    const notice = await getById(C.notices, noticeId(villageId, found.month), noticeSchema);
    return objectionView(found, notice, true);
  }
  // Separation of duties: not about one's own household, nor about a record one made.
  const disputed = found.recordId ? await getById(C.pointRecords, found.recordId, pointRecordSchema) : null;
  requireNoInterest(user, 'resolveObjection', { householdId: found.householdId, recordedBy: disputed?.recordedBy ?? null });
  const result = await withTransaction(async (t) => {
    const raw = await txGet(t, C.objections, found._id);
    const objection = raw ? objectionSchema.parse(raw) : null;
    if (objection?.status !== 'open') throw new AppError('COMMON.INVALID_INPUT', '这条异议刚被别人处理了');
    const rawNotice = await txGet(t, C.notices, noticeId(villageId, objection.month));
    const notice = rawNotice ? noticeSchema.parse(rawNotice) : null;
    if (notice?.status !== 'published') throw new AppError('COMMON.INVALID_INPUT', '公示已经结算，不能再改');
    let counterRecordId: string | null = null;
    let updated: Notice = notice;
    if (req.decision === 'uphold' && objection.recordId) {
      const counter = await writeCounterRecord(t, {
        counterId: recordId(villageId, req.clientKey, `objection:${objection._id}`),
        originalId: objection.recordId,
        villageId,
        by: user,
        reason: `异议成立：${req.reason}`,
        clientKey: req.clientKey,
        // Booked in the notice's own month, so the month settles corrected.
        bookedOn: lastDayOf(notice.month),
        now,
      });
      counterRecordId = counter._id;
      updated = {
        ...notice,
        version: notice.version + 1,
        lines: notice.lines.map((l) =>
          l.householdId === counter.householdId
            ? {
                ...l,
                total: l.total + counter.points,
                items: [
                  ...l.items,
                  { recordId: counter._id, itemName: counter.note, points: counter.points, occurredOn: counter.occurredOn },
                ],
              }
            : l,
        ),
      };
      await txUpdate(t, C.notices, notice._id, { version: updated.version, lines: updated.lines });
    }
    const resolved: Objection = {
      ...objection,
      status: req.decision === 'uphold' ? 'upheld' : 'dismissed',
      resolution: req.reason,
      resolvedBy: user._id,
      resolvedByName: user.name,
      counterRecordId,
      resolvedAt: now,
    };
    const { _id, ...data } = resolved;
    await t.collection(C.objections).doc(_id).set({ data });
    return { resolved, notice: updated };
  });
  await notify(result.resolved.objector, 'objectionResolved', `packages/notice/notice/notice?month=${result.resolved.month}`, {
    thing1: thing(`${result.resolved.month}公示异议`),
    phrase2: { value: result.resolved.status === 'upheld' ? '异议成立' : '不予采纳' },
    thing3: thing(req.reason),
  });
  return objectionView(result.resolved, result.notice, true);
}
