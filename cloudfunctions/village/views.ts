// Stored documents → the contract's views (ID and phone numbers always masked).
import type { GridView, HouseholdRow, MemberView, MembershipHistoryView, MembershipRequestView, PersonView } from '../../typings';
import { chinaDate } from '../shared/china-time';
import { maskId, maskPhone } from '../shared/village/mask';
import type { Grid, Household, JoinRequest, Member, Membership, User } from '../shared/village/model';
import { ROLE_NAMES } from '../shared/roles';
import { personIdOf } from '../shared/users';

export function gridName(grids: Grid[], id: string): string {
  return grids.find((g) => g._id === id)?.name ?? '';
}

export function householdRow(h: Household, grids: Grid[]): HouseholdRow {
  return {
    id: h._id,
    no: h.no,
    headName: h.headName,
    gridId: h.gridId,
    gridName: gridName(grids, h.gridId),
    groupId: h.groupId,
    groupName: gridName(grids, h.groupId),
  };
}

export function householdLabel(h: Pick<Household, 'no' | 'headName'>): string {
  return `${h.no}（户主 ${h.headName}）`;
}

export function memberView(m: Member): MemberView {
  return {
    id: m._id,
    name: m.name,
    relation: m.relation,
    idNumber: maskId(m.idNumber),
    phone: maskPhone(m.phone),
    status: m.status,
    linked: m.userId !== null,
    leftOn: m.leftAt ? chinaDate(m.leftAt) : null,
    leftReason: m.leftReason,
  };
}

export function historyView(s: Membership): MembershipHistoryView {
  return {
    memberId: s.memberId,
    name: s.name,
    relation: s.relation,
    from: s.from ? chinaDate(s.from) : null,
    to: s.to ? chinaDate(s.to) : null,
    end: s.end,
    note: s.note,
  };
}

/** Grid leaders by their openid (the grids' key), as the views name them: person id and name. */
export type Leaders = Map<string, { personId: string; name: string }>;

export function gridView(g: Grid, leaders: Leaders, households: Map<string, number>): GridView {
  const leader = g.leaderUserId ? leaders.get(g.leaderUserId) : undefined;
  return {
    id: g._id,
    kind: g.kind,
    name: g.name,
    parentId: g.parentId,
    leader: leader ? { personId: leader.personId, name: leader.name } : null,
    households: households.get(g._id) ?? 0,
  };
}

export function personView(u: User, householdLabelText: string): PersonView {
  return {
    personId: personIdOf(u),
    name: u.name,
    roles: u.roles,
    roleNames: u.roles.map((r) => ROLE_NAMES[r]),
    householdLabel: householdLabelText,
  };
}

export function requestView(r: JoinRequest, matched: Member | null): MembershipRequestView {
  return {
    id: r._id,
    villageName: r.villageName,
    householdId: r.householdId,
    householdLabel: r.householdLabel,
    name: r.name,
    idLast4: r.idLast4,
    matchedMember: matched ? { id: matched._id, name: matched.name, relation: matched.relation, idNumber: maskId(matched.idNumber) } : null,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    decidedByName: r.decidedByName,
    roleName: r.role ? ROLE_NAMES[r.role] : null,
  };
}
