// The document locks of open transactions: a document a transaction wrote is its own until it ends;
// a write outside it waits, and another transaction's write to it is a conflict.
import type { Doc } from '../ejson';
import type { Collection } from './collection';
import { transactionConflict } from './errors';
import type { Transaction } from './transaction';
import { keyOf } from './values';

export class Locks {
  /** "coll\0key" → the transaction that wrote it and has not ended. */
  private readonly held = new Map<string, Transaction>();

  /** The open transaction holding any of `docs`, which a write outside transactions must wait for. */
  holder(coll: Collection, docs: Doc[]): Transaction | undefined {
    for (const d of docs) {
      const holder = this.held.get(lockKey(coll, keyOf(d._id)));
      if (holder) return holder;
    }
    return undefined;
  }

  /** Claims a document for `txn`; a conflict when another holds it or it changed after `txn` started. */
  claim(txn: Transaction, coll: Collection, key: string): void {
    const k = lockKey(coll, key);
    const holder = this.held.get(k);
    if (holder && holder !== txn) throw transactionConflict(`${coll.name}/${key.slice(1)} is being written by another transaction`);
    const committed = coll.docs.get(key);
    if (!holder && committed && committed.seq > txn.startSeq) {
      throw transactionConflict(`${coll.name}/${key.slice(1)} changed after the transaction started`);
    }
    this.held.set(k, txn);
    txn.locks.add(k);
  }

  release(txn: Transaction): void {
    for (const k of txn.locks) if (this.held.get(k) === txn) this.held.delete(k);
  }
}

function lockKey(coll: Collection, key: string): string {
  return `${coll.name}\u0000${key}`;
}
