// The rules of recording and review as plain functions: who may record what, where a record starts
// in the review chain, who may act on it next, how caps count, what a ledger event does to a balance.
import type { Recorder } from '../../../typings';
import { daysBetween, isDate } from '../china-time';
import { AppError } from '../errors';
import { periodKey } from '../period';
import { belongsTo, hasInterest, isCadre, isGridLeader, isSecretary, microGridsLedBy, signsOffForCadres } from '../access';
import type { Balance, LedgerEvent, PointRecord } from './model';
import type { Grid, User, VillageSettings } from '../village/model';
import type { RuleItem } from '../rules/template';

export type ReviewLevel = VillageSettings['reviewLevels'][number];

/** How far back a record may be dated: the month's notice must still be open for it. */
export const MAX_AGE_DAYS = 45;

/** Refuses a date that is not a date, in the future, or older than MAX_AGE_DAYS (China dates). */
export function checkRecordDate(occurredOn: string, today: string): void {
  if (!isDate(occurredOn)) throw new AppError('COMMON.INVALID_INPUT', '日期格式不对');
  if (occurredOn > today) throw new AppError('COMMON.INVALID_INPUT', '不能记录还没有发生的事');
  if (daysBetween(occurredOn, today) > MAX_AGE_DAYS) throw new AppError('COMMON.INVALID_INPUT', `只能记录${MAX_AGE_DAYS}天以内的事项`);
}

/**
 * As whom the user records for these households: self-reports for their own household, grid
 * leaders for households of the grids they lead, cadres for any household of the village.
 */
export function recorderFor(user: User, selfReport: boolean, householdGridIds: string[], grids: Grid[]): Recorder {
  if (selfReport) {
    if (!user.householdId) throw new AppError('AUTH.FORBIDDEN', '您还没有加入任何一户，不能自报积分');
    return 'self';
  }
  if (isCadre(user)) return 'cadre';
  const led = new Set(microGridsLedBy(user, grids));
  if (isGridLeader(user) && householdGridIds.every((g) => led.has(g))) return 'gridLeader';
  throw new AppError('AUTH.FORBIDDEN', '只能为自己负责网格内的农户记录积分');
}

export interface RecordCheck {
  item: RuleItem;
  recorder: Recorder;
  reason: string;
  evidence: string[];
}

/** Whether this recorder may record the item at all: the item allows them, and a deduction is a cadre's. */
export function mayRecordItem(item: Pick<RuleItem, 'points' | 'recordedBy'>, recorder: Recorder): boolean {
  return item.recordedBy.includes(recorder) && (item.points > 0 || recorder === 'cadre');
}

/** Refuses what the rules forbid; a deduction is a cadre's, with a reason. */
export function checkRecord({ item, recorder, reason, evidence }: RecordCheck): void {
  if (item.points < 0) {
    if (recorder !== 'cadre') throw new AppError('AUTH.FORBIDDEN', '扣分只能由村干部记录');
    if (!reason.trim()) throw new AppError('COMMON.INVALID_INPUT', '扣分必须填写原因');
  }
  if (!item.recordedBy.includes(recorder)) {
    throw new AppError('AUTH.FORBIDDEN', recorder === 'self' ? '这一项不能自报，请联系网格长或村干部' : '您不能记录这一项');
  }
  if (item.evidence === 'photo' && evidence.length === 0) throw new AppError('COMMON.INVALID_INPUT', '这一项需要上传照片作为凭证');
}

/** The first cadre level of the chain (where a record waits for a cadre); past the end when there is none. */
function cadreLevel(levels: ReviewLevel[]): number {
  const i = levels.indexOf('cadre');
  return i < 0 ? levels.length : i;
}

/**
 * Where a new record starts: the level that acts next, or approved at once. A cadre's record passes
 * at once, except for a household the recorder belongs to (separation of duties) or whose grid
 * leader belongs to it: that waits for a cadre of another household.
 */
export function initialState(
  recorder: Recorder,
  levels: ReviewLevel[],
  interested = false,
): { status: 'pending' | 'approved'; level: number } {
  if (interested) return { status: 'pending', level: Math.min(cadreLevel(levels), Math.max(0, levels.length - 1)) };
  if (recorder === 'cadre') return { status: 'approved', level: levels.length };
  const level = recorder === 'gridLeader' ? levels.indexOf('gridLeader') + 1 : 0;
  return level >= levels.length ? { status: 'approved', level } : { status: 'pending', level };
}

/**
 * Whether the user may act on a pending record now. The secretary has the final say at any level;
 * nobody acts on a record of their own household or one they made; when every cadre of the village
 * belongs to the household, a supervisor signs off at the cadre level.
 */
export function canReview(user: User, record: PointRecord, levels: ReviewLevel[], grids: Grid[], cadres: User[] = []): boolean {
  if (record.status !== 'pending' || user.villageId !== record.villageId) return false;
  if (hasInterest(user, record)) return false;
  if (isSecretary(user)) return true;
  const level = levels[record.level];
  if (level === 'cadre') return isCadre(user) || signsOffForCadres(user, record.villageId, cadres, record.householdId);
  if (level === 'gridLeader') return microGridsLedBy(user, grids).includes(record.gridId);
  return false;
}

/** Whether the household's records skip a grid leader level: the leader of its grid belongs to it. */
export function leaderInterested(leader: User | null, householdId: string): boolean {
  return leader !== null && belongsTo(leader, householdId);
}

/** After one approval: the next level, or approved. */
export function afterApproval(
  record: PointRecord,
  levels: ReviewLevel[],
  bySecretary: boolean,
): { status: 'pending' | 'approved'; level: number } {
  const next = bySecretary ? levels.length : record.level + 1;
  return next >= levels.length ? { status: 'approved', level: levels.length } : { status: 'pending', level: next };
}

/** The counter of a capped item for a household in the period (shared/period.ts) the date falls in. */
export function capCounterId(householdId: string, itemCode: string, period: NonNullable<RuleItem['cap']>['period'], date: string): string {
  return `${householdId}|${itemCode}|${periodKey(period, date)}`;
}

export type BalanceDelta = Pick<LedgerEvent, 'pending' | 'earned' | 'available'>;

/** What approving a record (a counter-record too) does to its household's balance: pending until its month settles. */
export function approvalDelta(points: number): BalanceDelta {
  return { pending: points, earned: 0, available: 0 };
}

export function emptyBalance(householdId: string, villageId: string, gridId: string): Balance {
  return { _id: householdId, villageId, gridId, pending: 0, earned: 0, available: 0, years: {}, settledMonths: [] };
}

/** Folds ledger events into balances: the recomputation a stored balance must equal. */
export type Totals = Pick<Balance, 'pending' | 'earned' | 'available' | 'years'>;

export function foldLedger(events: Pick<LedgerEvent, 'householdId' | 'pending' | 'earned' | 'available' | 'year'>[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const e of events) {
    const b: Totals = out.get(e.householdId) ?? { pending: 0, earned: 0, available: 0, years: {} };
    b.pending += e.pending;
    b.earned += e.earned;
    b.available += e.available;
    const y = b.years[String(e.year)] ?? { earned: 0, pending: 0 };
    y.earned += e.earned;
    y.pending += e.pending;
    b.years[String(e.year)] = y;
    out.set(e.householdId, b);
  }
  return out;
}
