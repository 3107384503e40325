// Some months of points history for the demo village, ending at the clock's "now": the past months
// approved and, as the notice function would have left them by then, published on the 1st and settled
// when their notice period ended (their points earned); this month's approved but pending, a few
// records still waiting for review. Balances are folded from the generated ledger, so they equal what
// recompute finds.
import { chinaDate, lastMonths } from '../cloudfunctions/shared/china-time';
import type { Balance, LedgerEvent, PointRecord, RuleSet } from '../cloudfunctions/shared/points/model';
import type { Household, User } from '../cloudfunctions/shared/village/model';
import type { Notice, NoticeLine } from '../cloudfunctions/shared/notice/model';
import { capCounterId, capPeriodKey, foldLedger } from '../cloudfunctions/shared/points/policy';
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

export function demoHistory(
  households: Household[],
  users: User[],
  rules: RuleSet,
  gridLeaderOf: (gridId: string) => User | undefined,
  now: Date,
): History {
  const rand = prng(7);
  const today = chinaDate(now);
  const months = lastMonths(today, MONTHS);
  const cadres = users.filter((u) => u.roles.includes('cadre'));
  const positives = rules.items.filter((i) => i.points > 0);
  const deductions = rules.items.filter((i) => i.points < 0);
  const records: PointRecord[] = [];
  const ledger: LedgerEvent[] = [];
  const caps = new Map<string, number>();
  const notices: Notice[] = [];
  const settledMonths = new Map<string, string[]>();
  let n = 0;
  for (const month of months) {
    const state = monthState(month, today, now);
    const current = state === 'current';
    const lastDay = current ? Number(today.slice(8, 10)) : 28;
    for (const h of households) {
      // Busy households score more: a steady spread makes rankings and honours meaningful.
      const count = between(rand, 0, 2) + (h._id.endsWith('0') ? 2 : 0);
      for (let i = 0; i < count; i++) {
        const item = rand() < 0.04 && deductions.length ? pick(rand, deductions) : pick(rand, positives);
        const day = String(between(rand, 1, lastDay)).padStart(2, '0');
        const occurredOn = `${month}-${day}`;
        if (item.cap) {
          const capId = capCounterId(h._id, item.code, capPeriodKey(item.cap, occurredOn));
          const used = caps.get(capId) ?? 0;
          if (used >= item.cap.times) continue;
          caps.set(capId, used + 1);
        }
        const cadre = pick(rand, cadres);
        const leader = gridLeaderOf(h.gridId);
        const source =
          item.points < 0
            ? 'cadre'
            : item.recordedBy.includes('self') && rand() < 0.5
              ? 'self'
              : item.recordedBy.includes('gridLeader') && leader
                ? 'gridLeader'
                : 'cadre';
        const waiting = current && rand() < 0.15 && source !== 'cadre';
        const at = chinaInstant(occurredOn, 9 + (i % 8));
        const recorder = source === 'cadre' ? cadre : source === 'gridLeader' && leader ? leader : null;
        const steps: PointRecord['steps'] = [
          {
            by: recorder?._id ?? `member-of-${h._id}`,
            byName: recorder?.name ?? h.headName,
            role: source === 'self' ? 'villager' : source,
            decision: 'submitted',
            reason: '',
            at,
          },
        ];
        if (!waiting && source === 'self' && leader)
          steps.push({ by: leader._id, byName: leader.name, role: 'gridLeader', decision: 'approved', reason: '', at });
        if (!waiting) steps.push({ by: cadre._id, byName: cadre.name, role: 'cadre', decision: 'approved', reason: '', at });
        n += 1;
        const rec: PointRecord = {
          _id: `seed-r${String(n).padStart(5, '0')}`,
          villageId: h.villageId,
          householdId: h._id,
          householdLabel: `${h.no} ${h.headName}`,
          gridId: h.gridId,
          ruleSetId: rules._id,
          ruleVersion: rules.version,
          itemCode: item.code,
          itemName: item.name,
          category: item.category,
          points: item.points,
          occurredOn,
          month,
          year: Number(month.slice(0, 4)),
          status: waiting ? 'pending' : 'approved',
          level: waiting ? (source === 'gridLeader' ? 1 : 0) : 2,
          source,
          recordedBy: recorder?._id ?? `member-of-${h._id}`,
          recordedByName: recorder?.name ?? h.headName,
          proxyFor: null,
          note: '',
          reason: item.points < 0 ? '网格巡查发现' : '',
          evidence: [],
          reverses: null,
          reversedBy: null,
          settled: state === 'settled' && !waiting,
          steps,
          clientKey: `seed-${n}`,
          createdAt: at,
        };
        records.push(rec);
        if (waiting) continue;
        const base = { villageId: rec.villageId, householdId: rec.householdId, recordId: rec._id, year: rec.year, month, by: cadre._id };
        ledger.push({ _id: `${rec._id}:approve`, kind: 'approve', pending: rec.points, earned: 0, available: 0, at, ...base });
      }
    }
    if (state === 'open' || state === 'settled')
      publish(month, state, households, records, ledger, notices, settledMonths, cadres[0]?._id ?? 'demo-secretary');
  }
  const folded = foldLedger(ledger);
  const balances = households.map(
    (h): Balance => ({
      _id: h._id,
      villageId: h.villageId,
      gridId: h.gridId,
      ...(folded.get(h._id) ?? { pending: 0, earned: 0, available: 0, years: {} }),
      settledMonths: settledMonths.get(h._id) ?? [],
    }),
  );
  return { records, ledger, balances, notices, caps: [...caps].map(([_id, count]) => ({ _id, count })) };
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

function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
