// The allowed table: for every action of the contract, who is let through (not turned away for who
// they are) when they call it in their own village, and which of the same roles of another village
// are let through (actions that work in the caller's own village, or read what is public). The
// access matrix test (test/access/matrix.test.ts) calls every action as every role and holds the
// functions to this table; the README prints it.
import type { ActionName, Api, ErrorCode, FunctionName, Role } from '../../../typings';

export type Who = Role | 'stranger';

export interface Allowed {
  /** Roles of the village the request is about. */
  roles: readonly Who[];
  /** The same roles of another village (or another town's admin) let through. */
  otherVillage: readonly Who[];
}

/** Refusals about who is asking; any other answer means the caller was let through. */
export const DENIED_CODES: ReadonlySet<ErrorCode | 'ok'> = new Set<ErrorCode | 'ok'>([
  'AUTH.FORBIDDEN',
  'AUTH.OTHER_VILLAGE',
  'AUTH.NOT_JOINED',
  'AUTH.PENDING',
  'AUTH.LEFT',
  'AUTH.OWN_HOUSEHOLD',
]);

type Table = { [F in FunctionName]: { [A in keyof Api[F] & string]: Allowed } };

const MEMBERS: readonly Who[] = ['villager', 'head', 'gridLeader', 'cadre', 'secretary', 'keeper', 'supervisor'];
const MEMBERS_AND_TOWN: readonly Who[] = [...MEMBERS, 'townAdmin'];
const EVERYONE: readonly Who[] = [...MEMBERS_AND_TOWN, 'stranger'];
const CADRES: readonly Who[] = ['cadre', 'secretary'];
const NOBODY: readonly Who[] = [];

/**
 * Read as: "let through". An action open to every member often refuses later, for what the request
 * is about (a record not theirs to review is skipped, a matter not theirs to see is "not found",
 * another household's member is not theirs to edit): that is the rules of each function, tested
 * with them; this table is about who is turned away at the door.
 */
