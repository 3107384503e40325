// One household's records reviewed in one transaction. Read side by side inside it: the records
// again (another reviewer may have acted since the list was read), whether the books of earlier
// months an approval may be booked in are closed (shared/notice/booking.ts), and the cap counters a
// rejection gives back. Then written: each record's new state, then side by side the final
// approvals' ledger events, ONE balance update, and the claim on an earlier month still open.
import type { ReviewResult } from '../../typings';
import { chinaDate, monthOf, yearOf } from '../shared/china-time';
import { C } from '../shared/collections';
import { capCounterSchema, pointRecordSchema, type PointRecord } from '../shared/points/model';
import type { User } from '../shared/village/model';
import { type Books, claimMonths, closedMonths } from '../shared/notice/booking';
import { ledgerEvent } from '../shared/points/build';
import { bookEvents } from '../shared/points/ledger';
import { afterApproval, approvalDelta, type ReviewLevel } from '../shared/points/policy';
import { _ } from '../shared/sdk';
import { txGet, type Tx } from '../shared/tx';

export interface Decision {
  decision: 'approve' | 'reject';
  reason: string;
  user: User;
  /** The office the reviewer acts in at a level. */
  roleAt: (level: number) => string;
  bySecretary: boolean;
  levels: ReviewLevel[];
  now: Date;
  /** A record's cap counter id, or null when its item has no cap. */
  capOf: (rec: PointRecord) => string | null;
}

export interface HouseholdOutcome {
  changed: PointRecord[];
  raced: ReviewResult['skipped'];
}

interface Reads {
  records: (PointRecord | null)[];
  /** Earlier months whose books are closed: an approval of such a month's record counts in the current month. */
  closed: Set<string>;
  caps: Map<string, number>;
}

/** The household's books the records (all of one household) are booked in. */
function booksOf(records: PointRecord[]): Books {
  return { villageId: records[0]?.villageId ?? '', householdId: records[0]?.householdId ?? '' };
}

async function readAll(t: Tx, seen: PointRecord[], d: Decision, currentMonth: string): Promise<Reads> {
  const getDoc = (coll: string, id: string) => txGet(t, coll, id);
  // Only an earlier month can have its notice out (a notice follows its month's end).
  const months = d.decision === 'approve' ? [...new Set(seen.map((r) => r.month).filter((m) => m < currentMonth))] : [];
  const capIds = d.decision === 'reject' ? [...new Set(seen.flatMap((r) => d.capOf(r) ?? []))] : [];
  const [records, closed, caps] = await Promise.all([
    Promise.all(seen.map((r) => getDoc(C.pointRecords, r._id))),
    months.length ? closedMonths(t, booksOf(seen), months) : new Set<string>(),
    Promise.all(capIds.map((id) => getDoc(C.pointCaps, id))),
  ]);
  return {
    records: records.map((raw) => (raw ? pointRecordSchema.parse(raw) : null)),
    closed,
    caps: new Map(capIds.flatMap((id, i) => (caps[i] ? [[id, capCounterSchema.parse(caps[i]).count] as const] : []))),
  };
}

/** A record after this decision, and the update that makes it so. */
function decide(rec: PointRecord, d: Decision, closed: Set<string>, currentMonth: string): { after: PointRecord; data: object } {
  const step = { by: d.user._id, byName: d.user.name, role: d.roleAt(rec.level), reason: d.reason, at: d.now };
  if (d.decision === 'reject') {
    return { after: { ...rec, status: 'rejected' }, data: { status: 'rejected', steps: _.push({ ...step, decision: 'rejected' }) } };
  }
  const next = afterApproval(rec, d.levels, d.bySecretary);
  // Approved after its month's books closed: it counts in the current month's notice.
  const month = next.status === 'approved' && closed.has(rec.month) ? currentMonth : rec.month;
  const after = { ...rec, ...next, month, year: yearOf(month) };
  return {
    after,
    data: { status: next.status, level: next.level, month, year: after.year, steps: _.push({ ...step, decision: 'approved' }) },
  };
}

export async function reviewHousehold(t: Tx, seen: PointRecord[], d: Decision): Promise<HouseholdOutcome> {
  const currentMonth = monthOf(chinaDate(d.now));
  const reads = await readAll(t, seen, d, currentMonth);
  const out: HouseholdOutcome = { changed: [], raced: [] };
  const released = new Map<string, number>();
  // The records one at a time, in id order: another reviewer of the same records then fails on the
  // first it meets, before it holds anything this one needs (written side by side, each could
  // take one record the other needs, and both fail, again and again). Usually there is one.
  for (const [i, s] of seen.entries()) {
    const rec = reads.records[i];
    if (rec?.status !== 'pending' || rec.level !== s.level) {
      out.raced.push({ id: s._id, message: '这条记录刚被别人审核过了' });
      continue;
    }
    const { after, data } = decide(rec, d, reads.closed, currentMonth);
    await t.collection(C.pointRecords).doc(rec._id).update({ data });
    const capId = d.decision === 'reject' ? d.capOf(rec) : null;
    if (capId) released.set(capId, (released.get(capId) ?? 0) + 1);
    out.changed.push(after);
  }
  // The rest share at most the balance (or a cap counter) with another transaction: side by side.
  const writes: Promise<unknown>[] = [];
  for (const [id, n] of released) {
    const used = reads.caps.get(id);
    if (used !== undefined)
      writes.push(
        t
          .collection(C.pointCaps)
          .doc(id)
          .set({ data: { count: Math.max(0, used - n) } }),
      );
  }
  const approved = out.changed.filter((r) => r.status === 'approved');
  const late = approved.filter((r) => r.month < currentMonth).map((r) => r.month);
  if (late.length) writes.push(claimMonths(t, booksOf(approved), late));
  const first = approved[0];
  if (first) {
    writes.push(
      bookEvents(
        t,
        approved.map((r) => ledgerEvent(r, 'approve', approvalDelta(r.points), d.user._id, d.now)),
        first.gridId,
      ),
    );
  }
  await Promise.all(writes);
  return out;
}
