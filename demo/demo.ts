// The demo village: a town, 和美村 with 150 households in 3 微网格 of 联户小组, every role of
// DOMAIN.md as a demo identity, the 村规民约积分条款 adopted at the 2024 year-end assembly, and six
// months of points history. Written straight into the store when it is empty, with the same
// schemas the functions read with, so the demo can never drift from the model.
import { C } from '../cloudfunctions/shared/collections';
import {
  gridSchema,
  householdSchema,
  memberSchema,
  townSchema,
  userSchema,
  villageSchema,
  type Grid,
  type Household,
  type Member,
  type User,
} from '../cloudfunctions/shared/village/model';
import {
  balanceSchema,
  capCounterSchema,
  ledgerEventSchema,
  pointRecordSchema,
  ruleSetSchema,
} from '../cloudfunctions/shared/points/model';
import { noticeSchema } from '../cloudfunctions/shared/notice/model';
import { ROLE_NAMES } from '../cloudfunctions/shared/roles';
import { TEMPLATE_ITEMS } from '../cloudfunctions/shared/rules/template';
import type { DemoIdentity, SeedStore } from '../localcloud/src/demo-module';
import type { Doc } from '../localcloud/src/ejson';
import { demoSupervisor } from './board';
import { demoHistory } from './history';
import { seedMatters } from './matters';
import { seedShop } from './shop';
import { between, idNumber, personName, phone, pick, prng, type Rand } from './names';

export const DEMO_TOWN_ID = 'town-qingxi';
export const DEMO_VILLAGE_ID = 'village-hemei';
const HOUSEHOLDS = 150;
const MICRO_GRIDS = 3;
const GROUP_SIZE = 7;

interface DemoPlan {
  grids: Grid[];
  households: Household[];
  members: Member[];
  users: User[];
}

function household(rand: Rand, index: number, grid: Grid, group: Grid): { household: Household; members: Member[] } {
  const id = `hh-${String(index + 1).padStart(3, '0')}`;
  const surname = personName(rand, 'm').charAt(0);
  const headName = personName(rand, 'm', surname);
  const people: { name: string; relation: string; born: number }[] = [
    { name: headName, relation: '户主', born: between(rand, 1950, 1985) },
  ];
  if (rand() < 0.85) people.push({ name: personName(rand, 'f'), relation: '配偶', born: between(rand, 1952, 1988) });
  for (let i = between(rand, 0, 2); i > 0; i--)
    people.push({ name: personName(rand, 'child', surname), relation: '子女', born: between(rand, 1990, 2015) });
  if (rand() < 0.3) people.push({ name: personName(rand, 'f', surname), relation: '母亲', born: between(rand, 1935, 1950) });
  const members = people.map((p, i) =>
    memberSchema.parse({
      _id: `${id}-m${i + 1}`,
      villageId: DEMO_VILLAGE_ID,
      householdId: id,
      name: p.name,
      relation: p.relation,
      idNumber: idNumber(rand, p.born),
      phone: p.born < 2008 ? phone(rand) : '',
      userId: null,
    }),
  );
  const groupNo = Number(group.name.replace(/\D/g, ''));
  return {
    household: householdSchema.parse({
      _id: id,
      villageId: DEMO_VILLAGE_ID,
      gridId: grid._id,
      groupId: group._id,
      no: `${groupNo}组${(index % GROUP_SIZE) + 1}号`,
      headName,
      address: `清溪镇和美村${groupNo}组${between(rand, 1, 80)}号`,
    }),
    members,
  };
}

function plan(): DemoPlan {
  const rand = prng(20261122);
  const grids: Grid[] = [];
  const households: Household[] = [];
  const members: Member[] = [];
  const perGrid = Math.ceil(HOUSEHOLDS / MICRO_GRIDS);
  let groupNo = 0;
  for (let g = 0; g < MICRO_GRIDS; g++) {
    const micro = gridSchema.parse({
      _id: `grid-${g + 1}`,
      villageId: DEMO_VILLAGE_ID,
      kind: 'micro',
      name: `第${'一二三四五'.charAt(g)}网格`,
      parentId: null,
      leaderUserId: `demo-grid-${g + 1}`,
    });
    grids.push(micro);
    for (let h = g * perGrid; h < Math.min(HOUSEHOLDS, (g + 1) * perGrid); h += GROUP_SIZE) {
      groupNo += 1;
      const group = gridSchema.parse({
        _id: `group-${groupNo}`,
        villageId: DEMO_VILLAGE_ID,
        kind: 'group',
        name: `${groupNo}组联户小组`,
        parentId: micro._id,
        leaderUserId: null,
      });
      grids.push(group);
      for (let i = h; i < Math.min(h + GROUP_SIZE, (g + 1) * perGrid, HOUSEHOLDS); i++) {
        const made = household(rand, i, micro, group);
        households.push(made.household);
        members.push(...made.members);
      }
    }
  }
  return { grids, households, members, users: demoUsers(rand, households, members) };
}

