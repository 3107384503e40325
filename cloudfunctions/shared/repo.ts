// Typed reads over wx-server-sdk, whose own typings return `void | …`: results are narrowed at
// run time and every document is parsed with its schema.
import type * as z from 'zod';
import type { CollectionName } from './collections';
import { db } from './sdk';

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
