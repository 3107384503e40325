// The one list of collections and their indexes. The local cloud creates them from it
// (build/database.json), and a deployment creates the same in the cloud console. This file is a
// data table (the manifest: one entry per collection, each index with the query it serves), so it
// may run past the 300 lines a file of code keeps to; split it only if an entry needs logic.
export interface IndexDef {
  name: string;
  keys: { field: string; direction: 1 | -1 }[];
  unique?: boolean;
}

export interface CollectionDef {
  name: string;
  indexes: IndexDef[];
}

export const C = {
  towns: 'towns',
  villages: 'villages',
  grids: 'grids',
  households: 'households',
  members: 'members',
  users: 'users',
  ruleSets: 'ruleSets',
  pointRecords: 'pointRecords',
  ledger: 'ledger',
  balances: 'balances',
  pointCaps: 'pointCaps',
  notices: 'notices',
  noticeGates: 'noticeGates',
  objections: 'objections',
  invites: 'invites',
  joinRequests: 'joinRequests',
  memberships: 'memberships',
  villageImports: 'villageImports',
  shopGoods: 'shopGoods',
  shopOrders: 'shopOrders',
  shopUsage: 'shopUsage',
  shopSettings: 'shopSettings',
  matters: 'matters',
  holidayOverrides: 'holidayOverrides',
  calendarWarnings: 'calendarWarnings',
  honourAwards: 'honourAwards',
  loanCertificates: 'loanCertificates',
  certificateAttempts: 'certificateAttempts',
  dailyQuotas: 'dailyQuotas',
  joinSlots: 'joinSlots',
  idNumbers: 'idNumbers',
  boardLetters: 'boardLetters',
  boardReads: 'boardReads',
  boardLikes: 'boardLikes',
  boardComments: 'boardComments',
  boardItems: 'boardItems',
  boardSubscriptions: 'boardSubscriptions',
} as const;

export type CollectionName = (typeof C)[keyof typeof C];

const asc = (...fields: string[]): IndexDef['keys'] => fields.map((field) => ({ field, direction: 1 }));
/** Ascending but the last field, which is descending: a list of one owner, newest (or latest version) first. */
const newestFirst = (...fields: string[]): IndexDef['keys'] =>
  fields.map((field, i) => ({ field, direction: i === fields.length - 1 ? -1 : 1 }));

