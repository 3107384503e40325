// points.record: a self-report, or a grid leader's or cadre's record for one or many households.
// read (one aggregation) → allowed? (shared/points/policy, shared/access) → the documents (the pure
// builder of shared/points/build) → write (record-write: one transaction per household, several
// households at once) → tell → view. Record ids derive from the client's key, so a retried
// submission finds its records instead of writing them again.
import { PERIODS } from '../shared/period';
import type { RecordRequest, RecordResult, Recorder } from '../../typings';
import { chinaDate, monthOf } from '../shared/china-time';
import { requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import { C } from '../shared/collections';
import { pointRecordSchema, type PointRecord, type RuleSet } from '../shared/points/model';
import type { Household } from '../shared/village/model';
import { list } from '../shared/repo';
import { _ } from '../shared/sdk';
import type { RuleItem } from '../shared/rules/template';
import { recordId } from '../shared/points/ids';
import { buildRecord, type RecordDocs } from '../shared/points/build';
import { capCounterId, checkRecord, checkRecordDate, initialState, recorderFor } from '../shared/points/policy';
import { belongsTo } from '../shared/access';
import { isDuplicateKey, withTransaction } from '../shared/tx';
import { HOUSEHOLDS_AT_ONCE, mapLimit } from '../shared/parallel';
import { currentTime } from '../shared/clock';
import { inForce } from './context';
import { readForPoints, type PointsRead } from './read';
import { writeRecord, type Booking, type Cap } from './record-write';
import { evidenceChecks } from './evidence';
import type { MediaCheck } from '../shared/media-verdict';
import { tellRecorded } from './record-tell';
import { recordView } from './views';

export async function record(req: RecordRequest, openid: string): Promise<RecordResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(req, openid, attempt > 1);
    } catch (e) {
      // A double tap raced its twin into the same record ids: the twin wrote them, so answer as a
      // retry. A batch's households are written side by side, so the twin may still be writing
      // some of them: read again until every household's record is found or written.
      if (!isDuplicateKey(e) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

/** What a submission is, once read and allowed. */
interface Plan {
  read: PointsRead;
  recorder: Recorder;
  rules: RuleSet;
  item: RuleItem;
  /** Households already holding this submission's record (a retry). */
  existing: PointRecord[];
  fresh: Household[];
  selfReport: boolean;
}

/** The cap counters a batch may use, of every period (the item is not known before the read). */
function capIdsOf(req: RecordRequest): string[] {
  return (req.householdIds ?? []).flatMap((h) => PERIODS.map((p) => capCounterId(h, req.itemCode, p, req.occurredOn)));
}

async function read(req: RecordRequest, openid: string): Promise<PointsRead> {
  if (req.householdIds === undefined) return readForPoints(openid, { ownHousehold: true });
  const householdIds = [...new Set(req.householdIds)];
  return readForPoints(openid, { householdIds, capIds: householdIds.length > 1 ? capIdsOf(req) : [] });
}

/** This submission's records already written (a retry), by their ids, known once the village is. */
async function alreadyWritten(req: RecordRequest, r: PointsRead): Promise<PointRecord[]> {
  const ids = r.households.map((h) => recordId(r.village._id, req.clientKey, h._id));
  return ids.length ? list(C.pointRecords, { _id: _.in(ids) }, pointRecordSchema, { limit: ids.length }) : [];
}

function targets(req: RecordRequest, r: PointsRead): Household[] {
  if (req.householdIds === undefined) return r.households;
  if (r.households.length !== new Set(req.householdIds).size) throw new AppError('COMMON.NOT_FOUND', '有农户不存在');
  if (r.households.some((h) => h.villageId !== r.village._id)) throw new AppError('AUTH.OTHER_VILLAGE');
  return r.households;
}

/** Who may record what: refuses what the rules and the caller's roles do not allow. */
function allowed(req: RecordRequest, r: PointsRead, existing: PointRecord[]): Plan {
  const selfReport = req.householdIds === undefined;
  const households = targets(req, r);
  const recorder = recorderFor(
    r.user,
    selfReport,
    households.map((h) => h.gridId),
    r.grids,
  );
  const rules = inForce(r.sets, req.occurredOn);
  const item = rules?.items.find((i) => i.code === req.itemCode);
  if (!rules || !item) throw new AppError('COMMON.NOT_FOUND', '没有这一积分项，请刷新规则后再试');
  checkRecord({ item, recorder, reason: req.reason ?? '', evidence: req.evidence ?? [] });
  const done = new Set(existing.map((e) => e.householdId));
  return { read: r, recorder, rules, item, existing, fresh: households.filter((h) => !done.has(h._id)), selfReport };
}

function capReached(h: Household, item: RuleItem): AppError {
  return new AppError('COMMON.INVALID_INPUT', `${h.no}「${item.name}」本期已达上限（${item.cap?.times ?? 0}次）`);
}

/**
 * Where a household's record starts. Separation of duties: a record for the recorder's own
 * household (or, for a self-report that goes to the grid leader first, the grid leader's own
 * household) waits for a cadre of another household.
 */
function stateFor(p: Plan, h: Household): ReturnType<typeof initialState> {
  const levels = p.read.village.settings.reviewLevels;
  const leader = p.read.grids.find((g) => g._id === h.gridId)?.leaderUserId ?? null;
  const leaderOfHousehold = p.selfReport && levels[0] === 'gridLeader' && p.read.users.some((u) => u._id === leader && belongsTo(u, h._id));
  const interested = (p.recorder !== 'self' && belongsTo(p.read.user, h._id)) || leaderOfHousehold;
  return initialState(p.recorder, levels, interested);
}

async function write(req: RecordRequest, p: Plan, today: string, mediaChecks: MediaCheck[]): Promise<PointRecord[]> {
  const { user, village } = p.read;
  const now = currentTime();
  const booking: Booking = { villageId: village._id, occurredMonth: monthOf(req.occurredOn), currentMonth: monthOf(today) };
  const one = (h: Household) => {
    const id = recordId(village._id, req.clientKey, h._id);
    const build = (month: string): RecordDocs => {
      const docs = buildRecord({
        ...req,
        id,
        household: h,
        rules: p.rules,
        item: p.item,
        recorder: p.recorder,
        by: user,
        state: stateFor(p, h),
        month,
        now,
      });
      return mediaChecks.length ? { ...docs, record: { ...docs.record, mediaChecks } } : docs;
    };
    const cap: Cap | null = p.item.cap ? { times: p.item.cap.times, reached: () => capReached(h, p.item) } : null;
    return withTransaction((t) => writeRecord(t, build, booking, cap));
  };
  if (p.fresh.length > 1 && p.item.cap && !p.existing.length) {
    // Many households: every cap is checked first (read with the rest), so a household at its cap
    // refuses the whole submission before anything is written; each transaction checks it again.
    const cap = p.item.cap;
    const full = p.fresh.find((h) => (p.read.caps.get(capCounterId(h._id, p.item.code, cap.period, req.occurredOn)) ?? 0) >= cap.times);
    if (full) throw capReached(full, p.item);
  }
  return mapLimit(p.fresh, HOUSEHOLDS_AT_ONCE, one);
}

/**
 * One attempt. The first does not look for earlier records of the submission (a retry is rare and a
 * look costs a round trip): a record already there fails its add as a duplicate key, and a cap
 * used up by the first attempt refuses; either way the submission is tried again, looking first.
 */
async function recordOnce(req: RecordRequest, openid: string, lookFirst: boolean): Promise<RecordResult> {
  const today = chinaDate();
  checkRecordDate(req.occurredOn, today);
  const r = await read(req, openid);
  const existing = lookFirst ? await alreadyWritten(req, r) : [];
  const plan = allowed(req, r, existing);
  // Both are WeChat's checks, not the database's: side by side, before anything is written.
  const [, mediaChecks] = await Promise.all([
    requireCleanText(openid, `${req.note ?? ''}${req.reason ?? ''}`, 1),
    evidenceChecks(openid, req.evidence ?? []),
  ]);
  let written: PointRecord[];
  try {
    written = await write(req, plan, today, mediaChecks);
  } catch (e) {
    if (!lookFirst && (isDuplicateKey(e) || e instanceof AppError)) return recordOnce(req, openid, true);
    throw e;
  }
  await tellRecorded(written, plan.recorder, r.village, r.grids);
  return { records: [...existing, ...written].map(recordView), repeated: existing.length };
}
