// What an update makes of a document, as the cloud database does it: operator updates merge
// (`update`), a plain document replaces (`set`), `_id` never changes, and an upsert builds the
// document from the query's `_id` and the update.
import { update as applyUpdate } from 'mingo';
import { encode, isPlainObject, type Doc } from '../ejson';
import type { Change } from './changes';
import type { Collection } from './collection';
import { invalidParam } from './errors';
import { checkUpdateTypes } from './update-check';
import { clone, keyOf, newId } from './values';

export interface UpdateOptions {
  multi: boolean;
  /** true: an update with operators (merge); false: replace the whole document (`set`). */
  merge: boolean;
  upsert: boolean;
}

/** Refuses what the cloud refuses before it reads anything. */
export function checkUpdateData(data: Doc, opts: UpdateOptions): void {
  const isOperatorUpdate = Object.keys(data).some((k) => k.startsWith('$'));
  if (opts.merge && !isOperatorUpdate && Object.keys(data).length) throw invalidParam('update data must use update operators');
  if (!opts.merge && isOperatorUpdate) throw invalidParam('set() takes a document, not update operators');
  if ('_id' in data || (isPlainObject(data.$set) && '_id' in data.$set)) throw invalidParam('不能更新_id的值');
}

/** The document after the update (a copy: the stored one never changes in place). */
export function updated(old: Doc, data: Doc, opts: UpdateOptions): Doc {
  if (!opts.merge) return { ...clone(data), _id: old._id };
  const doc = clone(old);
  applyOperators(doc, data);
  return doc;
}

/** The document an upsert that matched nothing inserts. */
export function upserted(query: Doc, data: Doc, opts: UpdateOptions): Doc {
  const doc: Doc = opts.merge ? {} : clone(data);
  if (opts.merge) applyOperators(doc, data);
  const id = query._id;
  doc._id = typeof id === 'string' || typeof id === 'number' ? id : newId();
  return doc;
}

function applyOperators(doc: Doc, data: Doc): void {
  checkUpdateTypes(doc, data);
  try {
    applyUpdate(doc, data, undefined, undefined, { cloneMode: 'deep' });
  } catch (e) {
    throw invalidParam(`invalid update: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The matched documents the update really changes (an update to the same value writes nothing). */
export function changedDocs(coll: Collection, matched: Doc[], data: Doc, opts: UpdateOptions): Change[] {
  const changes: Change[] = [];
  for (const old of matched) {
    const doc = updated(old, data, opts);
    if (encode(doc) !== encode(old)) changes.push({ coll, key: keyOf(old._id), doc });
  }
  return changes;
}
