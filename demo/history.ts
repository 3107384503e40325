// Some months of points history for the demo village, ending at the clock's "now": the past months
// approved and, as the notice function would have left them by then, published on the 1st and settled
// when their notice period ended (their points earned); this month's approved but pending, a few
// records still waiting for review. Balances are folded from the generated ledger, so they equal what
// recompute finds.
import type { Recorder } from '../typings';
import { chinaDate, lastMonths } from '../cloudfunctions/shared/china-time';
import type { Balance, LedgerEvent, PointRecord, RuleSet } from '../cloudfunctions/shared/points/model';
import type { Household, User } from '../cloudfunctions/shared/village/model';
import type { Notice, NoticeLine } from '../cloudfunctions/shared/notice/model';
import { buildRecord, capIdOf, ledgerEvent } from '../cloudfunctions/shared/points/build';
import { approvalDelta, foldLedger } from '../cloudfunctions/shared/points/policy';
import type { RuleItem } from '../cloudfunctions/shared/rules/template';
import { between, pick, prng } from './names';

const MONTHS = 6;
/** The notice period of the demo village (the product's default). */
const NOTICE_DAYS = 5;

export interface History {
  records: PointRecord[];
  ledger: LedgerEvent[];
  balances: Balance[];
  notices: Notice[];
  /** Cap counters of the generated records, as recording would have left them. */
  caps: { _id: string; count: number }[];
}

