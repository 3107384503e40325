// Reads of a letter: a member's open writes their read (`letter|u|openid`) and their household's
// (`letter|h|household`) side by side, each only if it is the first; each counter of the letter
// grows only with the write that was first. Two round trips (three requests) on a first open, one on
// every later open; a repeated or concurrent open counts nothing twice.
import type { ReadersResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { householdSchema, type User } from '../shared/village/model';
import { getById, listAll } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { letterSchema, readSchema, type Letter, type Read } from '../shared/board/model';
import { readIds } from '../shared/board/policy';
import { readerFor, requireMember } from './context';
import { insertOnce } from './store';
import { currentTime } from '../shared/clock';

export async function recordRead(letter: Letter, user: User): Promise<{ user: boolean; household: boolean }> {
  const ids = readIds(letter._id, user._id, user.householdId);
  const at = currentTime();
  const mine: Read = {
    _id: ids.user,
    letterId: letter._id,
    villageId: letter.villageId,
    kind: 'user',
    userId: user._id,
    householdId: user.householdId,
    at,
  };
  const [first, household] = await Promise.all([
    insertOnce(C.boardReads, mine),
    ids.household ? insertOnce(C.boardReads, { ...mine, _id: ids.household, kind: 'household' }) : false,
  ]);
  if (!first && !household) return { user: false, household: false };
  await db
    .collection(C.boardLetters)
    .doc(letter._id)
    .update({ data: { ...(first ? { readUsers: _.inc(1) } : {}), ...(household ? { readHouseholds: _.inc(1) } : {}) } });
  return { user: first, household };
}

/** Which households have read a letter and which not (the secretary and cadres): two reads per 1,000 households. */
export async function readers(openid: string, id: string): Promise<ReadersResult> {
  const [reader, letter] = await Promise.all([readerFor(openid, undefined), getById(C.boardLetters, id, letterSchema)]);
  requireMember(reader);
  if (!letter || letter.villageId !== reader.village._id) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  if (!reader.viewer.cadre) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以查看阅读情况');
  const [households, reads] = await Promise.all([
    listAll(C.households, { villageId: letter.villageId }, householdSchema),
    listAll(C.boardReads, { letterId: letter._id, kind: 'household' }, readSchema),
  ]);
  const readSet = new Set(reads.map((r) => r.householdId));
  const rows = households
    .map((h) => ({ householdId: h._id, label: `${h.no} ${h.headName}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  return {
    total: households.length,
    read: rows.filter((r) => readSet.has(r.householdId)),
    unread: rows.filter((r) => !readSet.has(r.householdId)),
  };
}
