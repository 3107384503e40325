// Bulk import of grids, households and members from a cadre's .xlsx / .csv. Preview reads the file
// and the records it names and writes nothing; commit writes the same plan in one transaction with
// batched adds (one request per 200 documents) and one update per changed document, so importing
// the same file again finds everything in place and writes only its log.
import type { ImportCounts, ImportPreview, ImportResult } from '../../typings';
import { C, type CollectionName } from '../shared/collections';
import { AppError } from '../shared/errors';
import { maskId, maskPhone } from '../shared/village/mask';
import { householdSchema, memberSchema, type Grid, type Household, type Member, type VillageImport } from '../shared/village/model';
import { emptyBalance } from '../shared/points/policy';
import { list } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { isDuplicateKey, txGet, withTransaction, type Tx } from '../shared/tx';
import { requireCadre } from '../shared/access';
import { planImport, type ExistingState, type ImportPlan } from '../shared/village/import-plan';
import { checkRows, readRows, type ImportRow } from '../shared/village/import-rows';
import { villageScope } from './context';
import { newId } from './ids';
import { readImportFile } from './import-file';
import { currentTime } from '../shared/clock';

const READ_CHUNK = 500;
const WRITE_CHUNK = 200;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<T>(values: string[], size: number, read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(chunks(values, size).map(read))).flat();
}

/** The records the file names: its households by 户号, its people by ID number, and those households' members. */
async function loadExisting(villageId: string, rows: ImportRow[], grids: Grid[]): Promise<ExistingState> {
  const nos = [...new Set(rows.map((r) => r.no).filter(Boolean))];
  const ids = [...new Set(rows.map((r) => r.idNumber).filter(Boolean))];
  const [households, byId] = await Promise.all([
    inChunks<Household>(nos, READ_CHUNK, (no) => list(C.households, { villageId, no: _.in(no) }, householdSchema, { limit: 1000 })),
    inChunks<Member>(ids, READ_CHUNK, (idNumber) =>
      list(C.members, { villageId, idNumber: _.in(idNumber) }, memberSchema, { limit: 1000 }),
    ),
  ]);
  const inHouseholds = await inChunks<Member>(
    households.map((h) => h._id),
    200,
    (householdId) => list(C.members, { householdId: _.in(householdId), status: _.neq('left') }, memberSchema, { limit: 1000 }),
  );
  const members = new Map([...byId, ...inHouseholds].map((m) => [m._id, m]));
  return { grids, households, members: [...members.values()] };
}

async function prepare(fileID: string, openid: string): Promise<{ fileName: string; plan: ImportPlan; villageId: string; by: string }> {
  const { user, village, grids } = await villageScope(openid);
  requireCadre(user, village._id);
  const { fileName, table } = await readImportFile(fileID);
  const rows = readRows(table);
  checkRows(rows);
  const existing = await loadExisting(village._id, rows, grids);
  const plan = planImport({ villageId: village._id, by: { id: user._id, name: user.name }, now: currentTime(), rows, existing, newId });
  return { fileName, plan, villageId: village._id, by: user._id };
}

export async function importPreview(fileID: string, openid: string): Promise<ImportPreview> {
  const { fileName, plan } = await prepare(fileID, openid);
  return {
    fileName,
    rows: plan.rows.map((r) => ({
      line: r.line,
      grid: r.grid,
      group: r.group,
      no: r.no,
      headName: r.headName,
      name: r.name,
      relation: r.relation,
      idNumber: maskId(r.idNumber),
      phone: maskPhone(r.phone),
      problems: r.problems,
      action: r.action,
    })),
    counts: plan.counts,
  };
}

async function addAll(t: Tx, coll: CollectionName, docs: object[]): Promise<void> {
  for (const chunk of chunks(docs, WRITE_CHUNK)) await t.collection(coll).add({ data: chunk });
}

function flatCounts(c: ImportCounts): Record<string, number> {
  return {
    rows: c.rows,
    grids: c.grids.create,
    householdsCreated: c.households.create,
    householdsUpdated: c.households.update,
    membersCreated: c.members.create,
    membersUpdated: c.members.update,
  };
}

async function write(t: Tx, plan: ImportPlan, log: VillageImport): Promise<void> {
  await addAll(t, C.grids, plan.newGrids);
  await addAll(t, C.households, plan.newHouseholds);
  await addAll(
    t,
    C.balances,
    plan.newHouseholds.map((h) => emptyBalance(h._id, h.villageId, h.gridId)),
  );
  await addAll(t, C.members, plan.newMembers);
  await addAll(t, C.memberships, plan.newMemberships);
  for (const { id, set } of plan.householdChanges) await t.collection(C.households).doc(id).update({ data: set });
  for (const { id, gridId } of plan.movedHouseholds) {
    // The balance's grid follows the household (grid rankings read it).
    if (await txGet(t, C.balances, id)) await t.collection(C.balances).doc(id).update({ data: { gridId } });
    else {
      const { _id, ...empty } = emptyBalance(id, log.villageId, gridId);
      await t.collection(C.balances).doc(_id).set({ data: empty });
    }
  }
  for (const { id, set } of plan.memberChanges) await t.collection(C.members).doc(id).update({ data: set });
  for (const { id, set } of plan.closedMemberships) await t.collection(C.memberships).doc(id).update({ data: set });
  await t.collection(C.villageImports).add({ data: log });
}

export async function importCommit(fileID: string, openid: string): Promise<ImportResult> {
  const { plan, villageId, by } = await prepare(fileID, openid);
  if (plan.counts.problemRows) throw new AppError('IMPORT.HAS_PROBLEMS', `文件中有${plan.counts.problemRows}行有问题，请修改后再导入`);
  const log: VillageImport = { _id: newId('import'), villageId, fileId: fileID, by, at: currentTime(), counts: flatCounts(plan.counts) };
  const nothingToWrite = [
    plan.newGrids,
    plan.newHouseholds,
    plan.newMembers,
    plan.newMemberships,
    plan.householdChanges,
    plan.memberChanges,
    plan.closedMemberships,
  ].every((l) => !l.length);
  try {
    // The same file again: only its log is written.
    if (nothingToWrite) await db.collection(C.villageImports).add({ data: log });
    else await withTransaction((t) => write(t, plan, log));
  } catch (e) {
    // Someone else imported the same households at the same moment: nothing of ours was written.
    if (isDuplicateKey(e)) throw new AppError('COMMON.BUSY', '有人正在同时导入，请稍后再试');
    throw e;
  }
  return { counts: plan.counts };
}
