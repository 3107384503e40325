// Stored documents → the contract's views.
import type { RecordView, Role, RuleSetView } from '../../typings';
import type { PointRecord, RuleSet } from '../shared/points/model';
import { passedFiles } from '../shared/media-verdict';
import { ROLE_NAMES } from '../shared/roles';

export function ruleSetView(r: RuleSet): RuleSetView {
  return { id: r._id, version: r.version, effectiveFrom: r.effectiveFrom, adoption: r.adoption, items: r.items };
}

function isRole(role: string): role is Role {
  return Object.hasOwn(ROLE_NAMES, role);
}

function roleName(role: string): string {
  return isRole(role) ? ROLE_NAMES[role] : role;
}

/** The record as its recorder (who uploaded its evidence) and the cadres see it: every photo. */
export function recordView(r: PointRecord): RecordView {
  return {
    id: r._id,
    householdId: r.householdId,
    householdLabel: r.householdLabel,
    itemCode: r.itemCode,
    itemName: r.itemName,
    category: r.category,
    points: r.points,
    ruleVersion: r.ruleVersion,
    occurredOn: r.occurredOn,
    month: r.month,
    status: r.status,
    source: r.source,
    recordedByName: r.recordedByName,
    proxyFor: r.proxyFor,
    note: r.note,
    reason: r.reason,
    evidence: r.evidence,
    reverses: r.reverses,
    reversedBy: r.reversedBy,
    steps: r.steps.map((s) => ({
      byName: s.byName,
      role: roleName(s.role),
      decision: s.decision,
      reason: s.reason,
      at: s.at.toISOString(),
    })),
  };
}

/**
 * The record as `seesAll` says: the recorder and the cadres see every photo; anyone else (a grid
 * leader reviewing, the household) those WeChat's media check passed, never a pending or risky one.
 */
export function recordViewFor(r: PointRecord, seesAll: boolean): RecordView {
  const view = recordView(r);
  return seesAll ? view : { ...view, evidence: passedFiles(r.evidence, r.mediaChecks) };
}
