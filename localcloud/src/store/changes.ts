// A change to commit (a document put, or removed when `doc` is null) and the unique-index check
// every commit passes before it touches the store.
import type { Doc } from '../ejson';
import type { Collection } from './collection';
import { duplicateKey } from './errors';
import type { Index } from './indexes';
import type { Transaction } from './transaction';

export interface Change {
  coll: Collection;
  key: string;
  doc: Doc | null;
}

/** Throws the duplicate-key error a commit of `changes` would cause on any unique index. */
export function checkUnique(changes: Change[]): void {
  const byColl = new Map<Collection, Change[]>();
  for (const c of changes) byColl.set(c.coll, [...(byColl.get(c.coll) ?? []), c]);
  for (const [coll, list] of byColl) {
    const changing = new Set(list.map((c) => c.key));
    for (const ix of coll.uniqueIndexes) checkIndex(coll, ix, list, changing);
  }
}

/** One unique index against the changes of its collection: taken by a document staying, or twice among the changes. */
function checkIndex(coll: Collection, ix: Index, list: Change[], changing: Set<string>): void {
  const seen = new Map<string, string>();
  for (const c of list) {
    if (!c.doc) continue;
    for (const key of ix.fullKeys(c.doc)) {
      const takenByOther = [...ix.idsWithFullKey(key)].some((id) => !changing.has(id));
      const twin = seen.get(key);
      if (takenByOther || (twin !== undefined && twin !== c.key)) throw duplicateKey(coll.name, ix.spec.name, key);
      seen.set(key, c.key);
    }
  }
}

/** Whether the document `key` exists as the caller sees it (its transaction's own writes first). */
export function visible(coll: Collection, txn: Transaction | null, key: string): boolean {
  const own = txn?.writesOf(coll.name);
  return Boolean(own?.has(key) ? own.get(key) : coll.docs.get(key)?.doc);
}
