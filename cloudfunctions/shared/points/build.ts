// The documents a points record is made of, as pure functions: the record, the id of the cap counter
// it uses, and (approved at once) its ledger event. points.record writes what these return; the demo
// seed builds its history with the same functions, so both always make the same documents.
import type { Recorder } from '../../../typings';
import { monthOf, yearOf } from '../china-time';
import type { LedgerEvent, PointRecord, RuleSet } from './model';
import type { Household } from '../village/model';
import type { RuleItem } from '../rules/template';
import { approvalDelta, capCounterId, type BalanceDelta } from './policy';

type Step = PointRecord['steps'][number];

export interface RecordInput {
  id: string;
  household: Household;
  rules: Pick<RuleSet, '_id' | 'version'>;
  item: RuleItem;
  recorder: Recorder;
  by: { _id: string; name: string };
  state: { status: 'pending' | 'approved'; level: number };
  occurredOn: string;
  /** The month it is booked in (the month it happened, unless that month's notice is out). */
  month?: string;
  clientKey: string;
  note?: string;
  reason?: string;
  evidence?: string[];
  proxyFor?: string | null;
  /** The approvals it carries; by default the recorder's own when it passes at once. */
  approvals?: Omit<Step, 'decision' | 'reason'>[];
  now: Date;
}

export interface RecordDocs {
  record: PointRecord;
  /** The cap counter it uses, or null for an item without a cap. */
  capId: string | null;
  /** Its ledger event when approved at once. */
  approval: LedgerEvent | null;
}

export function ledgerEventId(recordId: string, kind: LedgerEvent['kind']): string {
  return `${recordId}:${kind}`;
}

/** The ledger event of a change to a record's household balance. */
export function ledgerEvent(rec: PointRecord, kind: LedgerEvent['kind'], delta: BalanceDelta, by: string, at: Date): LedgerEvent {
  return {
    _id: ledgerEventId(rec._id, kind),
    villageId: rec.villageId,
    householdId: rec.householdId,
    recordId: rec._id,
    kind,
    ...delta,
    year: rec.year,
    month: rec.month,
    by,
    at,
  };
}

/** The cap counter a record of the item for the household on that date uses, or null for an item without a cap. */
export function capIdOf(item: Pick<RuleItem, 'code' | 'cap'>, householdId: string, occurredOn: string): string | null {
  return item.cap ? capCounterId(householdId, item.code, item.cap.period, occurredOn) : null;
}

function stepsOf(i: RecordInput): Step[] {
  const submitted: Step = {
    by: i.by._id,
    byName: i.by.name,
    role: i.recorder === 'self' ? 'villager' : i.recorder,
    decision: 'submitted',
    reason: '',
    at: i.now,
  };
  const approvals =
    i.approvals ?? (i.state.status === 'approved' ? [{ by: i.by._id, byName: i.by.name, role: i.recorder, at: i.now }] : []);
  return [submitted, ...approvals.map((a): Step => ({ ...a, decision: 'approved', reason: '' }))];
}

export function buildRecord(i: RecordInput): RecordDocs {
  const month = i.month ?? monthOf(i.occurredOn);
  const h = i.household;
  const record: PointRecord = {
    _id: i.id,
    villageId: h.villageId,
    householdId: h._id,
    householdLabel: `${h.no} ${h.headName}`,
    gridId: h.gridId,
    ruleSetId: i.rules._id,
    ruleVersion: i.rules.version,
    itemCode: i.item.code,
    itemName: i.item.name,
    category: i.item.category,
    points: i.item.points,
    occurredOn: i.occurredOn,
    month,
    year: yearOf(month),
    status: i.state.status,
    level: i.state.level,
    source: i.recorder,
    recordedBy: i.by._id,
    recordedByName: i.by.name,
    proxyFor: i.proxyFor ?? null,
    note: i.note ?? '',
    reason: i.reason ?? '',
    evidence: i.evidence ?? [],
    reverses: null,
    reversedBy: null,
    settled: false,
    steps: stepsOf(i),
    clientKey: i.clientKey,
    createdAt: i.now,
  };
  const capId = capIdOf(i.item, h._id, i.occurredOn);
  const approved = i.state.status === 'approved';
  return { record, capId, approval: approved ? ledgerEvent(record, 'approve', approvalDelta(record.points), i.by._id, i.now) : null };
}
