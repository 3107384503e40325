// Grids: 微网格 (~50 households) and their 联户小组 (5–10), created and renamed by cadres; their
// leaders appointed by the secretary (the leader's user gains or loses the grid leader role with it).
import type { Abilities, CreateGridInput, GridView } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { householdSchema, userSchema, type Grid } from '../shared/village/model';
import { listAll } from '../shared/repo';
import { db } from '../shared/sdk';
import { txGet, txUpdate, withTransaction } from '../shared/tx';
import { isCadreOf, isSecretaryOf, requireCadre, requireSecretary, requireVillageReader, withRole } from '../shared/access';
import { checkGridName } from '../shared/village/grids';
import { villageScope } from './context';
import { leaderNames } from './households';
import { newId } from './ids';
import { gridView } from './views';
import { villagerOfPerson } from '../shared/users';

async function viewOf(grid: Grid, villageId: string): Promise<GridView> {
  const [leaders, households] = await Promise.all([
    leaderNames([grid]),
    listAll(C.households, { villageId, [grid.kind === 'micro' ? 'gridId' : 'groupId']: grid._id }, householdSchema),
  ]);
  return gridView(grid, leaders, new Map([[grid._id, households.length]]));
}

export async function grids(villageId: string | undefined, openid: string): Promise<{ grids: GridView[]; can: Abilities }> {
  const { user, village, grids: all } = await villageScope(openid, villageId);
  requireVillageReader(user, village, all);
  const [leaders, households] = await Promise.all([leaderNames(all), listAll(C.households, { villageId: village._id }, householdSchema)]);
  const counts = new Map<string, number>();
  for (const h of households) for (const id of [h.gridId, h.groupId]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    grids: all.map((g) => gridView(g, leaders, counts)),
    can: { manage: isCadreOf(user, village._id), appoint: isSecretaryOf(user, village._id) },
  };
}

export async function createGrid(req: CreateGridInput, openid: string): Promise<GridView> {
  const { user, village, grids: all } = await villageScope(openid);
  requireCadre(user, village._id);
  const name = req.name.trim();
  let parentId: string | null = null;
  if (req.kind === 'group') {
    const parent = all.find((g) => g._id === req.parentId && g.kind === 'micro');
    if (!parent) throw new AppError('VILLAGE.BAD_GRID', '联户小组要建在一个网格里');
    parentId = parent._id;
  }
  checkGridName(all, req.kind, parentId, name);
  const grid: Grid = {
    _id: newId(req.kind === 'micro' ? 'grid' : 'group'),
    villageId: village._id,
    kind: req.kind,
    name,
    parentId,
    leaderUserId: null,
  };
  await db.collection(C.grids).add({ data: grid });
  return gridView(grid, new Map(), new Map());
}

export async function renameGrid(gridId: string, rawName: string, openid: string): Promise<GridView> {
  const { user, village, grids: all } = await villageScope(openid);
  const grid = all.find((g) => g._id === gridId);
  if (!grid) throw new AppError('COMMON.NOT_FOUND', '本村没有这个网格');
  requireCadre(user, village._id);
  const name = rawName.trim();
  checkGridName(all, grid.kind, grid.parentId, name, grid._id);
  await db.collection(C.grids).doc(grid._id).update({ data: { name } });
  return viewOf({ ...grid, name }, village._id);
}

export async function setGridLeader(gridId: string, personId: string | null, openid: string): Promise<GridView> {
  const { user, village, grids: all } = await villageScope(openid);
  const grid = all.find((g) => g._id === gridId);
  if (!grid) throw new AppError('COMMON.NOT_FOUND', '本村没有这个网格');
  requireSecretary(user, village._id);
  const userId = personId ? (await villagerOfPerson(personId, village._id))._id : null;
  const previous = grid.leaderUserId;
  if (previous === userId) return viewOf(grid, village._id);
  // The one before keeps the role only while they lead another grid.
  const stillLeads = previous !== null && all.some((g) => g._id !== grid._id && g.leaderUserId === previous);
  await withTransaction(async (t) => {
    await txUpdate(t, C.grids, grid._id, { leaderUserId: userId });
    const changes: { id: string | null; lead: boolean }[] = [
      { id: previous, lead: stillLeads },
      { id: userId, lead: true },
    ];
    for (const { id, lead } of changes) {
      if (!id) continue;
      const raw = await txGet(t, C.users, id);
      if (raw) await txUpdate(t, C.users, id, { roles: withRole(userSchema.parse(raw).roles, 'gridLeader', lead) });
    }
  });
  return viewOf({ ...grid, leaderUserId: userId }, village._id);
}
