// Function `account`: the caller's identity, village, town and household; and 首页 in one call.
import type { MeResult } from '../../typings';
import { C } from '../shared/collections';
import {
  type Grid,
  gridSchema,
  type Household,
  householdSchema,
  joinRequestSchema,
  townSchema,
  userSchema,
  villageSchema,
} from '../shared/village/model';
import { count, getById, list } from '../shared/repo';
import { ROLE_NAMES } from '../shared/roles';
import { createFunction } from '../shared/router';
import { homeScreen } from './home';
import { townOf } from '../shared/access';
import { empty } from '../shared/wire';

/** Waiting for a cadre's real-name confirmation: the home page says so. */
async function pendingMe(openid: string): Promise<MeResult> {
  const [request] = await list(C.joinRequests, { openid, status: 'pending' }, joinRequestSchema, { limit: 1 });
  if (!request) return { joined: false };
  return {
    joined: false,
    pending: { villageName: request.villageName, householdLabel: request.householdLabel, since: request.createdAt.toISOString() },
  };
}

async function me(openid: string): Promise<MeResult> {
  const user = await getById(C.users, openid, userSchema);
  if (!user || user.status === 'left') return { joined: false };
  if (user.status === 'pending') return pendingMe(openid);
  const [village, town, household, villageHouseholds, townVillages] = await Promise.all([
    user.villageId ? getById(C.villages, user.villageId, villageSchema) : null,
    user.townId ? getById(C.towns, user.townId, townSchema) : null,
    user.householdId ? getById(C.households, user.householdId, householdSchema) : null,
    user.villageId ? count(C.households, { villageId: user.villageId }) : 0,
    townOf(user) !== null && user.townId ? count(C.villages, { townId: user.townId }) : 0,
  ]);
  const grid = household ? await getById(C.grids, household.gridId, gridSchema) : null;
  return {
    joined: true,
    name: user.name,
    roles: user.roles,
    roleNames: user.roles.map((r) => ROLE_NAMES[r]),
    village: village ? { id: village._id, name: village.name, townName: town?.name ?? '', households: villageHouseholds } : null,
    town: townOf(user) !== null && town ? { id: town._id, name: town.name, villages: townVillages } : null,
    household: household && householdView(household, grid),
  };
}

function householdView(household: Household, grid: Grid | null): NonNullable<Extract<MeResult, { joined: true }>['household']> {
  return { id: household._id, label: household.no, headName: household.headName, gridName: grid?.name ?? '' };
}

export const main = createFunction('account', {
  me: { input: empty, run: (_req, ctx) => me(ctx.openid) },
  home: { input: empty, run: (_req, ctx) => homeScreen(ctx.openid) },
});