function chinaInstant(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** Where a month stands at `now`: this month, or a past month not yet published, open for objections, or settled. */
type MonthState = 'current' | 'unpublished' | 'open' | 'settled';

/** The notice of `month` as the month-end sweep publishes it: on the 1st of the next month, open for five days. */
function noticeTimes(month: string): { publishedAt: Date; closesAt: Date } {
  const publishedAt = chinaInstant(`${nextMonth(month)}-01`, 9);
  return { publishedAt, closesAt: new Date(publishedAt.getTime() + NOTICE_DAYS * 86_400_000) };
}

function monthState(month: string, today: string, now: Date): MonthState {
  if (month === today.slice(0, 7)) return 'current';
  const { publishedAt, closesAt } = noticeTimes(month);
  if (now < publishedAt) return 'unpublished';
  return now < closesAt ? 'open' : 'settled';
}

/** What the history is made of and what it has made so far. */
interface Gen {
  rand: () => number;
  rules: RuleSet;
  cadres: User[];
  positives: RuleItem[];
  deductions: RuleItem[];
  gridLeaderOf: (gridId: string) => User | undefined;
  records: PointRecord[];
  ledger: LedgerEvent[];
  caps: Map<string, number>;
  n: number;
}

/** Whether the household may still score the item in its cap period (and counts the use). */
function capAllows(g: Gen, item: RuleItem, householdId: string, occurredOn: string): boolean {
  const capId = capIdOf(item, householdId, occurredOn);
  if (!capId || !item.cap) return true;
  const used = g.caps.get(capId) ?? 0;
  if (used >= item.cap.times) return false;
  g.caps.set(capId, used + 1);
  return true;
}

function recorderOf(source: Recorder, cadre: User, leader: User | undefined): User | null {
  if (source === 'cadre') return cadre;
  return source === 'gridLeader' && leader ? leader : null;
}

/** An approved item's approvals: a self-report's grid leader first, then a cadre. */
function approvalsOf(
  source: Recorder,
  cadre: User,
  leader: User | undefined,
  at: Date,
): { by: string; byName: string; role: string; at: Date }[] {
  const first = source === 'self' && leader ? [{ by: leader._id, byName: leader.name, role: 'gridLeader', at }] : [];
  return [...first, { by: cadre._id, byName: cadre.name, role: 'cadre', at }];
}

/** The i-th item of a household's month, approved or (this month, now and then) still waiting. */
function historyItem(g: Gen, h: Household, month: string, state: MonthState, lastDay: number, i: number): void {
  const { rand } = g;
  const item = rand() < 0.04 && g.deductions.length ? pick(rand, g.deductions) : pick(rand, g.positives);
  const occurredOn = `${month}-${String(between(rand, 1, lastDay)).padStart(2, '0')}`;
  if (!capAllows(g, item, h._id, occurredOn)) return;
  const cadre = pick(rand, g.cadres);
  const leader = g.gridLeaderOf(h.gridId);
  const source = sourceOf(rand, item, leader);
  const waiting = state === 'current' && rand() < 0.15 && source !== 'cadre';
  const at = chinaInstant(occurredOn, 9 + (i % 8));
  g.n += 1;
  // The documents recording makes (shared/points/build), with this history's approvals.
  const { record } = buildRecord({
    id: `seed-r${String(g.n).padStart(5, '0')}`,
    household: h,
    rules: g.rules,
    item,
    recorder: source,
    by: recorderOf(source, cadre, leader) ?? { _id: `member-of-${h._id}`, name: h.headName },
    state: waiting ? { status: 'pending', level: source === 'gridLeader' ? 1 : 0 } : { status: 'approved', level: 2 },
    occurredOn,
    month,
    clientKey: `seed-${g.n}`,
    reason: item.points < 0 ? '网格巡查发现' : '',
    approvals: waiting ? [] : approvalsOf(source, cadre, leader, at),
    now: at,
  });
  const rec: PointRecord = { ...record, settled: state === 'settled' && !waiting };
  g.records.push(rec);
  if (!waiting) g.ledger.push(ledgerEvent(rec, 'approve', approvalDelta(rec.points), cadre._id, at));
}

export function demoHistory(
  households: Household[],
  users: User[],
  rules: RuleSet,
  gridLeaderOf: (gridId: string) => User | undefined,
  now: Date,
): History {
  const today = chinaDate(now);
  const g: Gen = {
    rand: prng(7),
    rules,
    cadres: users.filter((u) => u.roles.includes('cadre')),
    positives: rules.items.filter((i) => i.points > 0),
    deductions: rules.items.filter((i) => i.points < 0),
    gridLeaderOf,
    records: [],
    ledger: [],
    caps: new Map(),
    n: 0,
  };
  const notices: Notice[] = [];
  const settledMonths = new Map<string, string[]>();
  for (const month of lastMonths(today, MONTHS)) {
    const state = monthState(month, today, now);
    const lastDay = state === 'current' ? Number(today.slice(8, 10)) : 28;
    for (const h of households) {
      // Busy households score more: a steady spread makes rankings and honours meaningful.
      const count = between(g.rand, 0, 2) + (h._id.endsWith('0') ? 2 : 0);
      for (let i = 0; i < count; i++) historyItem(g, h, month, state, lastDay, i);
    }
    if (state === 'open' || state === 'settled')
      publish(month, state, households, g.records, g.ledger, notices, settledMonths, g.cadres[0]?._id ?? 'demo-secretary');
  }
  const folded = foldLedger(g.ledger);
  const balances = households.map(
    (h): Balance => ({
      _id: h._id,
      villageId: h.villageId,
      gridId: h.gridId,
      ...(folded.get(h._id) ?? { pending: 0, earned: 0, available: 0, years: {} }),
      settledMonths: settledMonths.get(h._id) ?? [],
    }),
  );
  return { records: g.records, ledger: g.ledger, balances, notices, caps: [...g.caps].map(([_id, count]) => ({ _id, count })) };
}

/** A past month as the notice function leaves it: published on the 1st and, once its period has ended, settled. */
function publish(
  month: string,
  state: 'open' | 'settled',
  households: Household[],
  records: PointRecord[],
  ledger: LedgerEvent[],
  notices: Notice[],
  settledMonths: Map<string, string[]>,
  by: string,
): void {
  const { publishedAt, closesAt } = noticeTimes(month);
  const lines: NoticeLine[] = households.map((h) => {
    const mine = records.filter((r) => r.householdId === h._id && r.month === month && r.status === 'approved');
    return {
      householdId: h._id,
      label: `${h.no} ${h.headName}`,
      gridId: h.gridId,
      total: mine.reduce((s, r) => s + r.points, 0),
      items: mine.map((r) => ({ recordId: r._id, itemName: r.itemName, points: r.points, occurredOn: r.occurredOn })),
    };
  });
  const villageId = households[0]?.villageId ?? '';
  if (state === 'open') {
    notices.push({
      _id: `${villageId}:${month}`,
      villageId,
      month,
      status: 'published',
      publishedAt,
      publishedBy: by,
      closesAt,
      settledAt: null,
      version: 1,
      lines,
    });
    return;
  }
  for (const line of lines) {
    if (line.total === 0) continue;
    const h = households.find((x) => x._id === line.householdId);
    if (!h) continue;
    ledger.push({
      _id: `${h._id}:${month}:settle`,
      villageId: h.villageId,
      householdId: h._id,
      recordId: null,
      kind: 'settle',
      pending: -line.total,
      earned: line.total,
      available: line.total,
      year: Number(month.slice(0, 4)),
      month,
      by,
      at: closesAt,
    });
    settledMonths.set(h._id, [...(settledMonths.get(h._id) ?? []), month]);
  }
  notices.push({
    _id: `${villageId}:${month}`,
    villageId,
    month,
    status: 'settled',
    publishedAt,
    publishedBy: by,
    closesAt,
    settledAt: closesAt,
    version: 1,
    lines,
  });
}

/** Who recorded a history item: a cadre for a deduction, else the household or its grid leader as the item allows. */
function sourceOf(rand: () => number, item: RuleItem, leader: User | undefined): Recorder {
  if (item.points < 0) return 'cadre';
  if (item.recordedBy.includes('self') && rand() < 0.5) return 'self';
  return item.recordedBy.includes('gridLeader') && leader ? 'gridLeader' : 'cadre';
}

function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
