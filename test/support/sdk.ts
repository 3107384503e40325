// Typed access to the real wx-server-sdk, for the tests and the test-only cloud functions.
// The SDK's typings declare most calls as returning `Promise<X> | void | string` (the void and
// string cases belong to its callback and stringify-test modes, which we never use): the helpers
// here narrow those unions with checks that fail loudly instead of casting them away.
import type * as WxServerSdk from 'wx-server-sdk';

// What the SDK accepts at run time and its typings leave out.
declare module 'wx-server-sdk' {
  // DYNAMIC_CURRENT_ENV is typed a symbol while `env` only takes strings, yet the SDK documents
  // and accepts `init({ env: cloud.DYNAMIC_CURRENT_ENV })`.
  export function init(config: { env: symbol }): void;
  namespace DB {
    interface DatabaseCommand {
      // min/max compare any values, dates included.
      min(val: Date): DatabaseUpdateCommand;
      max(val: Date): DatabaseUpdateCommand;
      // `_.expr(aggregateExpression)`: aggregation expressions in a query.
      expr(val: DatabaseAggregateCommand): Record<string, unknown>;
    }
  }
}

export type Cloud = typeof WxServerSdk;
export type Database = ReturnType<Cloud['database']>;
export type Command = Database['command'];
export type CollectionRef = ReturnType<Database['collection']>;
export type DocumentRef = ReturnType<CollectionRef['doc']>;
export type QueryRef = ReturnType<CollectionRef['where']>;
export type Aggregate = ReturnType<CollectionRef['aggregate']>;

/** A stored document as the tests look at it. */
export type Doc = Record<string, unknown>;

/** The error every SDK call rejects with: `{ errCode, errMsg }`. */
export interface SdkError {
  errCode: number;
  errMsg: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSdkError(value: unknown): value is SdkError {
  return isRecord(value) && typeof value.errCode === 'number' && typeof value.errMsg === 'string';
}

/**
 * What the SDK's typings say a database call returns: a promise, or (in callback mode, which these
 * tests never use) nothing, or a string. Named once, so each helper takes any call as the SDK types it.
 */
export type SdkCall<T> = Promise<T> | Exclude<ReturnType<ReturnType<Database['collection']>['add']>, Promise<unknown>>;

function isPromise<T>(value: SdkCall<T>): value is Promise<T> {
  return typeof value === 'object' && value !== null && typeof value.then === 'function';
}

/** `db.serverDate({ offset })`, which the typings declare without its options. */
export function serverDate(db: Database, offsetMs: number): unknown {
  const withOffset: (options: { offset: number }) => unknown = db.serverDate;
  return withOffset.call(db, { offset: offsetMs });
}

/** The promise of an SDK call made in promise mode (the only mode these tests use). */
export function settled<T>(call: SdkCall<T>): Promise<T> {
  if (isPromise(call)) return call;
  throw new Error(`wx-server-sdk did not return a promise but ${typeof call}`);
}

/** Awaits a call that must fail and returns the SDK error it failed with. */
export async function failure(call: SdkCall<unknown>): Promise<SdkError> {
  let outcome: unknown;
  try {
    outcome = await settled(call);
  } catch (e) {
    if (isSdkError(e)) return e;
    // Some SDK paths reject with a bare string (e.g. "document with _id … does not exist").
    if (typeof e === 'string') return { errCode: NaN, errMsg: e };
    if (e instanceof Error) return { errCode: NaN, errMsg: e.message };
    throw new Error(`rejected with something that is not an SDK error: ${JSON.stringify(e)}`);
  }
  throw new Error(`expected the call to fail, it answered ${JSON.stringify(outcome)}`);
}

/** Documents as plain records (the SDK types their fields as `any`). */
export function docs(list: readonly unknown[]): Doc[] {
  return list.map((d) => {
    if (!isRecord(d)) throw new Error(`not a document: ${JSON.stringify(d)}`);
    return d;
  });
}

export async function getAll(query: QueryRef | CollectionRef): Promise<Doc[]> {
  return docs((await settled(query.get())).data);
}

export async function getDoc(ref: DocumentRef): Promise<Doc> {
  const { data } = await settled(ref.get());
  if (!isRecord(data)) throw new Error(`doc.get() answered ${JSON.stringify(data)}`);
  return data;
}

export async function count(query: QueryRef | CollectionRef): Promise<number> {
  return (await settled(query.count())).total;
}

export async function add(coll: CollectionRef, data: Doc): Promise<string> {
  const { _id } = await settled(coll.add({ data }));
  return String(_id);
}

export async function aggregate(pipeline: Aggregate): Promise<Doc[]> {
  return docs((await settled(pipeline.end())).list);
}

/** `cloud.callFunction(...).result`, or the SDK error it rejected with. */
export async function callFunction(cloud: Cloud, name: string, data: Record<string, unknown>): Promise<unknown> {
  return (await settled(cloud.callFunction({ name, data }))).result;
}

/** The part of a database transaction the tests use (the SDK types it `any`). */
export interface Transaction {
  collection(name: string): CollectionRef;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export function startTransaction(db: Database): Promise<Transaction> {
  return db.startTransaction();
}

/** `db.runTransaction`: resolves with what `run` returns, rejects with the rollback reason or error. */
export function runTransaction<T>(db: Database, run: (t: Transaction) => Promise<T>): Promise<T> {
  return db.runTransaction(run);
}

/** A number field of a document, or a test failure naming what was there instead. */
export function num(doc: Doc | undefined, field: string): number {
  const v = doc?.[field];
  if (typeof v !== 'number') throw new Error(`${field} is not a number in ${JSON.stringify(doc)}`);
  return v;
}

export function str(doc: Doc | undefined, field: string): string {
  const v = doc?.[field];
  if (typeof v !== 'string') throw new Error(`${field} is not a string in ${JSON.stringify(doc)}`);
  return v;
}
