// What importing the rows would do to the village, as a plan of documents to add and fields to set:
// households are matched by village + 户号, people by ID number, grids by name. Running the plan
// of the same file again finds everything in place and changes nothing.
import type { ImportAction, ImportCounts } from '../../../typings';
import type { Grid, Household, Member, Membership } from './model';
import type { ImportRow } from './import-rows';
import { newMember, placedIn } from './member';
import { HEAD } from './person';

export interface ExistingState {
  grids: Grid[];
  /** The village's households whose 户号 the file names. */
  households: Household[];
  /** Members the file names by ID number, and the active members of those households. */
  members: Member[];
}

export interface PlanInput {
  villageId: string;
  by: { id: string; name: string };
  now: Date;
  rows: ImportRow[];
  existing: ExistingState;
  /** A new document id with a prefix (random in the function). */
  newId: (prefix: string) => string;
}

export type HouseholdChange = Partial<Pick<Household, 'gridId' | 'groupId' | 'headName' | 'moves'>>;
export type MemberChange = Partial<
  Pick<Member, 'householdId' | 'name' | 'relation' | 'phone' | 'status' | 'leftAt' | 'leftReason' | 'membershipId'>
>;

export interface ImportPlan {
  rows: (ImportRow & { action: ImportAction | null })[];
  counts: ImportCounts;
  newGrids: Grid[];
  newHouseholds: Household[];
  householdChanges: { id: string; set: HouseholdChange }[];
  /** Households that moved to another grid (their balance's grid follows). */
  movedHouseholds: { id: string; gridId: string }[];
  newMembers: Member[];
  memberChanges: { id: string; set: MemberChange }[];
  newMemberships: Membership[];
  closedMemberships: { id: string; set: Pick<Membership, 'to' | 'end' | 'note'> }[];
}

interface Context {
  input: PlanInput;
  plan: ImportPlan;
  grids: Grid[];
  households: Map<string, Household>;
  householdActions: Map<string, ImportAction>;
}

function gridFor(ctx: Context, kind: Grid['kind'], name: string, parentId: string | null): Grid {
  const found = ctx.grids.find((g) => g.kind === kind && g.name === name && g.parentId === parentId);
  if (found) return found;
  const grid: Grid = {
    _id: ctx.input.newId(kind === 'micro' ? 'grid' : 'group'),
    villageId: ctx.input.villageId,
    kind,
    name,
    parentId,
    leaderUserId: null,
  };
  ctx.grids.push(grid);
  ctx.plan.newGrids.push(grid);
  return grid;
}

function placeHousehold(ctx: Context, row: ImportRow): Household {
  const known = ctx.households.get(row.no);
  const grid = gridFor(ctx, 'micro', row.grid, null);
  const group = gridFor(ctx, 'group', row.group, grid._id);
  if (known) return known;
  const existing = ctx.input.existing.households.find((h) => h.no === row.no);
  if (!existing) {
    const created: Household = {
      _id: ctx.input.newId('hh'),
      villageId: ctx.input.villageId,
      gridId: grid._id,
      groupId: group._id,
      no: row.no,
      headName: row.headName,
      address: '',
      moves: [],
    };
    ctx.plan.newHouseholds.push(created);
    ctx.households.set(row.no, created);
    ctx.householdActions.set(row.no, 'create');
    return created;
  }
  const set: HouseholdChange = {};
  if (existing.gridId !== grid._id || existing.groupId !== group._id) {
    const { by, now } = ctx.input;
    set.gridId = grid._id;
    set.groupId = group._id;
    set.moves = [
      ...existing.moves,
      {
        fromGridId: existing.gridId,
        fromGroupId: existing.groupId,
        toGridId: grid._id,
        toGroupId: group._id,
        by: by.id,
        byName: by.name,
        at: now,
      },
    ];
    ctx.plan.movedHouseholds.push({ id: existing._id, gridId: grid._id });
  }
  if (existing.headName !== row.headName) set.headName = row.headName;
  const changed = Object.keys(set).length > 0;
  if (changed) ctx.plan.householdChanges.push({ id: existing._id, set });
  ctx.households.set(row.no, { ...existing, ...set });
  ctx.householdActions.set(row.no, changed ? 'update' : 'unchanged');
  return existing;
}

function openMembership(ctx: Context, member: Pick<Member, '_id' | 'name' | 'relation'>, householdId: string): string {
  const id = ctx.input.newId('ms');
  ctx.plan.newMemberships.push({
    _id: id,
    villageId: ctx.input.villageId,
    householdId,
    memberId: member._id,
    name: member.name,
    relation: member.relation,
    from: ctx.input.now,
    to: null,
    end: null,
    note: '',
    by: ctx.input.by.id,
  });
  return id;
}