export const COLLECTIONS: CollectionDef[] = [
  { name: C.towns, indexes: [] },
  { name: C.villages, indexes: [{ name: 'townId_1', keys: asc('townId') }] },
  { name: C.grids, indexes: [{ name: 'villageId_1_kind_1', keys: asc('villageId', 'kind') }] },
  {
    name: C.households,
    indexes: [
      { name: 'villageId_1_gridId_1', keys: asc('villageId', 'gridId') },
      { name: 'villageId_1_no_1', keys: asc('villageId', 'no'), unique: true },
    ],
  },
  {
    name: C.members,
    indexes: [
      { name: 'householdId_1', keys: asc('householdId') },
      // Import and edits match a person by ID number within the village.
      { name: 'villageId_1_idNumber_1', keys: asc('villageId', 'idNumber') },
    ],
  },
  // users: _id is the WeChat openid, so "who am I" is one get by id.
  {
    name: C.ruleSets,
    indexes: [{ name: 'villageId_1_version_-1', keys: newestFirst('villageId', 'version'), unique: true }],
  },
  {
    name: C.users,
    indexes: [
      { name: 'villageId_1', keys: asc('villageId') },
      { name: 'townId_1', keys: asc('townId') },
      { name: 'householdId_1', keys: asc('householdId') },
    ],
  },
  {
    name: C.pointRecords,
    indexes: [
      { name: 'mediaChecks.traceId_1', keys: asc('mediaChecks.traceId') },
      { name: 'villageId_1_status_1_level_1', keys: asc('villageId', 'status', 'level') },
      { name: 'householdId_1_occurredOn_-1', keys: newestFirst('householdId', 'occurredOn') },
      { name: 'villageId_1_month_1_status_1', keys: asc('villageId', 'month', 'status') },
    ],
  },
  {
    name: C.ledger,
    indexes: [
      { name: 'householdId_1', keys: asc('householdId') },
      { name: 'villageId_1_month_1', keys: asc('villageId', 'month') },
    ],
  },
  { name: C.balances, indexes: [{ name: 'villageId_1_gridId_1', keys: asc('villageId', 'gridId') }] },
  { name: C.pointCaps, indexes: [] },
  // One per village and month, read by _id only: closed by publishing, claimed by a late record (notice/booking.ts).
  { name: C.noticeGates, indexes: [] },
  {
    name: C.notices,
    indexes: [
      { name: 'villageId_1_month_-1', keys: newestFirst('villageId', 'month') },
      { name: 'status_1_closesAt_1', keys: asc('status', 'closesAt') },
      { name: 'month_1', keys: asc('month') },
    ],
  },
  {
    name: C.objections,
    indexes: [
      { name: 'villageId_1_month_1_status_1', keys: asc('villageId', 'month', 'status') },
      { name: 'objector_1', keys: asc('objector') },
    ],
  },
  // invites: _id is the code, so using one is a get by id.
  { name: C.invites, indexes: [] },
  {
    name: C.joinRequests,
    indexes: [
      { name: 'villageId_1_status_1', keys: asc('villageId', 'status') },
      { name: 'openid_1_createdAt_-1', keys: newestFirst('openid', 'createdAt') },
    ],
  },
  { name: C.memberships, indexes: [{ name: 'householdId_1', keys: asc('householdId') }] },
  { name: C.villageImports, indexes: [{ name: 'villageId_1', keys: asc('villageId') }] },
  // 积分超市: browse joins a village's goods by villageId; usage and settings are got by _id.
  { name: C.shopGoods, indexes: [{ name: 'villageId_1', keys: asc('villageId') }] },
  {
    name: C.shopOrders,
    indexes: [
      // The keeper finds an order by its pickup code, unique in the village.
      { name: 'villageId_1_code_1', keys: asc('villageId', 'code'), unique: true },
      { name: 'householdId_1_createdAt_-1', keys: newestFirst('householdId', 'createdAt') },
      // The expiry timer: open orders past their pickup deadline, whatever the village.
      { name: 'status_1_expiresAt_1', keys: asc('status', 'expiresAt') },
      { name: 'villageId_1_closedMonth_1', keys: asc('villageId', 'closedMonth') },
    ],
  },
  { name: C.shopUsage, indexes: [] },
  { name: C.shopSettings, indexes: [] },
  // 村民说事: the public list (newest first), my matters, the cadres' queue (by deadline), statistics
  // per village and per town by day raised, and the overdue timer (armed matters past their deadline).
  {
    name: C.matters,
    indexes: [
      { name: 'villageId_1_listed_1_raisedAt_-1', keys: newestFirst('villageId', 'listed', 'raisedAt') },
      { name: 'raisedBy_1_raisedAt_-1', keys: newestFirst('raisedBy', 'raisedAt') },
      { name: 'villageId_1_active_1_dueAt_1', keys: asc('villageId', 'active', 'dueAt') },
      { name: 'villageId_1_raisedOn_1', keys: asc('villageId', 'raisedOn') },
      { name: 'townId_1_raisedOn_1', keys: asc('townId', 'raisedOn') },
      { name: 'armed_1_dueAt_1', keys: asc('armed', 'dueAt') },
      // A media check's verdict finds its matter by trace id.
      { name: 'mediaChecks.traceId_1', keys: asc('mediaChecks.traceId') },
    ],
  },
  // Dated holidays / working days laid over the library's calendar: _id is `${scope}|${date}`.
  { name: C.holidayOverrides, indexes: [{ name: 'scope_1_date_1', keys: asc('scope', 'date') }] },
  // A town's missing calendar years: _id is `${townId}|${year}`, so a warning is written once.
  { name: C.calendarWarnings, indexes: [{ name: 'townId_1_year_1', keys: asc('townId', 'year') }] },
  // Grid honours: _id is `${villageId}:${quarter}` (one award a quarter); the annual summary reads a year's quarters.
  { name: C.honourAwards, indexes: [{ name: 'villageId_1_quarter_1', keys: asc('villageId', 'quarter') }] },
  // 积分证明: _id is the verification code, so verifying is one get by id; the head lists the household's.
  {
    name: C.loanCertificates,
    indexes: [{ name: 'householdId_1_issuedAt_-1', keys: newestFirst('householdId', 'issuedAt') }],
  },
  // Failed verifications: _id is `${openid}|${China hour}`, got by id.
  { name: C.certificateAttempts, indexes: [] },
  // Per-user daily limits: _id is `${kind}|${openid}|${China day}`, got by id inside a transaction.
  { name: C.dailyQuotas, indexes: [] },
  // One waiting request per person: _id is the openid, added with the request and removed when it is decided.
  { name: C.joinSlots, indexes: [] },
  // An ID number's one member in a village: _id is `${villageId}|${idNumber}`, written with the member.
  { name: C.idNumbers, indexes: [] },
  // 书记公开信: the village's letters newest first (drafts by status); the town's letters of a period.
  {
    name: C.boardLetters,
    indexes: [
      { name: 'mediaChecks.traceId_1', keys: asc('mediaChecks.traceId') },
      { name: 'villageId_1_status_1_publishedAt_-1', keys: newestFirst('villageId', 'status', 'publishedAt') },
      { name: 'townId_1_status_1_publishedOn_1', keys: asc('townId', 'status', 'publishedOn') },
    ],
  },
  // Reads: _id `${letterId}|u|${openid}` (one per user) and `${letterId}|h|${householdId}` (one per
  // household), so counting is idempotent; the secretary lists a letter's reading households.
  { name: C.boardReads, indexes: [{ name: 'letterId_1_kind_1', keys: asc('letterId', 'kind') }] },
  // Likes: _id `${letterId}|${openid}`, got and removed by id.
  { name: C.boardLikes, indexes: [] },
  // Comments of a letter newest first; the secretary's held ones per village.
  {
    name: C.boardComments,
    indexes: [
      { name: 'letterId_1_createdAt_-1', keys: newestFirst('letterId', 'createdAt') },
      { name: 'villageId_1_status_1', keys: asc('villageId', 'status') },
    ],
  },
  // The notice board: a tab's items newest first (drafts by status), the newest of any kind, the
  // chronicle by its date, and the town's published finance items of a period.
  {
    name: C.boardItems,
    indexes: [
      { name: 'mediaChecks.traceId_1', keys: asc('mediaChecks.traceId') },
      { name: 'villageId_1_kind_1_status_1_publishedAt_-1', keys: newestFirst('villageId', 'kind', 'status', 'publishedAt') },
      { name: 'villageId_1_status_1_publishedAt_-1', keys: newestFirst('villageId', 'status', 'publishedAt') },
      { name: 'villageId_1_kind_1_status_1_eventDate_-1', keys: newestFirst('villageId', 'kind', 'status', 'eventDate') },
      { name: 'townId_1_kind_1_status_1_publishedOn_1', keys: asc('townId', 'kind', 'status', 'publishedOn') },
    ],
  },
  // Subscribe-message grants per user (_id the openid): a 通知 goes to the village's users holding one.
  { name: C.boardSubscriptions, indexes: [{ name: 'villageId_1', keys: asc('villageId') }] },
];
