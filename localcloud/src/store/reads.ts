// How a read answers, as the cloud database does: the query compiled once (an invalid one is the
// caller's error), orderBy applied in call order, at most 1000 documents (100 when no limit is given),
// and copies, never the stored documents.
import { Query } from 'mingo';
import type { Doc } from '../ejson';
import { invalidParam } from './errors';
import { clone } from './values';

export interface FindOptions {
  order?: Doc;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function compileQuery(query: Doc): Query {
  try {
    return new Query(query, {});
  } catch (e) {
    throw invalidParam(`invalid query: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The page of `docs` (already matched) that a find returns: projected, sorted, skipped and limited. */
export function pageOf(docs: Doc[], opts: FindOptions): Doc[] {
  const limit = Math.min(opts.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined;
  let cursor = new Query({}, {}).find<Doc>(docs, projection);
  const order = sortSpec(opts.order);
  if (order) cursor = cursor.sort(order);
  if (opts.offset) cursor = cursor.skip(opts.offset);
  return cursor.limit(limit).all().map(clone);
}

/** The SDK's orderBy arrives as { field: 1 | -1 } in call order. */
function sortSpec(order: Doc | undefined): Record<string, 1 | -1> | null {
  if (!order) return null;
  const spec: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1) throw invalidParam(`invalid sort direction for ${field}`);
    spec[field] = dir;
  }
  return Object.keys(spec).length ? spec : null;
}
