// Durability of the local store: a snapshot file plus an append-only write-ahead log.
// Every committed change is one JSON line of the log, written and fdatasync'd before the request
// that made it is answered; concurrent commits share one sync (group commit). A transaction is one
// line, so a crash leaves all of it or none of it: a torn last line is dropped on recovery.
import fs from 'node:fs';
import path from 'node:path';

export type WalOp =
  | { op: 'put'; c: string; d: string } // d: the whole document after the change, canonical EJSON
  | { op: 'del'; c: string; id: string }
  | { op: 'coll'; c: string };

const LOG = 'wal.log';
const SNAPSHOT = 'snapshot.log';
/**
 * Past this size, and past twice the last snapshot's size, the log is folded into a new snapshot.
 * Compaction writes the whole store while nothing else runs, so its cost is kept in proportion to
 * the writes that earn it.
 */
const COMPACT_BYTES = 64 * 1024 * 1024;

export class Wal {
  private fd: number;
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private scheduled = false;
  private size: number;
  private snapshotBytes = 0;

  private constructor(
    private readonly dir: string,
    fd: number,
    size: number,
  ) {
    this.fd = fd;
    this.size = size;
  }

  /** Reads the snapshot then the log, handing every recorded op to `apply` in order. */
  static open(dir: string, apply: (op: WalOp) => void): Wal {
    fs.mkdirSync(dir, { recursive: true });
    for (const name of [SNAPSHOT, LOG]) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      let goodBytes = 0;
      for (const line of text.split('\n')) {
        if (!line) {
          goodBytes += 1;
          continue;
        }
        let ops: WalOp[];
        try {
          ops = JSON.parse(line) as WalOp[];
        } catch {
          break; // a torn write at the end of the log: nothing after it was acknowledged
        }
        ops.forEach(apply);
        goodBytes += Buffer.byteLength(line) + 1;
      }
      if (name === LOG && goodBytes < Buffer.byteLength(text)) fs.truncateSync(file, Math.min(goodBytes, Buffer.byteLength(text)));
    }
    const logFile = path.join(dir, LOG);
    const fd = fs.openSync(logFile, 'a');
    return new Wal(dir, fd, fs.fstatSync(fd).size);
  }

  /** Appends one atomic record; resolves once it is on disk. */
  append(ops: WalOp[]): Promise<void> {
    this.pending.push(`${JSON.stringify(ops)}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return done;
  }

  private flush(): void {
    this.scheduled = false;
    const lines = this.pending.join('');
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    try {
      fs.writeSync(this.fd, lines);
      fs.fdatasyncSync(this.fd);
      this.size += Buffer.byteLength(lines);
      for (const w of waiters) w.resolve();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      for (const w of waiters) w.reject(err);
    }
  }

  get needsCompaction(): boolean {
    return this.size > Math.max(COMPACT_BYTES, 2 * this.snapshotBytes);
  }

  /** Writes the whole state as a new snapshot and empties the log. */
  compact(state: Iterable<WalOp>): void {
    if (this.pending.length) this.flush();
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = fs.openSync(tmp, 'w');
    let batch: WalOp[] = [];
    const writeBatch = (): void => {
      if (batch.length) fs.writeSync(fd, `${JSON.stringify(batch)}\n`);
      batch = [];
    };
    for (const op of state) {
      batch.push(op);
      if (batch.length >= 500) writeBatch();
    }
    writeBatch();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    const dirFd = fs.openSync(this.dir, 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
    // Replaying the old log over the new snapshot is harmless (every op is idempotent), so a crash
    // between the rename and this truncation loses nothing.
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.size = 0;
    this.snapshotBytes = fs.statSync(path.join(this.dir, SNAPSHOT)).size;
  }

  close(): void {
    if (this.pending.length) this.flush();
    fs.closeSync(this.fd);
  }
}
