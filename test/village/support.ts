// The village tests' way to reach the cloud: the product's functions on a local cloud started for
// the test file (with the product's collections, and the demo village if asked), typed calls of the
// `village` function through HTTP as the mini-program makes them, and reads of the store.
import path from 'node:path';
import type { ActionName, Envelope, ErrorCode, FunctionName, RequestOf, ResponseOf } from '../../typings';
import { useLocalCloud, type Session } from '../support/harness';
import { ROOT } from '../support/localcloud';
import { docs, settled, type Doc } from '../support/sdk';

export const MANIFEST = path.join(ROOT, 'build', 'database.json');

/** A local cloud for this file with the product's collections (and the demo village when `demo`). */
export function useVillageCloud(opts: { demo?: boolean } = {}): Session {
  return useLocalCloud({ manifest: MANIFEST, env: { LOCALCLOUD_SEED: opts.demo ? 'demo' : 'none' } });
}

export interface Called<T> {
  data: T;
  /** Database requests the invocation made (x-localcloud-db-requests). */
  dbRequests: number;
}

/** DB requests measured per action, for the report at the end of a file. */
export const measured: { what: string; dbRequests: number }[] = [];

async function envelope<F extends FunctionName, A extends ActionName<F>>(
  s: Session,
  fn: F,
  openid: string,
  action: A,
  payload: RequestOf<F, A>,
): Promise<{ result: Envelope<ResponseOf<F, A>>; dbRequests: number }> {
  const reply = await s.lc.call<Envelope<ResponseOf<F, A>>>(fn, { action, payload }, openid);
  const result = reply.body.result;
  if (reply.status !== 200 || !result) throw new Error(`${fn}.${action} answered ${reply.status} ${JSON.stringify(reply.body)}`);
  return { result, dbRequests: reply.dbRequests };
}

/** Calls an action that must succeed. */
export async function ok<F extends FunctionName, A extends ActionName<F>>(
  s: Session,
  fn: F,
  openid: string,
  action: A,
  payload: RequestOf<F, A>,
  measure?: string,
): Promise<Called<ResponseOf<F, A>>> {
  const { result, dbRequests } = await envelope(s, fn, openid, action, payload);
  if (!result.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${result.error.code} ${result.error.message}`);
  if (measure) measured.push({ what: measure, dbRequests });
  return { data: result.data, dbRequests };
}

/** Calls an action that must be refused; gives the stable code and the message. */
export async function refused<F extends FunctionName, A extends ActionName<F>>(
  s: Session,
  fn: F,
  openid: string,
  action: A,
  payload: RequestOf<F, A>,
): Promise<{ code: ErrorCode; message: string }> {
  const { result } = await envelope(s, fn, openid, action, payload);
  if (result.ok) throw new Error(`${fn}.${action} as ${openid} should have been refused, it answered ${JSON.stringify(result.data)}`);
  return result.error;
}

/** Calls with a payload outside the contract (bad input), which must be refused. */
export async function refusedRaw(
  s: Session,
  fn: FunctionName,
  openid: string,
  action: string,
  payload: unknown,
): Promise<{ code: ErrorCode; message: string }> {
  const reply = await s.lc.call<Envelope<unknown>>(fn, { action, payload }, openid);
  const result = reply.body.result;
  if (!result || result.ok) throw new Error(`${fn}.${action} should have been refused: ${JSON.stringify(reply.body)}`);
  return result.error;
}

/** Every document of a collection, by _id order. */
export async function all(s: Session, collection: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (;;) {
    const page = docs((await settled(s.db.collection(collection).orderBy('_id', 'asc').skip(out.length).limit(1000).get())).data);
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

export const VILLAGE_COLLECTIONS = [
  'villages',
  'grids',
  'households',
  'members',
  'users',
  'balances',
  'invites',
  'joinRequests',
  'memberships',
  'villageImports',
];

/** A fingerprint of the village collections: compare before and after a refused call. */
export async function snapshot(s: Session): Promise<string> {
  const parts = await Promise.all(VILLAGE_COLLECTIONS.map(async (c) => `${c}:${JSON.stringify(await all(s, c))}`));
  return parts.join('\n');
}

export async function insert(s: Session, collection: string, list: object[]): Promise<void> {
  if (list.length) await settled(s.db.collection(collection).add({ data: list }));
}

export async function doc(s: Session, collection: string, id: string): Promise<Doc | undefined> {
  const [found] = docs((await settled(s.db.collection(collection).where({ _id: id }).get())).data);
  return found;
}

export function printMeasured(title: string): void {
  if (!measured.length) return;
  console.log(`${title}\n${measured.map((m) => `  ${m.what}: ${m.dbRequests}`).join('\n')}`);
}
