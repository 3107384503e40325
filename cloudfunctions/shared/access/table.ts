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
const LEADERS: readonly Who[] = ['gridLeader', 'cadre', 'secretary'];

/** Let through in their own village only. */
const own = (roles: readonly Who[]): Allowed => ({ roles, otherVillage: NOBODY });
/** Let through in any village: the same roles of another one too (the action works in the caller's own, or reads what is public). */
const anywhere = (roles: readonly Who[]): Allowed => ({ roles, otherVillage: roles });

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
    home: anywhere(EVERYONE),
    me: anywhere(EVERYONE),
  },
  points: {
    rules: anywhere(MEMBERS),
    template: anywhere(EVERYONE),
    adopt: anywhere(['secretary']),
    record: own(LEADERS),
    queue: { roles: ['gridLeader', 'cadre', 'secretary', 'supervisor'], otherVillage: ['cadre', 'secretary', 'supervisor'] },
    review: own(CADRES),
    reverse: own(CADRES),
    archive: own(['head', 'gridLeader', 'cadre', 'secretary']),
    recompute: anywhere(CADRES),
    households: { roles: LEADERS, otherVillage: CADRES },
  },
  notice: {
    list: anywhere(MEMBERS),
    get: own(MEMBERS),
    publish: anywhere(CADRES),
    object: own(MEMBERS),
    resolve: own(CADRES),
    settle: own(CADRES),
    boards: own(MEMBERS),
  },
  village: {
    townVillages: own(['townAdmin']),
    createVillage: anywhere(['townAdmin']),
    createInvite: own(['head', 'cadre', 'secretary']),
    revokeInvite: own(CADRES),
    inviteInfo: anywhere(EVERYONE),
    join: anywhere(EVERYONE),
    myJoin: anywhere(EVERYONE),
    pending: anywhere(CADRES),
    confirm: own(CADRES),
    refuse: own(CADRES),
    overview: { roles: LEADERS, otherVillage: CADRES },
    household: own(['head', 'gridLeader', 'cadre', 'secretary', 'townAdmin']),
    createHousehold: anywhere(CADRES),
    editHousehold: own(CADRES),
    moveHousehold: own(CADRES),
    addMember: own(CADRES),
    editMember: own(CADRES),
    moveMember: own(CADRES),
    leaveMember: own(CADRES),
    grids: { roles: LEADERS, otherVillage: CADRES },
    createGrid: anywhere(CADRES),
    renameGrid: own(CADRES),
    setGridLeader: own(['secretary']),
    people: anywhere(CADRES),
    setRole: own(['secretary']),
    importPreview: anywhere(CADRES),
    importCommit: anywhere(CADRES),
  },
  shop: {
    browse: anywhere(MEMBERS),
    redeem: own(MEMBERS),
    orders: anywhere(MEMBERS),
    cancel: own(['head']),
    verify: own(['cadre', 'secretary', 'keeper']),
    handover: own(['cadre', 'secretary', 'keeper']),
    saveGoods: own(CADRES),
    decideGoods: own(CADRES),
    settings: anywhere(CADRES),
    saveSettings: anywhere(CADRES),
    report: anywhere(CADRES),
    exportReport: anywhere(CADRES),
  },
  matters: {
    raise: anywhere(MEMBERS),
    list: anywhere(MEMBERS),
    mine: anywhere(MEMBERS),
    queue: anywhere(['cadre', 'secretary', 'supervisor']),
    detail: own(MEMBERS_AND_TOWN),
    moderate: own(CADRES),
    respond: own(CADRES),
    note: own(CADRES),
    assign: own(CADRES),
    progress: own(LEADERS),
    close: own(CADRES),
    rate: own(['villager']),
    reopen: own(['villager']),
    assignees: anywhere(CADRES),
    stats: anywhere(['cadre', 'secretary', 'townAdmin']),
    calendar: anywhere(['cadre', 'secretary', 'townAdmin']),
    setOverride: anywhere(CADRES),
  },
  honours: {
    grids: anywhere(MEMBERS),
    quarter: anywhere(MEMBERS),
    award: anywhere(CADRES),
    annual: own(MEMBERS),
    loan: own(MEMBERS),
    issue: own(['head', 'gridLeader', 'cadre', 'secretary', 'keeper', 'supervisor']),
    revoke: own(['head']),
    verify: anywhere(EVERYONE),
  },
  board: {
    home: anywhere(MEMBERS),
    letters: anywhere(MEMBERS),
    letter: anywhere(EVERYONE),
    saveLetter: own(['secretary']),
    like: own(MEMBERS),
    comment: own(MEMBERS),
    moderate: own(['secretary']),
    reply: own(['secretary']),
    readers: own(CADRES),
    items: anywhere(MEMBERS),
    item: own(['cadre', 'secretary', 'supervisor']),
    saveItem: own(CADRES),
    signOff: own(['supervisor']),
    publishItem: own(CADRES),
    decideLetter: own(CADRES),
    decideItem: own(CADRES),
    subscribeTemplates: anywhere(EVERYONE),
    subscribed: anywhere(MEMBERS),
    town: own(['townAdmin']),
  },
};

export function allowedFor<F extends FunctionName>(fn: F, action: ActionName<F>): Allowed {
  return ALLOWED[fn][action];
}
