// Reading and changing matters. Every change is one conditional update of one document (atomic in
// the cloud database): it applies only to the version that was read and increments it, so two
// cadres acting at once — or a double tap — can never both change the same state.
import { createHash } from 'node:crypto';
import { C } from '../shared/collections';
import { matterRowSchema, matterSchema, type Matter, type MatterRow } from '../shared/matters/model';
import type { Change, MatterAction } from '../shared/matters/policy';
import { getById, updatedOf } from '../shared/repo';
import { _, db } from '../shared/sdk';

export const PAGE_SIZE = 20;

/** A matter's id from its raiser and the client's key: a retried raise finds the matter it made. */
export function matterId(villageId: string, openid: string, clientKey: string): string {
  return `m${createHash('sha1').update(`${villageId}|${openid}|${clientKey}`).digest('hex').slice(0, 24)}`;
}

/** An event's id from the action and the client's key: a retried action finds the event it wrote. */
export function eventId(action: MatterAction, clientKey: string): string {
  return `${action}-${createHash('sha1').update(clientKey).digest('hex').slice(0, 16)}`;
}

export function readMatter(id: string): Promise<Matter | null> {
  return getById(C.matters, id, matterSchema);
}

function rowsOf(res: unknown): unknown[] {
  if (typeof res === 'object' && res !== null && 'data' in res && Array.isArray(res.data)) return res.data;
  throw new Error('unexpected database reply');
}

/** Matters without their timelines (lists), newest or soonest first as asked. */
export async function listRows(
  where: Record<string, unknown>,
  orderBy: [string, 'asc' | 'desc'],
  limit: number,
  skip = 0,
): Promise<MatterRow[]> {
  let q = db.collection(C.matters).where(where).field({ events: false }).orderBy(orderBy[0], orderBy[1]);
  if (skip) q = q.skip(skip);
  return rowsOf(await q.limit(limit).get()).map((r) => matterRowSchema.parse(r));
}

/** Whole matters (the timer needs their versions and timelines). */
export async function listMatters(where: Record<string, unknown>, orderBy: [string, 'asc' | 'desc'], limit: number): Promise<Matter[]> {
  return rowsOf(await db.collection(C.matters).where(where).orderBy(orderBy[0], orderBy[1]).limit(limit).get()).map((r) =>
    matterSchema.parse(r),
  );
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !Array.isArray(v);
}

/**
 * Update data for the SDK: an object or array value replaces the field whole (`_.set`), since the
 * SDK would otherwise merge a plain object into the field path by path (and fail on a null field).
 */
function updateData(set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(set)) out[k] = isPlainObject(v) || Array.isArray(v) ? _.set(v) : v;
  return out;
}

/** Applies a change to the version read; false when someone else changed the matter first. */
export async function applyChange(m: Matter, change: Change): Promise<boolean> {
  const res: unknown = await db
    .collection(C.matters)
    .where({ _id: m._id, version: m.version })
    .update({ data: { ...updateData(change.set), version: m.version + 1, events: _.push([change.event]) } });
  return updatedOf(res) === 1;
}

/** The matter as the change leaves it (what the update wrote, without reading it back). */
export function afterChange(m: Matter, change: Change): Matter {
  return { ...m, ...change.set, version: m.version + 1, events: [...m.events, change.event] };
}
