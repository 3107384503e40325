// The town admin's view: the villages of their town with their size and secretary, and a new village.
import type { TownVillagesResult, VillageRow } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { townSchema, userSchema, villageSchema, type User, type Village } from '../shared/village/model';
import { getById, list } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { currentUser } from '../shared/users';
import { countBy } from './counts';
import { newId } from './ids';
import { townOf } from '../shared/access';

function requireTownAdmin(user: User): string {
  if (townOf(user) === null || !user.townId) throw new AppError('AUTH.FORBIDDEN', '只有乡镇管理员可以办理');
  return user.townId;
}

export async function townVillages(openid: string): Promise<TownVillagesResult> {
  const townId = requireTownAdmin(await currentUser(openid));
  const [town, villages] = await Promise.all([
    getById(C.towns, townId, townSchema),
    list(C.villages, { townId }, villageSchema, { limit: 1000 }),
  ]);
  if (!town) throw new AppError('COMMON.NOT_FOUND', '没有找到您所在的乡镇');
  const ids = villages.map((v) => v._id);
  const [households, people, secretaries] = await Promise.all([
    countBy(C.households, { villageId: _.in(ids) }, 'villageId'),
    countBy(C.users, { villageId: _.in(ids), status: _.nin(['pending', 'left']) }, 'villageId'),
    list(C.users, { villageId: _.in(ids), roles: 'secretary' }, userSchema, { limit: 1000 }),
  ]);
  const row = (v: Village): VillageRow => ({
    id: v._id,
    name: v.name,
    households: households.get(v._id) ?? 0,
    people: people.get(v._id) ?? 0,
    secretaryName: secretaries.find((s) => s.villageId === v._id)?.name ?? null,
  });
  return { town: { id: town._id, name: town.name }, villages: villages.map(row).sort((a, b) => a.name.localeCompare(b.name, 'zh')) };
}

export async function createVillage(name: string, openid: string): Promise<VillageRow> {
  const townId = requireTownAdmin(await currentUser(openid));
  const siblings = await list(C.villages, { townId }, villageSchema, { limit: 1000 });
  if (siblings.some((v) => v.name === name)) throw new AppError('VILLAGE.NAME_TAKEN');
  const village = villageSchema.parse({ _id: newId('village'), townId, name });
  await db.collection(C.villages).add({ data: village });
  return { id: village._id, name: village.name, households: 0, people: 0, secretaryName: null };
}
