// The local store: the WeChat cloud database's semantics (MongoDB's, through mingo) over
// in-memory collections with indexes, made durable by the write-ahead log.
import { randomBytes } from 'node:crypto';
import { Query, update as applyUpdate } from 'mingo';
import type { AnyObject } from 'mingo/types';
import { decodeObject, encode, isPlainObject, type Doc } from '../ejson';
import { Collection } from './collection';
import { StoreError, duplicateKey, invalidParam, notFoundCollection, transactionConflict } from './errors';
import type { IndexSpec } from './indexes';
import { queryShape } from './indexes';
import { runPipeline } from './pipeline';
import { Transaction } from './transaction';
import { checkUpdateTypes } from './update-check';
import { clone, keyOf } from './values';
import { Wal, type WalOp } from './wal';

export interface FindOptions {
  order?: Doc;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

export interface UpdateOptions {
  multi: boolean;
  /** true: an update with operators (merge); false: replace the whole document (`set`). */
  merge: boolean;
  upsert: boolean;
}

export interface ScanWarning {
  collection: string;
  shape: unknown;
  documents: number;
  at: string;
}

export interface CollectionManifest {
  name: string;
  indexes?: IndexSpec[];
}

interface Change {
  coll: Collection;
  key: string;
  doc: Doc | null;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** A transaction with no request for this long is aborted and its locks released. */
const TXN_IDLE_MS = 30_000;

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

export function newId(): string {
  return randomBytes(16).toString('hex');
}

export class Database {
  private readonly collections = new Map<string, Collection>();
  private readonly txns = new Map<string, Transaction>();
  /** "coll\0key" → the transaction that wrote it and has not ended. */
  private readonly locks = new Map<string, Transaction>();
  private seq = 0;
  /** The most recent committed writes (collection, id, seq), for tests that check a refused call wrote nothing. */
  private readonly recent: { seq: number; c: string; id: string }[] = [];
  private wal: Wal | null = null;
  readonly warnings: ScanWarning[] = [];

  constructor(private readonly scanWarnThreshold: number) {}

  /** Opens (or creates) the durable store in `dir`. */
  open(dir: string): void {
    this.wal = Wal.open(dir, (op) => this.replay(op));
    this.wal.compact(this.snapshotOps());
  }

  close(): void {
    this.wal?.close();
    this.wal = null;
  }

  private replay(op: WalOp): void {
    if (op.op === 'coll') {
      this.ensure(op.c);
      return;
    }
    const coll = this.ensure(op.c);
    if (op.op === 'del') coll.delete(op.id);
    else {
      const doc = decodeObject(op.d);
      coll.put(keyOf(doc._id), doc, ++this.seq);
    }
  }

  private *snapshotOps(): Generator<WalOp> {
    for (const coll of this.collections.values()) {
      yield { op: 'coll', c: coll.name };
      for (const { doc } of coll.docs.values()) yield { op: 'put', c: coll.name, d: encode(doc) };
    }
  }

  private ensure(name: string): Collection {
    let coll = this.collections.get(name);
    if (!coll) this.collections.set(name, (coll = new Collection(name)));
    return coll;
  }

  // ---- collections and indexes -------------------------------------------------------------

  /** Creates the manifest's collections that are missing and (re)builds every declared index. */
  async applyManifest(manifest: CollectionManifest[]): Promise<void> {
    const created: WalOp[] = [];
    for (const entry of manifest) {
      if (!this.collections.has(entry.name)) created.push({ op: 'coll', c: entry.name });
      this.ensure(entry.name).setIndexes(entry.indexes ?? []);
    }
    if (created.length) await this.wal?.append(created);
  }

  async createCollection(name: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam(`invalid collection name: ${name}`);
    if (this.collections.has(name)) {
      throw new StoreError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);
    }
    this.ensure(name);
    await this.wal?.append([{ op: 'coll', c: name }]);
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
    let mq: Query;
    try {
      mq = new Query(query, {});
    } catch (e) {
      throw invalidParam(`invalid query: ${e instanceof Error ? e.message : String(e)}`);
    }
    const plan = coll.plan(query, opts.order);
    if (!plan.index && opts.warn !== false && coll.docs.size >= this.scanWarnThreshold) this.warnScan(coll, queryShape(query));
    const overlay = txn?.writesOf(coll.name);
    const out: Doc[] = [];
    for (const key of plan.ids ?? coll.docs.keys()) {
      if (overlay?.has(key)) continue;
      const doc = coll.docs.get(key)?.doc;
      if (doc && mq.test(doc)) out.push(doc);
    }
    if (overlay) for (const doc of overlay.values()) if (doc && mq.test(doc)) out.push(doc);
    return out;
  }

