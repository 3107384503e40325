// points.review: approve or reject pending records, one or a batch on one screen. Each record moves
// one review level (the secretary's approval is final); the last approval books it in the ledger.
// read (one aggregation) → allowed? (shared/points/policy) → write (review-write: one transaction
// per household, several households at once) → tell → answer.
import type { ReviewRequest, ReviewResult } from '../../typings';
import { AppError } from '../shared/errors';
import type { PointRecord } from '../shared/points/model';
import type { User } from '../shared/village/model';
import { canReview, capCounterId } from '../shared/points/policy';
import { hasInterest, isSecretary, isSupervisor } from '../shared/access';
import { withTransaction } from '../shared/tx';
import { groupBy, HOUSEHOLDS_AT_ONCE, mapLimit } from '../shared/parallel';
import { currentTime } from '../shared/clock';
import { inForce } from './context';
import { readForPoints, villageCadres, type PointsRead } from './read';
import { reviewHousehold, type Decision } from './review-write';
import { tellOutcome } from './review-tell';

/** Why a record the caller named is not theirs to review now, or null when it is. */
function refusal(r: PointRecord, read: PointsRead, cadres: User[]): string | null {
  const { user, village, grids } = read;
  if (r.villageId !== village._id) return '不能审核其他村的记录';
  if (r.status !== 'pending') return '这条记录已经审核过了';
  if (hasInterest(user, r)) return '这条积分涉及您自己家或由您记录，请其他村干部审核';
  if (!canReview(user, r, village.settings.reviewLevels, grids, cadres)) return '这条记录不归您审核';
  return null;
}

function decisionOf(req: ReviewRequest, read: PointsRead): Decision {
  const { user, village, sets } = read;
  const levels = village.settings.reviewLevels;
  const bySecretary = isSecretary(user);
  return {
    decision: req.decision,
    reason: req.reason ?? '',
    user,
    bySecretary,
    levels,
    now: currentTime(),
    roleAt: (level) => {
      if (bySecretary) return 'secretary';
      return isSupervisor(user) && levels[level] === 'cadre' ? 'supervisor' : (levels[level] ?? 'cadre');
    },
    capOf: (rec) => {
      const cap = inForce(sets, rec.occurredOn)?.items.find((i) => i.code === rec.itemCode)?.cap;
      return cap ? capCounterId(rec.householdId, rec.itemCode, cap.period, rec.occurredOn) : null;
    },
  };
}

export async function review(req: ReviewRequest, openid: string): Promise<ReviewResult> {
  if (req.decision === 'reject' && !req.reason?.trim()) throw new AppError('COMMON.INVALID_INPUT', '驳回必须填写原因');
  const ids = [...new Set(req.recordIds)];
  const read = await readForPoints(openid, { recordIds: ids, recordHouseholds: true });
  // A supervisor signs off only where no cadre is free of the household: they need the cadres.
  const cadres = isSupervisor(read.user) ? await villageCadres(read.village._id) : [];
  const skipped: ReviewResult['skipped'] = ids
    .filter((id) => !read.records.some((r) => r._id === id))
    .map((id) => ({ id, message: '记录不存在' }));
  const mine = read.records.filter((r) => {
    const message = refusal(r, read, cadres);
    if (message) skipped.push({ id: r._id, message });
    return message === null;
  });
  const decision = decisionOf(req, read);
  // One transaction per household, households side by side: a household's records share its
  // balance, so they are booked together; different households never touch the same documents.
  const outcomes = await mapLimit(
    groupBy(
      [...mine].sort((a, b) => (a._id < b._id ? -1 : 1)),
      (r) => r.householdId,
    ),
    HOUSEHOLDS_AT_ONCE,
    (records) => withTransaction((t) => reviewHousehold(t, records, decision)),
  );
  const done = outcomes.flatMap((o) => o.changed);
  await tellOutcome(done, read);
  return { done: done.map((r) => r._id), skipped: [...skipped, ...outcomes.flatMap((o) => o.raced)] };
}