export const ALLOWED: Table = {
  account: {
    home: { roles: EVERYONE, otherVillage: EVERYONE },
    me: { roles: EVERYONE, otherVillage: EVERYONE },
  },
  points: {
    rules: { roles: MEMBERS, otherVillage: MEMBERS },
    template: { roles: EVERYONE, otherVillage: EVERYONE },
    adopt: { roles: EVERYONE, otherVillage: EVERYONE },
    record: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: NOBODY },
    queue: { roles: ['gridLeader', 'cadre', 'secretary', 'supervisor'], otherVillage: ['cadre', 'secretary', 'supervisor'] },
    review: { roles: MEMBERS, otherVillage: MEMBERS },
    reverse: { roles: CADRES, otherVillage: CADRES },
    archive: { roles: ['head', 'gridLeader', 'cadre', 'secretary'], otherVillage: NOBODY },
    recompute: { roles: CADRES, otherVillage: CADRES },
    households: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: CADRES },
  },
  notice: {
    list: { roles: MEMBERS, otherVillage: MEMBERS },
    get: { roles: MEMBERS, otherVillage: MEMBERS },
    publish: { roles: CADRES, otherVillage: CADRES },
    object: { roles: MEMBERS, otherVillage: MEMBERS },
    resolve: { roles: CADRES, otherVillage: CADRES },
    settle: { roles: CADRES, otherVillage: CADRES },
    boards: { roles: MEMBERS, otherVillage: MEMBERS },
  },
  village: {
    townVillages: { roles: ['townAdmin'], otherVillage: ['townAdmin'] },
    createVillage: { roles: ['townAdmin'], otherVillage: ['townAdmin'] },
    createInvite: { roles: ['head', 'cadre', 'secretary'], otherVillage: NOBODY },
    revokeInvite: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    inviteInfo: { roles: EVERYONE, otherVillage: EVERYONE },
    join: { roles: EVERYONE, otherVillage: EVERYONE },
    myJoin: { roles: EVERYONE, otherVillage: EVERYONE },
    pending: { roles: CADRES, otherVillage: CADRES },
    confirm: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    refuse: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    overview: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: CADRES },
    household: { roles: ['head', 'gridLeader', 'cadre', 'secretary', 'townAdmin'], otherVillage: NOBODY },
    createHousehold: { roles: CADRES, otherVillage: CADRES },
    editHousehold: { roles: MEMBERS, otherVillage: MEMBERS },
    moveHousehold: { roles: MEMBERS, otherVillage: MEMBERS },
    addMember: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    editMember: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    moveMember: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    leaveMember: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    grids: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: CADRES },
    createGrid: { roles: CADRES, otherVillage: CADRES },
    renameGrid: { roles: MEMBERS, otherVillage: MEMBERS },
    setGridLeader: { roles: MEMBERS, otherVillage: MEMBERS },
    people: { roles: CADRES, otherVillage: CADRES },
    setRole: { roles: ['secretary'], otherVillage: ['secretary'] },
    importPreview: { roles: CADRES, otherVillage: CADRES },
    importCommit: { roles: CADRES, otherVillage: CADRES },
  },
  shop: {
    browse: { roles: MEMBERS, otherVillage: MEMBERS },
    redeem: { roles: MEMBERS, otherVillage: NOBODY },
    orders: { roles: MEMBERS, otherVillage: MEMBERS },
    cancel: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    verify: { roles: ['cadre', 'secretary', 'keeper'], otherVillage: ['cadre', 'secretary', 'keeper'] },
    handover: { roles: ['cadre', 'secretary', 'keeper'], otherVillage: ['cadre', 'secretary', 'keeper'] },
    saveGoods: { roles: CADRES, otherVillage: CADRES },
    decideGoods: { roles: CADRES, otherVillage: CADRES },
    settings: { roles: CADRES, otherVillage: CADRES },
    saveSettings: { roles: CADRES, otherVillage: CADRES },
    report: { roles: CADRES, otherVillage: CADRES },
    exportReport: { roles: CADRES, otherVillage: CADRES },
  },
  matters: {
    raise: { roles: MEMBERS, otherVillage: MEMBERS },
    list: { roles: MEMBERS, otherVillage: MEMBERS },
    mine: { roles: MEMBERS, otherVillage: MEMBERS },
    queue: { roles: ['cadre', 'secretary', 'supervisor'], otherVillage: ['cadre', 'secretary', 'supervisor'] },
    detail: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    moderate: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    respond: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    note: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    assign: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    progress: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    close: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    rate: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    reopen: { roles: MEMBERS_AND_TOWN, otherVillage: MEMBERS_AND_TOWN },
    assignees: { roles: CADRES, otherVillage: CADRES },
    stats: { roles: ['cadre', 'secretary', 'townAdmin'], otherVillage: ['cadre', 'secretary', 'townAdmin'] },
    calendar: { roles: ['cadre', 'secretary', 'townAdmin'], otherVillage: ['cadre', 'secretary', 'townAdmin'] },
    setOverride: { roles: CADRES, otherVillage: CADRES },
  },
  honours: {
    grids: { roles: MEMBERS, otherVillage: MEMBERS },
    quarter: { roles: MEMBERS, otherVillage: MEMBERS },
    award: { roles: CADRES, otherVillage: CADRES },
    annual: { roles: MEMBERS, otherVillage: MEMBERS },
    loan: { roles: MEMBERS, otherVillage: MEMBERS },
    issue: { roles: ['head', 'gridLeader', 'cadre', 'secretary', 'keeper', 'supervisor'], otherVillage: MEMBERS },
    revoke: { roles: MEMBERS, otherVillage: MEMBERS },
    verify: { roles: EVERYONE, otherVillage: EVERYONE },
  },
  board: {
    home: { roles: MEMBERS, otherVillage: MEMBERS },
    letters: { roles: MEMBERS, otherVillage: MEMBERS },
    letter: { roles: EVERYONE, otherVillage: EVERYONE },
    saveLetter: { roles: ['secretary'], otherVillage: ['secretary'] },
    like: { roles: EVERYONE, otherVillage: EVERYONE },
    comment: { roles: EVERYONE, otherVillage: EVERYONE },
    moderate: { roles: EVERYONE, otherVillage: EVERYONE },
    reply: { roles: EVERYONE, otherVillage: EVERYONE },
    readers: { roles: MEMBERS, otherVillage: MEMBERS },
    items: { roles: MEMBERS, otherVillage: MEMBERS },
    item: { roles: EVERYONE, otherVillage: EVERYONE },
    saveItem: { roles: CADRES, otherVillage: CADRES },
    signOff: { roles: EVERYONE, otherVillage: EVERYONE },
    publishItem: { roles: EVERYONE, otherVillage: EVERYONE },
    decideLetter: { roles: EVERYONE, otherVillage: EVERYONE },
    decideItem: { roles: EVERYONE, otherVillage: EVERYONE },
    subscribeTemplates: { roles: EVERYONE, otherVillage: EVERYONE },
    subscribed: { roles: MEMBERS, otherVillage: MEMBERS },
    town: { roles: ['townAdmin'], otherVillage: ['townAdmin'] },
  },
};

export function allowedFor<F extends FunctionName>(fn: F, action: ActionName<F>): Allowed {
  return ALLOWED[fn][action];
}
