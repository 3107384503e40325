// One collection of the local store: its committed documents, their commit sequence numbers and
// its indexes. Only the Database changes it, inside a synchronous section, so every change is atomic.
import type { Doc } from '../ejson';
import { Index, equalityConstraints, rangeFields, type IndexSpec } from './indexes';
import { keyOf } from './values';

/** Documents are keyed by `keyOf(_id)`, so string and number ids never collide. */
export interface Stored {
  doc: Doc;
  /** Commit sequence number of the last change, for transaction conflict checks. */
  seq: number;
}

export interface Plan {
  /** Candidate ids, or null when the whole collection must be scanned. */
  ids: Set<string> | null;
  /** The index MongoDB would use, or null when it would scan the collection. */
  index: string | null;
}

export class Collection {
  readonly docs = new Map<string, Stored>();
  private indexes: Index[] = [];

  constructor(readonly name: string) {}

  setIndexes(specs: IndexSpec[]): void {
    this.indexes = specs.map((s) => new Index(s));
    for (const [id, { doc }] of this.docs) for (const ix of this.indexes) ix.add(id, doc);
  }

  get indexSpecs(): IndexSpec[] {
    return this.indexes.map((i) => i.spec);
  }

  get uniqueIndexes(): Index[] {
    return this.indexes.filter((i) => i.spec.unique);
  }

  put(id: string, doc: Doc, seq: number): void {
    const old = this.docs.get(id);
    if (old) for (const ix of this.indexes) ix.remove(id, old.doc);
    this.docs.set(id, { doc, seq });
    for (const ix of this.indexes) ix.add(id, doc);
  }

  delete(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    for (const ix of this.indexes) ix.remove(id, old.doc);
    this.docs.delete(id);
  }

  /**
   * Chooses the index that pins down the most leading fields of the query. When none does, names
   * an index MongoDB would still walk instead of the collection (a range on its leading field, or
   * a sort on it for a query with no condition), so that no missing index is reported.
   */
  plan(query: Doc, order?: Doc): Plan {
    const constraints = equalityConstraints(query);
    const idKeys = constraints.get('_id');
    if (idKeys) {
      const ids = new Set<string>();
      for (const k of idKeys) if (this.docs.has(k)) ids.add(k);
      return { ids, index: '_id_' };
    }
    let best: { ix: Index; prefix: number } | null = null;
    for (const ix of this.indexes) {
      const prefix = ix.usablePrefix(constraints);
      if (prefix > 0 && (!best || prefix > best.prefix)) best = { ix, prefix };
    }
    if (!best) return { ids: null, index: this.walkableIndex(query, order) };
    const ids = best.ix.lookup(constraints, best.prefix);
    return { ids, index: best.ix.spec.name };
  }

  private walkableIndex(query: Doc, order: Doc | undefined): string | null {
    const ranged = rangeFields(query);
    const sortField = Object.keys(query).length === 0 && order ? Object.keys(order)[0] : undefined;
    const ix = this.indexes.find((i) => {
      const lead = i.spec.keys[0]?.field;
      return lead !== undefined && (ranged.has(lead) || lead === sortField);
    });
    return ix?.spec.name ?? null;
  }

  /** Whether an index (or the _id index) leads with `field`, so a lookup by it needs no scan. */
  hasIndexOn(field: string): boolean {
    return field === '_id' || this.indexes.some((i) => i.spec.keys[0]?.field === field);
  }
}

export { keyOf };
