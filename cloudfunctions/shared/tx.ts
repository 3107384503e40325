// Transactions over wx-server-sdk (whose typings leave them `any`): a small typed surface, and
// retries when another transaction wrote the same document first (a write conflict), since the
// SDK's own conflict retry never fires through wx-server-sdk.
import { db } from './sdk';

export interface TxDoc {
  get(): Promise<unknown>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<unknown>;
}

export interface TxCollection {
  doc(id: string): TxDoc;
  add(options: { data: object }): Promise<unknown>;
}

export interface Tx {
  collection(name: string): TxCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'errMsg' in e && typeof e.errMsg === 'string') return e.errMsg;
  return String(e);
}

export function isConflict(e: unknown): boolean {
  return /transaction conflict|write ?conflict/i.test(message(e));
}

export function isDuplicateKey(e: unknown): boolean {
  return /duplicate key|E11000/i.test(message(e));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `work` in a transaction, committing at the end; conflicts are retried with jittered backoff. */
export async function withTransaction<T>(work: (t: Tx) => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const t: Tx = await db.startTransaction();
    try {
      const result = await work(t);
      await t.commit();
      return result;
    } catch (e) {
      await t.rollback().catch(() => undefined);
      if (!isConflict(e) || attempt >= attempts) throw e;
      // Exponential, jittered, capped at 1 s: at production latency (15 ms a request) a batch's
      // transaction holds its documents for a second or more, which a linear few-ms backoff
      // would exhaust its attempts against.
      await sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt) + 5);
    }
  }
}

/** A document read inside a transaction, or null when it does not exist. */
export async function txGet(t: Tx, coll: string, id: string): Promise<unknown> {
  try {
    const res = await t.collection(coll).doc(id).get();
    return typeof res === 'object' && res !== null && 'data' in res ? res.data : null;
  } catch (e) {
    if (/does not exist/.test(message(e))) return null;
    throw e;
  }
}

/** Updates the fields of one document inside a transaction. */
export async function txUpdate(t: Tx, coll: string, id: string, data: object): Promise<void> {
  await t.collection(coll).doc(id).update({ data });
}
