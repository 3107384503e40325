// points.record: a self-report, or a grid leader's or cadre's record for one or many households.
// A transaction writes each household's record, its cap counter and (for a cadre's record, which
// passes at once) the ledger event and the balance; a batch runs one per household, several at once.
// Record ids derive from the client's key, so a retried submission finds its records instead of
// writing them again.
import type { RecordRequest, RecordResult } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, isDate, monthOf, yearOf } from '../shared/china-time';
import { requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import { capCounterSchema, pointRecordSchema, type PointRecord } from '../shared/points/model';
import { householdSchema, userSchema, type Grid, type Household, type User } from '../shared/village/model';
import type { RuleItem } from '../shared/rules/template';
import { notify, thing } from '../shared/notify';
import { recordId } from '../shared/points/ids';
import {
  approvalDelta,
  capCounterId,
  capPeriodKey,
  checkRecord,
  initialState,
  leaderInterested,
  recorderFor,
} from '../shared/points/policy';
import { belongsTo, isHead } from '../shared/access';
import { list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { ROLE_NAMES } from '../shared/roles';
import { isDuplicateKey, txGet, withTransaction, type Tx } from '../shared/tx';
import { HOUSEHOLDS_AT_ONCE, mapLimit } from '../shared/parallel';
import { bookingMonth, publishedMonths } from '../shared/notice/booking';
import { applyLedger } from '../shared/points/ledger';
import { inForce, ruleSets, villageContextWith } from './context';
import { recordView } from './views';
import { currentTime } from '../shared/clock';

/** How far back a record may be dated: the month's notice must still be open for it. */
const MAX_AGE_DAYS = 45;

function checkDate(occurredOn: string, today: string): void {
  if (!isDate(occurredOn)) throw new AppError('COMMON.INVALID_INPUT', '日期格式不对');
  if (occurredOn > today) throw new AppError('COMMON.INVALID_INPUT', '不能记录还没有发生的事');
  const age = (Date.parse(today) - Date.parse(occurredOn)) / 86_400_000;
  if (age > MAX_AGE_DAYS) throw new AppError('COMMON.INVALID_INPUT', `只能记录${MAX_AGE_DAYS}天以内的事项`);
}

async function targetHouseholds(villageId: string, ids: string[]): Promise<Household[]> {
  const found = await list(C.households, { _id: _.in(ids) }, householdSchema, { limit: ids.length });
  if (found.length !== ids.length) throw new AppError('COMMON.NOT_FOUND', '有农户不存在');
  if (found.some((h) => h.villageId !== villageId)) throw new AppError('AUTH.OTHER_VILLAGE');
  return found;
}

export async function record(req: RecordRequest, openid: string): Promise<RecordResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(req, openid);
    } catch (e) {
      // A double tap raced its twin into the same record ids: the twin wrote them, so answer as a
      // retry. A batch's households are written side by side, so the twin may still be writing
      // some of them: read again until every household's record is found or written.
      if (!isDuplicateKey(e) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

async function recordOnce(req: RecordRequest, openid: string): Promise<RecordResult> {
  const today = chinaDate();
  checkDate(req.occurredOn, today);
  const selfReport = req.householdIds === undefined;
  const occurredMonth = monthOf(req.occurredOn);
  // Everything the checks need is read in one round trip after the user's: the village, its grids
  // and rules, the households, records already written for this key (a retry), and the notice.
  const [{ user, village, grids }, [sets, households, existing, published]] = await villageContextWith(openid, (u, villageId) => {
    const householdIds = selfReport ? [u.householdId ?? ''] : [...new Set(req.householdIds)];
    const ids = householdIds.map((h) => recordId(villageId, req.clientKey, h));
    return Promise.all([
      ruleSets(villageId),
      selfReport && !u.householdId ? Promise.resolve([]) : targetHouseholds(villageId, householdIds),
      list(C.pointRecords, { _id: _.in(ids) }, pointRecordSchema, { limit: ids.length }),
      publishedMonths(villageId, [occurredMonth]),
    ]);
  });
  const recorder = recorderFor(
    user,
    selfReport,
    households.map((h) => h.gridId),
    grids,
  );
  const rules = inForce(sets, req.occurredOn);
  const item = rules?.items.find((i) => i.code === req.itemCode);
  if (!rules || !item) throw new AppError('COMMON.NOT_FOUND', '没有这一积分项，请刷新规则后再试');
  const evidence = req.evidence ?? [];
  checkRecord({ item, recorder, reason: req.reason ?? '', evidence });
  await requireCleanText(openid, `${req.note ?? ''}${req.reason ?? ''}`, 1);

  const existingIds = new Set(existing.map((r) => r._id));
  const fresh = households.filter((h) => !existingIds.has(recordId(village._id, req.clientKey, h._id)));
  const levels = village.settings.reviewLevels;
  // Separation of duties: a record for the recorder's own household (or, for a self-report that
  // goes to the grid leader first, the grid leader's own household) waits for another cadre.
  const leaders = recorder === 'self' && levels[0] === 'gridLeader' ? await gridLeadersOf(fresh, grids) : [];
  const stateOf = (h: Household): ReturnType<typeof initialState> => {
    const leader = leaders.find((u) => grids.some((g) => g._id === h.gridId && g.leaderUserId === u._id)) ?? null;
    const interested = (recorder !== 'self' && belongsTo(user, h._id)) || leaderInterested(leader, h._id);
    return initialState(recorder, levels, interested);
  };
  const now = currentTime();
  const month = bookingMonth(occurredMonth, published, monthOf(today));

  /** One household's record, its cap use and (approved at once) its ledger event and balance. */
  const writeOne = async (t: Tx, h: Household): Promise<PointRecord> => {
    const state = stateOf(h);
    if (item.cap) {
      const capId = capCounterId(h._id, item.code, capPeriodKey(item.cap, req.occurredOn));
      const raw = await txGet(t, C.pointCaps, capId);
      const used = raw ? capCounterSchema.parse(raw).count : 0;
      if (used >= item.cap.times) throw capReached(h, item.name, item.cap.times);
      await t
        .collection(C.pointCaps)
        .doc(capId)
        .set({ data: { count: used + 1 } });
    }
    const rec: PointRecord = pointRecordSchema.parse({
      _id: recordId(village._id, req.clientKey, h._id),
      villageId: village._id,
      householdId: h._id,
      householdLabel: `${h.no} ${h.headName}`,
      gridId: h.gridId,
      ruleSetId: rules._id,
      ruleVersion: rules.version,
      itemCode: item.code,
      itemName: item.name,
      category: item.category,
      points: item.points,
      occurredOn: req.occurredOn,
      month,
      year: yearOf(month),
      status: state.status,
      level: state.level,
      source: recorder,
      recordedBy: user._id,
      recordedByName: user.name,
      proxyFor: req.proxyFor ?? null,
      note: req.note ?? '',
      reason: req.reason ?? '',
      evidence,
      reverses: null,
      reversedBy: null,
      settled: false,
      steps: [
        { by: user._id, byName: user.name, role: recorder === 'self' ? 'villager' : recorder, decision: 'submitted', reason: '', at: now },
        ...(state.status === 'approved'
          ? [{ by: user._id, byName: user.name, role: recorder, decision: 'approved' as const, reason: '', at: now }]
          : []),
      ],
      clientKey: req.clientKey,
      createdAt: now,
    });
    const { _id, ...data } = rec;
    await t.collection(C.pointRecords).add({ data: { _id, ...data } });
    if (rec.status === 'approved') await applyLedger(t, rec, 'approve', approvalDelta(rec.points), user._id, now);
    return rec;
  };

  let written: PointRecord[];
  if (fresh.length <= 1) {
    written = await withTransaction(async (t) => {
      const out: PointRecord[] = [];
      for (const h of fresh) out.push(await writeOne(t, h));
      return out;
    });
  } else {
    // Many households: every cap is checked first in one read, so a household at its cap refuses
    // the whole submission before anything is written; then one transaction per household, several
    // at once (each checks its cap again, against a record made meanwhile).
    if (item.cap) await checkCaps(fresh, item.code, item.name, item.cap, req.occurredOn);
    written = await mapLimit(fresh, HOUSEHOLDS_AT_ONCE, (h) => withTransaction((t) => writeOne(t, h)));
  }

  const first = written[0];
  await tell(
    written,
    recorder,
    first ? levels[first.level] : undefined,
    grids.map((g) => ({ id: g._id, leader: g.leaderUserId })),
    village._id,
  );
  return { records: [...existing, ...written].map(recordView), repeated: existing.length };
}

/** The users who lead the micro grids of these households (to see whether one belongs to the household). */
async function gridLeadersOf(households: Household[], grids: Grid[]): Promise<User[]> {
  const ids = [...new Set(households.flatMap((h) => grids.find((g) => g._id === h.gridId)?.leaderUserId ?? []))];
  return ids.length ? list(C.users, { _id: _.in(ids) }, userSchema, { limit: ids.length }) : [];
}

function capReached(h: Household, itemName: string, times: number): AppError {
  return new AppError('COMMON.INVALID_INPUT', `${h.no}「${itemName}」本期已达上限（${times}次）`);
}

async function checkCaps(
  households: Household[],
  code: string,
  itemName: string,
  cap: NonNullable<RuleItem['cap']>,
  occurredOn: string,
): Promise<void> {
  const ids = households.map((h) => capCounterId(h._id, code, capPeriodKey(cap, occurredOn)));
  const counters = await list(C.pointCaps, { _id: _.in(ids) }, capCounterSchema, { limit: ids.length });
  const used = new Map(counters.map((c) => [c._id, c.count]));
  const full = households.find((h, i) => (used.get(ids[i] ?? '') ?? 0) >= cap.times);
  if (full) throw capReached(full, itemName, cap.times);
}

/** Reviewers hear of new work; households of a deduction. */
async function tell(
  written: PointRecord[],
  recorder: string,
  nextLevel: string | undefined,
  gridLeaders: { id: string; leader: string | null }[],
  villageId: string,
): Promise<void> {
  const first = written[0];
  if (!first) return;
  const waiting = written.filter((r) => r.status === 'pending');
  if (waiting.length) {
    const reviewers =
      nextLevel === 'gridLeader'
        ? [...new Set(waiting.map((r) => gridLeaders.find((g) => g.id === r.gridId)?.leader ?? ''))]
        : (await list(C.users, { villageId, roles: 'cadre' }, userSchema, { limit: 20 })).map((u) => u._id);
    await Promise.all(
      reviewers.map((to) =>
        notify(to, 'reviewNeeded', 'packages/points/review/review', {
          thing1: thing(`${first.itemName}（${waiting.length}户）`),
          thing2: thing(recorder === 'self' ? '村民自报' : ROLE_NAMES.gridLeader),
        }),
      ),
    );
  }
  if (first.points < 0) {
    const heads = await list(C.users, { householdId: _.in(written.map((r) => r.householdId)) }, userSchema, { limit: 1000 });
    await Promise.all(
      heads
        .filter((u) => isHead(u))
        .map((u) =>
          notify(u._id, 'deduction', 'packages/points/archive/archive', {
            thing1: thing(first.itemName),
            number2: { value: String(first.points) },
            thing3: thing(first.reason),
          }),
        ),
    );
  }
}
