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
 * Read as: "let through" when the request names real documents of the village: a pending record at
 * the cadres' level, an approved record, an open objection, a household of 第一网格 and its members
 * (none of them the caller's own; the archive is the head's own), a pending join request, a public
 * matter raised by the villager and assigned to the grid leader of 第一网格, a certificate the head
 * issued, a finance item waiting for the supervisor's sign-off, the secretary's letter and a
 * villager's comment on it (test/access/targets.ts). Turned away is a refusal about who is asking,
 * "not found" (the function hides the document from this caller), or a review that skips every
 * record as not the caller's to review.
 */
export const ALLOWED: Table = {
  account: {
    home: { roles: EVERYONE, otherVillage: EVERYONE },
    me: { roles: EVERYONE, otherVillage: EVERYONE },
  },
  points: {
    rules: { roles: MEMBERS, otherVillage: MEMBERS },
    template: { roles: EVERYONE, otherVillage: EVERYONE },
    adopt: { roles: ['secretary'], otherVillage: ['secretary'] },
    record: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: NOBODY },
    queue: { roles: ['gridLeader', 'cadre', 'secretary', 'supervisor'], otherVillage: ['cadre', 'secretary', 'supervisor'] },
    review: { roles: CADRES, otherVillage: NOBODY },
    reverse: { roles: CADRES, otherVillage: NOBODY },
    archive: { roles: ['head', 'gridLeader', 'cadre', 'secretary'], otherVillage: NOBODY },
    recompute: { roles: CADRES, otherVillage: CADRES },
    households: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: CADRES },
  },
  notice: {
    list: { roles: MEMBERS, otherVillage: MEMBERS },
    get: { roles: MEMBERS, otherVillage: NOBODY },
    publish: { roles: CADRES, otherVillage: CADRES },
    object: { roles: MEMBERS, otherVillage: NOBODY },
    resolve: { roles: CADRES, otherVillage: NOBODY },
    settle: { roles: CADRES, otherVillage: NOBODY },
    boards: { roles: MEMBERS, otherVillage: NOBODY },
  },
  village: {
    townVillages: { roles: ['townAdmin'], otherVillage: NOBODY },
    createVillage: { roles: ['townAdmin'], otherVillage: ['townAdmin'] },
    createInvite: { roles: ['head', 'cadre', 'secretary'], otherVillage: NOBODY },
    revokeInvite: { roles: CADRES, otherVillage: NOBODY },
    inviteInfo: { roles: EVERYONE, otherVillage: EVERYONE },
    join: { roles: EVERYONE, otherVillage: EVERYONE },
    myJoin: { roles: EVERYONE, otherVillage: EVERYONE },
    pending: { roles: CADRES, otherVillage: CADRES },
    confirm: { roles: CADRES, otherVillage: NOBODY },
    refuse: { roles: CADRES, otherVillage: NOBODY },
    overview: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: CADRES },
    household: { roles: ['head', 'gridLeader', 'cadre', 'secretary', 'townAdmin'], otherVillage: NOBODY },
    createHousehold: { roles: CADRES, otherVillage: CADRES },
    editHousehold: { roles: CADRES, otherVillage: NOBODY },
    moveHousehold: { roles: CADRES, otherVillage: NOBODY },
    addMember: { roles: CADRES, otherVillage: NOBODY },
    editMember: { roles: CADRES, otherVillage: NOBODY },
    moveMember: { roles: CADRES, otherVillage: NOBODY },
    leaveMember: { roles: CADRES, otherVillage: NOBODY },
    grids: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: CADRES },
    createGrid: { roles: CADRES, otherVillage: CADRES },
    renameGrid: { roles: CADRES, otherVillage: NOBODY },
    setGridLeader: { roles: ['secretary'], otherVillage: NOBODY },
    people: { roles: CADRES, otherVillage: CADRES },
    setRole: { roles: ['secretary'], otherVillage: NOBODY },
    importPreview: { roles: CADRES, otherVillage: CADRES },
    importCommit: { roles: CADRES, otherVillage: CADRES },
  },
  shop: {
    browse: { roles: MEMBERS, otherVillage: MEMBERS },
    redeem: { roles: MEMBERS, otherVillage: NOBODY },
    orders: { roles: MEMBERS, otherVillage: MEMBERS },
    cancel: { roles: ['head'], otherVillage: NOBODY },
    verify: { roles: ['cadre', 'secretary', 'keeper'], otherVillage: NOBODY },
    handover: { roles: ['cadre', 'secretary', 'keeper'], otherVillage: NOBODY },
    saveGoods: { roles: CADRES, otherVillage: NOBODY },
    decideGoods: { roles: CADRES, otherVillage: NOBODY },
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
    detail: { roles: MEMBERS_AND_TOWN, otherVillage: NOBODY },
    moderate: { roles: CADRES, otherVillage: NOBODY },
    respond: { roles: CADRES, otherVillage: NOBODY },
    note: { roles: CADRES, otherVillage: NOBODY },
    assign: { roles: CADRES, otherVillage: NOBODY },
    progress: { roles: ['gridLeader', 'cadre', 'secretary'], otherVillage: NOBODY },
    close: { roles: CADRES, otherVillage: NOBODY },
    rate: { roles: ['villager'], otherVillage: NOBODY },
    reopen: { roles: ['villager'], otherVillage: NOBODY },
    assignees: { roles: CADRES, otherVillage: CADRES },
    stats: { roles: ['cadre', 'secretary', 'townAdmin'], otherVillage: ['cadre', 'secretary', 'townAdmin'] },
    calendar: { roles: ['cadre', 'secretary', 'townAdmin'], otherVillage: ['cadre', 'secretary', 'townAdmin'] },
    setOverride: { roles: CADRES, otherVillage: CADRES },
  },
  honours: {
    grids: { roles: MEMBERS, otherVillage: MEMBERS },
    quarter: { roles: MEMBERS, otherVillage: MEMBERS },
    award: { roles: CADRES, otherVillage: CADRES },
    annual: { roles: MEMBERS, otherVillage: NOBODY },
    loan: { roles: MEMBERS, otherVillage: NOBODY },
    issue: { roles: ['head', 'gridLeader', 'cadre', 'secretary', 'keeper', 'supervisor'], otherVillage: NOBODY },
    revoke: { roles: ['head'], otherVillage: NOBODY },
    verify: { roles: EVERYONE, otherVillage: EVERYONE },
  },
  board: {
    home: { roles: MEMBERS, otherVillage: MEMBERS },
    letters: { roles: MEMBERS, otherVillage: MEMBERS },
    letter: { roles: EVERYONE, otherVillage: EVERYONE },
    saveLetter: { roles: ['secretary'], otherVillage: NOBODY },
    like: { roles: MEMBERS, otherVillage: NOBODY },
    comment: { roles: MEMBERS, otherVillage: NOBODY },
    moderate: { roles: ['secretary'], otherVillage: NOBODY },
    reply: { roles: ['secretary'], otherVillage: NOBODY },
    readers: { roles: CADRES, otherVillage: NOBODY },
    items: { roles: MEMBERS, otherVillage: MEMBERS },
    item: { roles: ['cadre', 'secretary', 'supervisor'], otherVillage: NOBODY },
    saveItem: { roles: CADRES, otherVillage: NOBODY },
    signOff: { roles: ['supervisor'], otherVillage: NOBODY },
    publishItem: { roles: CADRES, otherVillage: NOBODY },
    decideLetter: { roles: CADRES, otherVillage: NOBODY },
    decideItem: { roles: CADRES, otherVillage: NOBODY },
    subscribeTemplates: { roles: EVERYONE, otherVillage: EVERYONE },
    subscribed: { roles: MEMBERS, otherVillage: MEMBERS },
    town: { roles: ['townAdmin'], otherVillage: NOBODY },
  },
};

export function allowedFor<F extends FunctionName>(fn: F, action: ActionName<F>): Allowed {
  return ALLOWED[fn][action];
}