  private warnScan(coll: Collection, shape: unknown): void {
    const warning: ScanWarning = {
      collection: coll.name,
      shape,
      documents: coll.docs.size,
      at: new Date().toISOString(), // when the scan happened on this machine: a diagnostic, not a business date
    };
    this.warnings.push(warning);
    if (this.warnings.length > 200) this.warnings.shift();
    console.warn(
      `[localcloud] WARN query on "${coll.name}" (${coll.docs.size} docs) scans the collection, no index fits ${JSON.stringify(warning.shape)}`,
    );
  }

  find(name: string, query: Doc, opts: FindOptions, txnId?: string): Doc[] {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    const docs = this.match(coll, query, txn, opts.order ? { order: opts.order } : {});
    const limit = Math.min(opts.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined;
    let cursor = new Query({}, {}).find<Doc>(docs, projection);
    const order = sortSpec(opts.order);
    if (order) cursor = cursor.sort(order);
    if (opts.offset) cursor = cursor.skip(opts.offset);
    return cursor.limit(limit).all().map(clone);
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
    this.warnUnindexedLookups(stages);
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

  /** A `$lookup` by a foreignField no index leads with scans the foreign collection per document. */
  private warnUnindexedLookups(stages: Doc[]): void {
    for (const stage of stages) {
      const lookup = stage.$lookup;
      if (!isPlainObject(lookup) || typeof lookup.from !== 'string' || typeof lookup.foreignField !== 'string') continue;
      const other = this.collections.get(lookup.from);
      if (other && other.docs.size >= this.scanWarnThreshold && !other.hasIndexOn(lookup.foreignField)) {
        this.warnScan(other, { [lookup.foreignField]: '$lookup' });
      }
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
    for (;;) {
      // An _id an open transaction has inserted is taken unless that transaction rolls back: wait
      // for it to end rather than insert now and have its commit overwrite this document.
      const blocker = txn
        ? undefined
        : this.lockHolder(
            coll,
            prepared.map((p) => p.doc),
          );
      if (blocker) {
        await blocker.ended;
        continue;
      }
      const changes: Change[] = [];
      for (const { key, doc } of prepared) {
        const exists =
          (txn?.writesOf(name)?.has(key) ? txn.writesOf(name)?.get(key) : coll.docs.get(key)?.doc) || changes.some((c) => c.key === key);
        if (exists) throw duplicateKey(name, '_id_', String(doc._id));
        changes.push({ coll, key, doc });
      }
      await this.write(changes, txn);
      return prepared.map((p) => String(p.doc._id));
    }
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
    const isOperatorUpdate = Object.keys(data).some((k) => k.startsWith('$'));
    if (opts.merge && !isOperatorUpdate && Object.keys(data).length) {
      throw invalidParam('update data must use update operators');
    }
    if (!opts.merge && isOperatorUpdate) throw invalidParam('set() takes a document, not update operators');
    if ('_id' in data || (isPlainObject(data.$set) && '_id' in data.$set)) throw invalidParam('不能更新_id的值');
    for (;;) {
      let matched = this.match(coll, query, txn);
      if (!opts.multi) matched = matched.slice(0, 1);
      const blocker = txn ? undefined : this.lockHolder(coll, matched);
      if (blocker) {
        await blocker.ended;
        continue;
      }
      if (!matched.length && opts.upsert) {
        const id = query._id;
        const doc: Doc = opts.merge ? {} : clone(data);
        if (opts.merge) this.applyOperators(doc, data);
        doc._id = typeof id === 'string' || typeof id === 'number' ? id : newId();
        // As for insert: an open transaction may have created this _id; its outcome decides.
        const creator = txn ? undefined : this.lockHolder(coll, [doc]);
        if (creator) {
          await creator.ended;
          continue;
        }
        await this.write([{ coll, key: keyOf(doc._id), doc }], txn);
        return { updated: 0, upsertedId: String(doc._id), docs: [doc] };
      }
      // In a transaction every matched document is claimed, changed or not: the update was
      // computed from what the transaction read, and a write that happens to equal a newer
      // committed value ("stock: 9" after another buyer already wrote 9) is still a conflict.
      if (txn) for (const old of matched) this.lockFor(txn, coll, keyOf(old._id));
      const changes: Change[] = [];
      for (const old of matched) {
        const doc = opts.merge ? clone(old) : { ...clone(data), _id: old._id };
        if (opts.merge) this.applyOperators(doc, data);
        if (encode(doc) !== encode(old)) changes.push({ coll, key: keyOf(old._id), doc });
      }
      await this.write(changes, txn);
      return { updated: changes.length, docs: changes.map((c) => clone(c.doc ?? {})) };
    }
  }

  private applyOperators(doc: Doc, data: Doc): void {
    checkUpdateTypes(doc, data);
    try {
      applyUpdate(doc, data, undefined, undefined, { cloneMode: 'deep' });
    } catch (e) {
      throw invalidParam(`invalid update: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async remove(name: string, query: Doc, multi: boolean, txnId?: string): Promise<number> {
    const coll = this.get(name);
    const txn = this.txn(txnId);
    for (;;) {
      let matched = this.match(coll, query, txn);
      if (!multi) matched = matched.slice(0, 1);
      const blocker = txn ? undefined : this.lockHolder(coll, matched);
      if (blocker) {
        await blocker.ended;
        continue;
      }
      await this.write(
        matched.map((d) => ({ coll, key: keyOf(d._id), doc: null })),
        txn,
      );
      return matched.length;
    }
  }

  private lockHolder(coll: Collection, docs: Doc[]): Transaction | undefined {
    for (const d of docs) {
      const holder = this.locks.get(`${coll.name}\u0000${keyOf(d._id)}`);
      if (holder) return holder;
    }
    return undefined;
  }

  /** Commits changes at once, or records them in the caller's transaction. */
  private async write(changes: Change[], txn: Transaction | null): Promise<void> {
    if (!changes.length) return;
    if (txn) {
      for (const c of changes) this.lockFor(txn, c.coll, c.key);
      for (const c of changes) txn.record(c.coll.name, c.key, c.doc);
      return;
    }
    await this.commitChanges(changes);
  }

  private lockFor(txn: Transaction, coll: Collection, key: string): void {
    const lockKey = `${coll.name}\u0000${key}`;
    const holder = this.locks.get(lockKey);
    if (holder && holder !== txn) throw transactionConflict(`${coll.name}/${key.slice(1)} is being written by another transaction`);
    const committed = coll.docs.get(key);
    if (!holder && committed && committed.seq > txn.startSeq) {
      throw transactionConflict(`${coll.name}/${key.slice(1)} changed after the transaction started`);
    }
    this.locks.set(lockKey, txn);
    txn.locks.add(lockKey);
  }

  /** Checks unique indexes, applies the changes in memory and appends them to the log as one record. */
  private async commitChanges(changes: Change[]): Promise<void> {
    this.checkUnique(changes);
    const ops: WalOp[] = [];
    const seq = ++this.seq;
    for (const c of changes) {
      this.recent.push({ seq, c: c.coll.name, id: c.key.slice(1) });
      if (c.doc) {
        c.coll.put(c.key, c.doc, seq);
        ops.push({ op: 'put', c: c.coll.name, d: encode(c.doc) });
      } else {
        c.coll.delete(c.key);
        ops.push({ op: 'del', c: c.coll.name, id: c.key });
      }
    }
    const durable = this.wal?.append(ops);
    if (this.wal?.needsCompaction) this.wal.compact(this.snapshotOps());
    await durable;
  }

  /** The sequence number of the last commit, and the writes committed after `since` (the last 10,000 kept). */
  writesSince(since: number): { seq: number; writes: { c: string; id: string }[] } {
    if (this.recent.length > 20_000) this.recent.splice(0, this.recent.length - 10_000);
    return { seq: this.seq, writes: this.recent.filter((w) => w.seq > since).map(({ c, id }) => ({ c, id })) };
  }

  private checkUnique(changes: Change[]): void {
    const byColl = new Map<Collection, Change[]>();
    for (const c of changes) byColl.set(c.coll, [...(byColl.get(c.coll) ?? []), c]);
    for (const [coll, list] of byColl) {
      const changing = new Set(list.map((c) => c.key));
      for (const ix of coll.uniqueIndexes) {
        const seen = new Map<string, string>();
        for (const c of list) {
          if (!c.doc) continue;
          for (const key of ix.fullKeys(c.doc)) {
            const others = [...ix.idsWithFullKey(key)].filter((id) => !changing.has(id));
            const twin = seen.get(key);
            if (others.length || (twin !== undefined && twin !== c.key)) throw duplicateKey(coll.name, ix.spec.name, key);
            seen.set(key, c.key);
          }
        }
      }
    }
  }

  // ---- transactions --------------------------------------------------------------------------

  startTransaction(): string {
    const txn = new Transaction(newId(), this.seq, TXN_IDLE_MS, () => this.endTransaction(txn));
    this.txns.set(txn.id, txn);
    return txn.id;
  }

  private txn(id: string | undefined): Transaction | null {
    if (!id) return null;
    const txn = this.txns.get(id);
    if (!txn) throw new StoreError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has ended`);
    txn.touch();
    return txn;
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
      if (changes.length) await this.commitChanges(changes);
    } finally {
      this.endTransaction(txn);
    }
  }

  abortTransaction(id: string): void {
    const txn = this.txn(id);
    if (txn) this.endTransaction(txn);
  }

  private endTransaction(txn: Transaction): void {
    this.txns.delete(txn.id);
    for (const lockKey of txn.locks) if (this.locks.get(lockKey) === txn) this.locks.delete(lockKey);
    txn.end();
  }

  get openTransactions(): number {
    return this.txns.size;
  }
}