/** Every role as a demo identity, each tied to a real household where the role has one. */
function demoUsers(rand: Rand, households: Household[], members: Member[]): User[] {
  const head = (i: number): Member => {
    const hh = households[i];
    const m = members.find((x) => x.householdId === hh?._id && x.relation === '户主');
    if (!hh || !m) throw new Error('demo household without head');
    return m;
  };
  const users: User[] = [];
  const add = (openid: string, roles: User['roles'], member: Member | null, name?: string): void => {
    if (member) member.userId = openid;
    users.push(
      userSchema.parse({
        _id: openid,
        name: member?.name ?? name ?? personName(rand, 'm'),
        roles,
        villageId: roles.includes('townAdmin') ? null : DEMO_VILLAGE_ID,
        townId: DEMO_TOWN_ID,
        householdId: member?.householdId ?? null,
        memberId: member?._id ?? null,
      }),
    );
  };
  add('demo-secretary', ['secretary', 'cadre', 'head', 'villager'], head(0));
  add('demo-cadre-1', ['cadre', 'head', 'villager'], head(1));
  add('demo-cadre-2', ['cadre', 'head', 'villager'], head(2));
  add('demo-cadre-3', ['cadre', 'head', 'villager'], head(3));
  for (let g = 0; g < MICRO_GRIDS; g++) add(`demo-grid-${g + 1}`, ['gridLeader', 'head', 'villager'], head(g * 50 + 10));
  add('demo-head', ['head', 'villager'], head(20));
  const spouse = members.find((m) => m.householdId === households[21]?._id && m.relation !== '户主' && m.phone);
  add('demo-villager', ['villager'], spouse ?? null);
  add('demo-keeper', ['keeper', 'head', 'villager'], head(30));
  add('demo-town', ['townAdmin'], null, pick(rand, ['刘正平', '陈学文']));
  users.push(demoSupervisor(head(40), DEMO_TOWN_ID));
  return users;
}

function identitiesOf(users: User[]): DemoIdentity[] {
  return users.map((u) => ({ openid: u._id, label: `${ROLE_NAMES[u.roles[0] ?? 'villager']} ${u.name}` }));
}

/** Every demo identity, planned without touching the store. */
const DEMO_IDENTITIES: DemoIdentity[] = identitiesOf(plan().users);

/** The demo identities the store really holds (none after LOCALCLOUD_SEED=none). */
export function demoIdentities(store: SeedStore): DemoIdentity[] {
  if (!store.collectionNames().includes(C.users)) return [];
  const present = new Set(store.find(C.users, {}, { limit: 1000, projection: { _id: 1 } }).map((u) => u._id));
  return DEMO_IDENTITIES.filter((i) => present.has(i.openid));
}

/**
 * Seeds the demo village as of `now` (the local cloud's clock, never the machine's: a demo started with
 * LOCALCLOUD_NOW has its history end then). Returns false (and writes nothing) when the store holds data.
 */
export async function seedDemo(db: SeedStore, now: Date): Promise<boolean> {
  if (!db.isEmpty()) return false;
  const demo = plan();
  await db.insert(C.towns, [townSchema.parse({ _id: DEMO_TOWN_ID, name: '清溪镇', city: '示范市' })]);
  await db.insert(C.villages, [villageSchema.parse({ _id: DEMO_VILLAGE_ID, townId: DEMO_TOWN_ID, name: '和美村' })]);
  await db.insert(C.villages, [
    villageSchema.parse({ _id: 'village-qingshan', townId: DEMO_TOWN_ID, name: '青山村' }),
    villageSchema.parse({ _id: 'village-liushu', townId: DEMO_TOWN_ID, name: '柳树村' }),
  ]);
  await db.insert(C.grids, demo.grids);
  await db.insert(C.households, demo.households);
  await db.insert(C.members, demo.members);
  await db.insert(C.users, demo.users);
  const rules = ruleSetSchema.parse({
    _id: 'rules-hemei-v1',
    villageId: DEMO_VILLAGE_ID,
    version: 1,
    effectiveFrom: '2025-01-01',
    adoption: { meetingDate: '2024-12-20', rounds: 3, attendees: 132, votesFor: 124, votesAgainst: 3, abstentions: 5 },
    items: TEMPLATE_ITEMS,
    createdBy: 'demo-secretary',
  });
  await db.insert(C.ruleSets, [rules]);
  const leaders = new Map(demo.grids.map((g) => [g._id, demo.users.find((u) => u._id === g.leaderUserId)]));
  const history = demoHistory(demo.households, demo.users, rules, (gridId) => leaders.get(gridId), now);
  // Every document passes the schema the functions read it with.
  await insertParsed(db, C.pointRecords, pointRecordSchema, history.records);
  await insertParsed(db, C.ledger, ledgerEventSchema, history.ledger);
  await insertParsed(db, C.balances, balanceSchema, history.balances);
  await insertParsed(db, C.pointCaps, capCounterSchema, history.caps);
  await insertParsed(db, C.notices, noticeSchema, history.notices);
  await seedShop(db, demo.households, demo.users, history.balances, now);
  await seedMatters(db, demo.households, demo.users, now);
  return true;
}

async function insertParsed(
  db: SeedStore,
  collection: string,
  schema: { parse(v: unknown): Doc },
  list: readonly unknown[],
): Promise<void> {
  await db.insert(
    collection,
    list.map((d) => schema.parse(d)),
  );
}
