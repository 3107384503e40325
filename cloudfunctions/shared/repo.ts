// Typed reads over wx-server-sdk, whose own typings return `void | …`: results are narrowed at
// run time and every document is parsed with its schema; so are the counts of writes' replies.
import type * as z from 'zod';
import type { CollectionName } from './collections';
import { db } from './sdk';

/** How many documents a write changed, from the SDK's reply (`stats.updated` or `stats.removed`). */
function changedBy(res: unknown, kind: 'updated' | 'removed'): number {
  const stats: unknown = typeof res === 'object' && res !== null ? Reflect.get(res, 'stats') : undefined;
  const n: unknown = typeof stats === 'object' && stats !== null ? Reflect.get(stats, kind) : undefined;
  if (typeof n === 'number') return n;
  throw new Error(`unexpected ${kind === 'updated' ? 'update' : 'remove'} reply`);
}

/** How many documents an update changed. */
export function updatedOf(res: unknown): number {
  return changedBy(res, 'updated');
}

/** How many documents a remove took away. */
export function removedOf(res: unknown): number {
  return changedBy(res, 'removed');
}

function dataOf(res: unknown): unknown[] {
  if (typeof res === 'object' && res !== null && 'data' in res && Array.isArray(res.data)) return res.data;
  throw new Error('unexpected database reply');
}

/** One document by id, or null. (`where` rather than `doc().get()`, which throws when missing.) */
export async function getById<T>(coll: CollectionName, id: string, schema: z.ZodType<T>): Promise<T | null> {
  const rows = dataOf(await db.collection(coll).where({ _id: id }).limit(1).get());
  return rows.length ? schema.parse(rows[0]) : null;
}

export async function count(coll: CollectionName, where: Record<string, unknown>): Promise<number> {
  const res: unknown = await db.collection(coll).where(where).count();
  if (typeof res === 'object' && res !== null && 'total' in res && typeof res.total === 'number') return res.total;
  throw new Error('unexpected database reply');
}

export interface ListOptions {
  orderBy?: [string, 'asc' | 'desc'];
  limit?: number;
  skip?: number;
}

/** Documents matching `where`, parsed with their schema (at most 1000, as the SDK allows). */
export async function list<T>(
  coll: CollectionName,
  where: Record<string, unknown>,
  schema: z.ZodType<T>,
  opts: ListOptions = {},
): Promise<T[]> {
  let q = db.collection(coll).where(where);
  if (opts.orderBy) q = q.orderBy(opts.orderBy[0], opts.orderBy[1]);
  if (opts.skip) q = q.skip(opts.skip);
  const rows = dataOf(await q.limit(opts.limit ?? 100).get());
  return rows.map((r) => schema.parse(r));
}

/** Every document matching `where`, page by page (for bounded sets such as one village's). */
export async function listAll<T>(coll: CollectionName, where: Record<string, unknown>, schema: z.ZodType<T>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await list(coll, where, schema, { limit: 1000, skip: out.length, orderBy: ['_id', 'asc'] });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

type Aggregate = ReturnType<ReturnType<typeof db.collection>['aggregate']>;

/** Results an aggregation answers at most: the cloud gives only 20 of a pipeline that sets no $limit. */
export const AGGREGATE_LIMIT = 1000;

/** Rows of an aggregation pipeline built by `build` (the SDK's `end()` is typed `void | Promise`), at most AGGREGATE_LIMIT. */
export async function aggregateRows(coll: CollectionName, build: (agg: Aggregate) => Aggregate): Promise<unknown[]> {
  const res: unknown = await build(db.collection(coll).aggregate()).limit(AGGREGATE_LIMIT).end();
  if (typeof res === 'object' && res !== null && 'list' in res && Array.isArray(res.list)) return res.list;
  throw new Error('unexpected aggregation reply');
}

/** The documents an aggregation joined under `field` (null entries, which a lookup by an array may give, dropped). */
export function joinedDocs<T>(row: unknown, field: string, schema: z.ZodType<T>): T[] {
  const found: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, field) : undefined;
  return Array.isArray(found) ? found.filter((d) => d !== null && d !== undefined).map((d) => schema.parse(d)) : [];
}
