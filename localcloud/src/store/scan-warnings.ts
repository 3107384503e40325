// Queries WeChat cloud would answer by scanning a collection (no index fits): logged and kept, so
// that a missing index shows in tests and the demo long before production has the data to be slow.
import { isPlainObject, type Doc } from '../ejson';
import type { Collection } from './collection';

export interface ScanWarning {
  collection: string;
  shape: unknown;
  documents: number;
  at: string;
}

export class ScanWarnings {
  readonly list: ScanWarning[] = [];

  /** @param threshold collection size from which an unindexed query is reported */
  constructor(readonly threshold: number) {}

  warn(coll: Collection, shape: unknown): void {
    const warning: ScanWarning = {
      collection: coll.name,
      shape,
      documents: coll.docs.size,
      at: new Date().toISOString(), // when the scan happened on this machine: a diagnostic, not a business date
    };
    this.list.push(warning);
    if (this.list.length > 200) this.list.shift();
    console.warn(
      `[localcloud] WARN query on "${coll.name}" (${coll.docs.size} docs) scans the collection, no index fits ${JSON.stringify(warning.shape)}`,
    );
  }

  /** A `$lookup` by a foreignField no index leads with scans the foreign collection per document. */
  warnUnindexedLookups(stages: Doc[], collection: (name: string) => Collection | undefined): void {
    for (const stage of stages) {
      const lookup = stage.$lookup;
      if (!isPlainObject(lookup) || typeof lookup.from !== 'string' || typeof lookup.foreignField !== 'string') continue;
      const other = collection(lookup.from);
      if (other && other.docs.size >= this.threshold && !other.hasIndexOn(lookup.foreignField)) {
        this.warn(other, { [lookup.foreignField]: '$lookup' });
      }
    }
  }
}
