// points.review: approve or reject pending records, one or a batch on one screen. Each record moves
// one review level (the secretary's approval is final); the last approval books it in the ledger.
// A batch runs one transaction per household, several households at once.
import type { ReviewRequest, ReviewResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { capCounterSchema, pointRecordSchema, type PointRecord } from '../shared/points/model';
import { userSchema, type User } from '../shared/village/model';
import { notify, thing } from '../shared/notify';
import { afterApproval, approvalDelta, canReview, capCounterId, capPeriodKey } from '../shared/points/policy';
import { hasInterest, isHead, isSecretary, isSupervisor } from '../shared/access';
import { list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { chinaDate, monthOf, yearOf } from '../shared/china-time';
import { bookingMonth, publishedMonths } from '../shared/notice/booking';
import { txGet, withTransaction, type Tx } from '../shared/tx';
import { inForce, ruleSets, villageContextWith } from './context';
import { applyLedger } from '../shared/points/ledger';
import { groupBy, HOUSEHOLDS_AT_ONCE, mapLimit } from '../shared/parallel';
import { currentTime } from '../shared/clock';

async function releaseCap(t: Tx, rec: PointRecord, cap: { period: 'month' | 'quarter' | 'year'; times: number } | null): Promise<void> {
  if (!cap) return;
  const id = capCounterId(rec.householdId, rec.itemCode, capPeriodKey(cap, rec.occurredOn));
  const raw = await txGet(t, C.pointCaps, id);
  if (raw)
    await t
      .collection(C.pointCaps)
      .doc(id)
      .set({ data: { count: Math.max(0, capCounterSchema.parse(raw).count - 1) } });
}

/** The village's cadres (the secretary is a cadre too). */
export function villageCadres(villageId: string): Promise<User[]> {
  return list(C.users, { villageId, roles: 'cadre' }, userSchema, { limit: 20 });
}

export async function review(req: ReviewRequest, openid: string): Promise<ReviewResult> {
  if (req.decision === 'reject' && !req.reason?.trim()) throw new AppError('COMMON.INVALID_INPUT', '驳回必须填写原因');
  const ids = [...new Set(req.recordIds)];
  const [{ user, village, grids }, [found, sets]] = await villageContextWith(openid, (_user, villageId) =>
    Promise.all([list(C.pointRecords, { _id: _.in(ids) }, pointRecordSchema, { limit: ids.length }), ruleSets(villageId)]),
  );
  const levels = village.settings.reviewLevels;
  // A supervisor signs off only where no cadre is free of the household: they need the cadres.
  const cadres = isSupervisor(user) ? await villageCadres(village._id) : [];
  const skipped: ReviewResult['skipped'] = [];
  for (const id of ids) if (!found.some((r) => r._id === id)) skipped.push({ id, message: '记录不存在' });
  const mine = found.filter((r) => {
    if (r.villageId !== village._id) skipped.push({ id: r._id, message: '不能审核其他村的记录' });
    else if (r.status !== 'pending') skipped.push({ id: r._id, message: '这条记录已经审核过了' });
    else if (hasInterest(user, r)) skipped.push({ id: r._id, message: '这条积分涉及您自己家或由您记录，请其他村干部审核' });
    else if (!canReview(user, r, levels, grids, cadres)) skipped.push({ id: r._id, message: '这条记录不归您审核' });
    else return true;
    return false;
  });
  const bySecretary = isSecretary(user);
  const now = currentTime();
  const currentMonth = monthOf(chinaDate(now));
  const published = await publishedMonths(
    village._id,
    mine.map((r) => r.month),
  );

  // One transaction per household, households side by side: a household's records share its
  // balance, so they are booked together; different households never touch the same documents.
  const outcomes = await mapLimit(
    groupBy(mine, (r) => r.householdId),
    HOUSEHOLDS_AT_ONCE,
    (records) =>
      withTransaction(async (t) => {
        const changed: PointRecord[] = [];
        const raced: ReviewResult['skipped'] = [];
        for (const seen of records) {
          // Read again inside the transaction: another reviewer may have acted since the list was read.
          const raw = await txGet(t, C.pointRecords, seen._id);
          const rec = raw ? pointRecordSchema.parse(raw) : null;
          if (!rec || rec.status !== 'pending' || rec.level !== seen.level) {
            raced.push({ id: seen._id, message: '这条记录刚被别人审核过了' });
            continue;
          }
          const role = bySecretary
            ? 'secretary'
            : isSupervisor(user) && levels[rec.level] === 'cadre'
              ? 'supervisor'
              : (levels[rec.level] ?? 'cadre');
          const step = { by: user._id, byName: user.name, role, reason: req.reason ?? '', at: now };
          if (req.decision === 'reject') {
            await t
              .collection(C.pointRecords)
              .doc(rec._id)
              .update({ data: { status: 'rejected', steps: _.push({ ...step, decision: 'rejected' }) } });
            const item = inForce(sets, rec.occurredOn)?.items.find((i) => i.code === rec.itemCode) ?? null;
            await releaseCap(t, rec, item?.cap ?? null);
            changed.push({ ...rec, status: 'rejected' });
            continue;
          }
          const next = afterApproval(rec, levels, bySecretary);
          // Approved after its month's notice was published: it counts in the current month's notice.
          const month = next.status === 'approved' ? bookingMonth(rec.month, published, currentMonth) : rec.month;
          const booked = { ...rec, ...next, month, year: yearOf(month) };
          await t
            .collection(C.pointRecords)
            .doc(rec._id)
            .update({
              data: { status: next.status, level: next.level, month, year: booked.year, steps: _.push({ ...step, decision: 'approved' }) },
            });
          if (next.status === 'approved') await applyLedger(t, booked, 'approve', approvalDelta(rec.points), user._id, now);
          changed.push(booked);
        }
        return { changed, raced };
      }),
  );
  const done = outcomes.flatMap((o) => o.changed);
  const raced = outcomes.flatMap((o) => o.raced);

  await tellOutcome(done, village._id);
  return { done: done.map((r) => r._id), skipped: [...skipped, ...raced] };
}

/** Cadres hear of records passed up to them; households when their record is finally decided. */
async function tellOutcome(records: PointRecord[], villageId: string): Promise<void> {
  const passedUp = records.filter((r) => r.status === 'pending');
  if (passedUp.length) {
    const cadres = await villageCadres(villageId);
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
  if (!final.length) return;
  const users = await list(C.users, { villageId, householdId: _.in([...new Set(final.map((r) => r.householdId))]) }, userSchema, {
    limit: 1000,
  });
  await Promise.all(
    final.flatMap((r) =>
      users
        .filter((u) => u.householdId === r.householdId && (u._id === r.recordedBy || isHead(u)))
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
