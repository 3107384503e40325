// The committed state of the store: its collections, the commit sequence number, the most recent
// writes, and the write-ahead log that makes every commit durable (replayed at open, compacted
// into a snapshot as it grows).
import { decodeObject, encode } from '../ejson';
import { type Change, checkUnique } from './changes';
import { Collection } from './collection';
import { keyOf } from './values';
import { Wal, type WalOp } from './wal';

export class Committed {
  readonly collections = new Map<string, Collection>();
  /** The sequence number of the last commit. */
  seq = 0;
  /** The most recent committed writes (collection, id, seq), for tests that check a refused call wrote nothing. */
  private readonly recent: { seq: number; c: string; id: string }[] = [];
  private wal: Wal | null = null;

  /** Opens (or creates) the durable store in `dir`. */
  open(dir: string): void {
    this.wal = Wal.open(dir, (op) => this.replay(op));
    this.wal.compact(this.snapshotOps());
  }

  close(): void {
    this.wal?.close();
    this.wal = null;
  }

  ensure(name: string): Collection {
    const known = this.collections.get(name);
    if (known) return known;
    const coll = new Collection(name);
    this.collections.set(name, coll);
    return coll;
  }

  /** Logs that these collections were created (each is made with `ensure`). */
  async logCollections(names: string[]): Promise<void> {
    if (names.length) await this.wal?.append(names.map((c) => ({ op: 'coll', c })));
  }

  /** Checks unique indexes, applies the changes in memory and appends them to the log as one record. */
  async commit(changes: Change[]): Promise<void> {
    checkUnique(changes);
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

  private replay(op: WalOp): void {
    const coll = this.ensure(op.c);
    if (op.op === 'del') coll.delete(op.id);
    else if (op.op === 'put') {
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
}
