// The local store: the WeChat cloud database's semantics (MongoDB's, through mingo) over
// in-memory collections with indexes, made durable by the write-ahead log.
import type { AnyObject } from 'mingo/types';
import { isPlainObject, type Doc } from '../ejson';
import { type Change, visible } from './changes';
import type { Collection } from './collection';
import { Committed } from './committed';
import { StoreError, duplicateKey, invalidParam, notFoundCollection } from './errors';
import type { IndexSpec } from './indexes';
import { queryShape } from './indexes';
import { Locks } from './locks';
import { runPipeline } from './pipeline';
import { compileQuery, type FindOptions, pageOf } from './reads';
import { type ScanWarning, ScanWarnings } from './scan-warnings';
import { OpenTransactions, type Transaction } from './transaction';
import { changedDocs, checkUpdateData, type UpdateOptions, upserted } from './updates';
import { clone, keyOf, newId } from './values';

export type { ScanWarning } from './scan-warnings';
export type { UpdateOptions } from './updates';
export { DEFAULT_LIMIT, type FindOptions, MAX_LIMIT } from './reads';

export interface CollectionManifest {
  name: string;
  indexes?: IndexSpec[];
}

/** A transaction with no request for this long is aborted and its locks released. */
const TXN_IDLE_MS = 30_000;

export class Database {
  private readonly store = new Committed();
  private readonly collections = this.store.collections;
  private readonly locks = new Locks();
  private readonly txns = new OpenTransactions(TXN_IDLE_MS, (txn) => this.locks.release(txn));
  private readonly scans: ScanWarnings;

  constructor(scanWarnThreshold: number) {
    this.scans = new ScanWarnings(scanWarnThreshold);
  }

  /** The most recent queries that scanned a collection no index fits. */
  get warnings(): ScanWarning[] {
    return this.scans.list;
  }

  /** Opens (or creates) the durable store in `dir`. */
  open(dir: string): void {
    this.store.open(dir);
  }

  close(): void {
    this.store.close();
  }

  // ---- collections and indexes -------------------------------------------------------------

  /** Creates the manifest's collections that are missing and (re)builds every declared index. */
  async applyManifest(manifest: CollectionManifest[]): Promise<void> {
    const created = manifest.filter((entry) => !this.collections.has(entry.name)).map((entry) => entry.name);
    for (const entry of manifest) this.store.ensure(entry.name).setIndexes(entry.indexes ?? []);
    await this.store.logCollections(created);
  }

