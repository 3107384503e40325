// The one list of collections and their indexes. The local cloud creates them from it
// (build/database.json), and a deployment creates the same in the cloud console.
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
} as const;

export type CollectionName = (typeof C)[keyof typeof C];

const asc = (...fields: string[]): IndexDef['keys'] => fields.map((field) => ({ field, direction: 1 }));

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
  { name: C.members, indexes: [{ name: 'householdId_1', keys: asc('householdId') }] },
  // users: _id is the WeChat openid, so "who am I" is one get by id.
  { name: C.ruleSets, indexes: [{ name: 'villageId_1_version_-1', keys: [{ field: 'villageId', direction: 1 }, { field: 'version', direction: -1 }], unique: true }] },
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
      { name: 'villageId_1_status_1_level_1', keys: asc('villageId', 'status', 'level') },
      { name: 'householdId_1_occurredOn_-1', keys: [{ field: 'householdId', direction: 1 }, { field: 'occurredOn', direction: -1 }] },
      { name: 'villageId_1_month_1', keys: asc('villageId', 'month') },
    ],
  },
  { name: C.ledger, indexes: [{ name: 'householdId_1', keys: asc('householdId') }, { name: 'villageId_1_month_1', keys: asc('villageId', 'month') }] },
  { name: C.balances, indexes: [{ name: 'villageId_1_gridId_1', keys: asc('villageId', 'gridId') }] },
  { name: C.pointCaps, indexes: [] },
];
