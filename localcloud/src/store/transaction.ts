// A database transaction of the local store: its own writes, invisible to others until commit,
// and the document locks it holds. Writes by others to a locked document wait for it to end.
import type { Doc } from '../ejson';
import { StoreError } from './errors';

export class Transaction {
  private readonly writes = new Map<string, Map<string, Doc | null>>();
  readonly locks = new Set<string>();
  readonly ended: Promise<void>;
  private resolveEnded: () => void = () => undefined;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    /** The store's commit sequence number when the transaction began. */
    readonly startSeq: number,
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
    this.touch();
  }

  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.onIdle, this.idleMs);
    this.timer.unref();
  }

  writesOf(coll: string): Map<string, Doc | null> | undefined {
    return this.writes.get(coll);
  }

  allWrites(): IterableIterator<[string, Map<string, Doc | null>]> {
    return this.writes.entries();
  }

  record(coll: string, key: string, doc: Doc | null): void {
    const m = this.writes.get(coll) ?? new Map<string, Doc | null>();
    this.writes.set(coll, m.set(key, doc));
  }

  end(): void {
    if (this.timer) clearTimeout(this.timer);
    this.resolveEnded();
  }
}

/** The open transactions by id; one ends on commit, abort, or when idle too long (its locks released). */
export class OpenTransactions {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly idleMs: number,
    private readonly onEnd: (txn: Transaction) => void,
  ) {}

  start(id: string, startSeq: number): Transaction {
    const txn = new Transaction(id, startSeq, this.idleMs, () => this.end(txn));
    this.open.set(txn.id, txn);
    return txn;
  }

  /** The open transaction `id` (its idle timer restarted); an error when it has ended. */
  get(id: string): Transaction {
    const txn = this.open.get(id);
    if (!txn) throw new StoreError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has ended`);
    txn.touch();
    return txn;
  }

  end(txn: Transaction): void {
    this.open.delete(txn.id);
    this.onEnd(txn);
    txn.end();
  }

  get size(): number {
    return this.open.size;
  }
}