/** A person already on record, moving in from another household or coming back: their old stint closes. */
function closeOldStint(ctx: Context, person: Member, toNo: string): void {
  if (person.status !== 'active') return;
  const set: Pick<Membership, 'to' | 'end' | 'note'> = { to: ctx.input.now, end: 'moved', note: `迁至${toNo}` };
  if (person.membershipId) ctx.plan.closedMemberships.push({ id: person.membershipId, set });
  else {
    // A stint from before history was kept: record it closed.
    ctx.plan.newMemberships.push({
      _id: ctx.input.newId('ms'),
      villageId: ctx.input.villageId,
      householdId: person.householdId,
      memberId: person._id,
      name: person.name,
      relation: person.relation,
      from: null,
      ...set,
      by: ctx.input.by.id,
    });
  }
}

function problemsAgainstRecord(ctx: Context, row: ImportRow, person: Member | undefined, household: Household | undefined): string[] {
  const out: string[] = [];
  if (person?.userId) {
    const moving = person.status !== 'active' || (household ? person.householdId !== household._id : true);
    if (moving) out.push('此人已绑定微信，请在农户管理中办理迁移');
    else if ((person.relation === HEAD) !== (row.relation === HEAD)) out.push('此人已绑定微信，请在农户管理中更换户主');
  }
  if (person && person.status === 'active' && person.relation === HEAD && household && person.householdId !== household._id) {
    out.push('此人是另一户的户主，请先在农户管理中更换户主');
  }
  if (household && row.relation === HEAD) {
    const head = ctx.input.existing.members.find((m) => m.householdId === household._id && m.status === 'active' && m.relation === HEAD);
    if (head && head.idNumber !== row.idNumber) out.push(`这一户在系统中的户主是${head.name}，与文件不同；请先在农户管理中更换户主`);
  }
  return out;
}

function planPerson(ctx: Context, row: ImportRow, household: Household): ImportAction {
  const person = ctx.input.existing.members.find((m) => m.idNumber === row.idNumber);
  if (!person) {
    const { name, relation, idNumber, phone } = row;
    const member = newMember(
      ctx.input.newId('m'),
      ctx.input.villageId,
      placedIn(household._id, { name, relation, idNumber, phone, userId: null }),
    );
    member.membershipId = openMembership(ctx, member, household._id);
    ctx.plan.newMembers.push(member);
    return 'create';
  }
  const set: MemberChange = {};
  if (person.status !== 'active' || person.householdId !== household._id) {
    closeOldStint(ctx, person, household.no);
    Object.assign(set, { householdId: household._id, status: 'active', leftAt: null, leftReason: '' });
    set.membershipId = openMembership(ctx, { _id: person._id, name: row.name, relation: row.relation }, household._id);
  }
  if (person.name !== row.name) set.name = row.name;
  if (person.relation !== row.relation) set.relation = row.relation;
  if (person.phone !== row.phone && row.phone) set.phone = row.phone;
  if (!Object.keys(set).length) return 'unchanged';
  ctx.plan.memberChanges.push({ id: person._id, set });
  return 'update';
}

function emptyCounts(rows: number): ImportCounts {
  return {
    rows,
    problemRows: 0,
    grids: { create: 0 },
    households: { create: 0, update: 0, unchanged: 0 },
    members: { create: 0, update: 0, unchanged: 0 },
  };
}

/** The plan for rows already checked by checkRows; adds the problems only the record can show. */
export function planImport(input: PlanInput): ImportPlan {
  const plan: ImportPlan = {
    rows: [],
    counts: emptyCounts(input.rows.length),
    newGrids: [],
    newHouseholds: [],
    householdChanges: [],
    movedHouseholds: [],
    newMembers: [],
    memberChanges: [],
    newMemberships: [],
    closedMemberships: [],
  };
  const ctx: Context = { input, plan, grids: [...input.existing.grids], households: new Map(), householdActions: new Map() };
  // A household new to the village needs its head in the file.
  const headed = new Set(input.rows.filter((r) => r.relation === HEAD).map((r) => r.no));
  for (const row of input.rows) {
    const onRecord = input.existing.households.find((h) => h.no === row.no);
    if (row.no && !onRecord && !headed.has(row.no)) row.problems.push('这一户是新户，但文件里没有户主那一行');
    if (!row.problems.length) {
      const person = input.existing.members.find((m) => m.idNumber === row.idNumber);
      row.problems.push(...problemsAgainstRecord(ctx, row, person, onRecord));
    }
    if (row.problems.length) {
      plan.rows.push({ ...row, action: null });
      continue;
    }
    const household = placeHousehold(ctx, row);
    plan.rows.push({ ...row, action: planPerson(ctx, row, household) });
  }
  const c = plan.counts;
  c.problemRows = plan.rows.filter((r) => r.problems.length).length;
  c.grids.create = plan.newGrids.length;
  for (const action of ctx.householdActions.values()) c.households[action] += 1;
  for (const r of plan.rows) if (r.action) c.members[r.action] += 1;
  return plan;
}