  async createCollection(name: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam(`invalid collection name: ${name}`);
    if (this.collections.has(name)) {
      throw new StoreError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);
    }
    this.store.ensure(name);
    await this.store.logCollections([name]);
  }

  /** True when no collection holds a document (collections themselves may exist). */
  isEmpty(): boolean {
    return [...this.collections.values()].every((c) => c.docs.size === 0);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  indexesOf(name: string): IndexSpec[] {
    return this.get(name).indexSpecs;
  }

  private get(name: string): Collection {
    const coll = this.collections.get(name);
    if (!coll) throw notFoundCollection(name);
    return coll;
  }

  // ---- reads ---------------------------------------------------------------------------------

  /**
   * Documents matching `query` as the caller sees them (its transaction's own writes included).
   * `order` is the sort the caller applies next (an index may serve it); `warn: false` is for
   * reads whose index use is judged elsewhere ($lookup).
   */
  private match(coll: Collection, query: Doc, txn: Transaction | null, opts: { order?: Doc; warn?: boolean } = {}): Doc[] {
    const mq = compileQuery(query);
    const plan = coll.plan(query, opts.order);
    if (!plan.index && opts.warn !== false && coll.docs.size >= this.scans.threshold) this.scans.warn(coll, queryShape(query));
    const overlay = txn?.writesOf(coll.name);
    const out: Doc[] = [];
    for (const key of plan.ids ?? coll.docs.keys()) {
      if (overlay?.has(key)) continue;
      const doc = coll.docs.get(key)?.doc;
      if (doc && mq.test(doc)) out.push(doc);
    }
    for (const doc of overlay?.values() ?? []) if (doc && mq.test(doc)) out.push(doc);
    return out;
  }

  find(name: string, query: Doc, opts: FindOptions, txnId?: string): Doc[] {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    return pageOf(this.match(coll, query, txn, opts.order ? { order: opts.order } : {}), opts);
  }

  count(name: string, query: Doc, txnId?: string): number {
    return this.match(this.get(name), query, this.txn(txnId)).length;
  }

  aggregate(name: string, stages: Doc[], txnId?: string): Doc[] {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    // A leading $match narrows the input through the indexes, as it does in MongoDB.
    const first = stages[0];
    const leadingMatch = first && isPlainObject(first.$match) ? first.$match : {};
    // mingo's stages work in place ($unwind drops an empty array field, $addFields writes into a
    // joined document), so the pipeline gets copies: the stored documents must never change.
    const input = this.match(coll, leadingMatch, txn).map(clone);
    this.scans.warnUnindexedLookups(stages, (from) => this.collections.get(from));
    // mingo joins in memory over the whole foreign collection; whether MongoDB would need a scan
    // for it was judged just above, from the stage's foreignField.
    const resolver = (from: string): AnyObject[] => {
      const other = this.collections.get(from);
      return other ? this.match(other, {}, txn, { warn: false }).map(clone) : [];
    };
    try {
      return runPipeline(stages, input, resolver);
    } catch (e) {
      throw invalidParam(`invalid aggregation: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // ---- writes --------------------------------------------------------------------------------

  async insert(name: string, docs: Doc[], txnId?: string): Promise<string[]> {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    const prepared = docs.map((input) => {
      // _id first, as MongoDB stores it.
      const doc: Doc = { _id: input._id ?? newId(), ...clone(input) };
      if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw invalidParam('_id must be a string');
      return { key: keyOf(doc._id), doc };
    });
    // An _id an open transaction has inserted is taken unless that transaction rolls back: wait
    // for it to end rather than insert now and have its commit overwrite this document.
    return this.whenFree(txn, coll, () => ({
      docs: prepared.map((p) => p.doc),
      run: async () => {
        const changes: Change[] = [];
        for (const { key, doc } of prepared) {
          if (visible(coll, txn, key) || changes.some((c) => c.key === key)) throw duplicateKey(name, '_id_', String(doc._id));
          changes.push({ coll, key, doc });
        }
        await this.write(changes, txn);
        return prepared.map((p) => String(p.doc._id));
      },
    }));
  }

  async update(
    name: string,
    query: Doc,
    data: Doc,
    opts: UpdateOptions,
    txnId?: string,
  ): Promise<{ updated: number; upsertedId?: string; docs: Doc[] }> {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    checkUpdateData(data, opts);
    return this.whenFree(txn, coll, () => {
      const matched = this.match(coll, query, txn).slice(0, opts.multi ? undefined : 1);
      const upsert = !matched.length && opts.upsert ? upserted(query, data, opts) : null;
      // As for insert: an open transaction may have created the upsert's _id; its outcome decides.
      if (upsert) {
        return {
          docs: [upsert],
          run: async () => {
            await this.write([{ coll, key: keyOf(upsert._id), doc: upsert }], txn);
            return { updated: 0, upsertedId: String(upsert._id), docs: [upsert] };
          },
        };
      }
      return {
        docs: matched,
        run: async () => {
          // In a transaction every matched document is claimed, changed or not: the update was
          // computed from what the transaction read, and a write that happens to equal a newer
          // committed value ("stock: 9" after another buyer already wrote 9) is still a conflict.
          if (txn) for (const old of matched) this.locks.claim(txn, coll, keyOf(old._id));
          const changes = changedDocs(coll, matched, data, opts);
          await this.write(changes, txn);
          return { updated: changes.length, docs: changes.map((c) => clone(c.doc ?? {})) };
        },
      };
    });
  }

  async remove(name: string, query: Doc, multi: boolean, txnId?: string): Promise<number> {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    return this.whenFree(txn, coll, () => {
      const matched = this.match(coll, query, txn).slice(0, multi ? undefined : 1);
      return {
        docs: matched,
        run: async () => {
          await this.write(
            matched.map((d) => ({ coll, key: keyOf(d._id), doc: null })),
            txn,
          );
          return matched.length;
        },
      };
    });
  }

  /**
   * Runs a write once no open transaction holds the documents it touches: a write outside
   * transactions waits for the holder to end, then plans again from what is committed by then.
   */
  private async whenFree<T>(txn: Transaction | null, coll: Collection, plan: () => { docs: Doc[]; run: () => Promise<T> }): Promise<T> {
    for (;;) {
      const step = plan();
      const holder = txn ? undefined : this.locks.holder(coll, step.docs);
      if (!holder) return step.run();
      await holder.ended;
    }
  }

  /** Commits changes at once, or records them in the caller's transaction. */
  private async write(changes: Change[], txn: Transaction | null): Promise<void> {
    if (!changes.length) return;
    if (txn) {
      for (const c of changes) this.locks.claim(txn, c.coll, c.key);
      for (const c of changes) txn.record(c.coll.name, c.key, c.doc);
      return;
    }
    await this.store.commit(changes);
  }

  /** The sequence number of the last commit, and the writes committed after `since` (the last 10,000 kept). */
  writesSince(since: number): { seq: number; writes: { c: string; id: string }[] } {
    return this.store.writesSince(since);
  }

  // ---- transactions --------------------------------------------------------------------------

  startTransaction(): string {
    return this.txns.start(newId(), this.store.seq).id;
  }

  private txn(id: string | undefined): Transaction | null {
    return id ? this.txns.get(id) : null;
  }

  async commitTransaction(id: string): Promise<void> {
    const txn = this.txn(id);
    if (!txn) return;
    const changes: Change[] = [];
    for (const [name, writes] of txn.allWrites()) {
      const coll = this.get(name);
      for (const [key, doc] of writes) changes.push({ coll, key, doc });
    }
    try {
      if (changes.length) await this.store.commit(changes);
    } finally {
      this.txns.end(txn);
    }
  }

  abortTransaction(id: string): void {
    const txn = this.txn(id);
    if (txn) this.txns.end(txn);
  }

  get openTransactions(): number {
    return this.txns.size;
  }
}
