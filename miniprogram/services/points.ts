// The points service: the village's rules, recording and review, corrections and the household
// archive (function `points`), all through call().
import type {
  AdoptRequest,
  ArchiveResult,
  HouseholdsResult,
  QueueResult,
  RecordRequest,
  RecordResult,
  RecordView,
  ReverseRequest,
  ReviewRequest,
  ReviewResult,
  RuleItemView,
  RuleSetView,
  RulesResult,
} from '../../typings/index';
import { call } from './cloud';

export function getRules(): Promise<RulesResult> {
  return call('points', 'rules', {});
}

/** The households a grid leader or cadre may record for (refused for anyone else). */
export function getTemplate(): Promise<{ items: RuleItemView[] }> {
  return call('points', 'template', {});
}

export function adoptRules(req: AdoptRequest): Promise<RuleSetView> {
  return call('points', 'adopt', req);
}

export function listHouseholds(): Promise<HouseholdsResult> {
  return call('points', 'households', {});
}

export function submitRecord(req: RecordRequest): Promise<RecordResult> {
  return call('points', 'record', req);
}

export function getQueue(): Promise<QueueResult> {
  return call('points', 'queue', {});
}

/** The function takes at most this many records per review call. */
export const REVIEW_BATCH = 100;

/** Approves or rejects any number of records, REVIEW_BATCH at a time, one result for all. */
export async function reviewRecords(req: ReviewRequest): Promise<ReviewResult> {
  const out: ReviewResult = { done: [], skipped: [] };
  for (let i = 0; i < req.recordIds.length; i += REVIEW_BATCH) {
    const res = await call('points', 'review', { ...req, recordIds: req.recordIds.slice(i, i + REVIEW_BATCH) });
    out.done.push(...res.done);
    out.skipped.push(...res.skipped);
  }
  return out;
}

export function reverseRecord(req: ReverseRequest): Promise<RecordView> {
  return call('points', 'reverse', req);
}

/** The caller's own household, or (grid leaders, cadres) the one named. */
export function getArchive(householdId?: string): Promise<ArchiveResult> {
  return call('points', 'archive', householdId ? { householdId } : {});
}
