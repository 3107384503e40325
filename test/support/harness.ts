// One local cloud per test file, with the real wx-server-sdk of this jest process pointed at it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { sdkEnv, startCloud, type StartOptions, type TestCloud } from './localcloud';
import { isRecord, settled, type Cloud, type CollectionRef, type Command, type Database, type Doc } from './sdk';

export interface Session {
  lc: TestCloud;
  cloud: Cloud;
  db: Database;
  _: Command;
  /** A new collection with a name unique to this file, holding `seed`. */
  collection(prefix: string, seed?: Doc[]): Promise<CollectionRef>;
}

let names = 0;

/**
 * A manifest with no collections. The conformance tests start from an empty store rather than
 * the product's collection list (build/database.json, the default), which changes as the app grows.
 */
export function emptyManifest(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-manifest-')), 'database.json');
  fs.writeFileSync(file, JSON.stringify({ collections: [] }));
  return file;
}

/** Registers beforeAll/afterAll that start and stop a local cloud; read the session inside tests. */
export function useLocalCloud(opts: StartOptions = {}): Session {
  let lc: TestCloud | null = null;
  let db: Database | null = null;
  beforeAll(async () => {
    lc = await startCloud({ manifest: emptyManifest(), ...opts });
    sdkEnv(lc.url);
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    db = cloud.database();
  });
  afterAll(async () => {
    await lc?.stop();
  });
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('the local cloud is not started yet (use the session inside tests)');
    return v;
  };
  return {
    get lc() {
      return need(lc);
    },
    cloud,
    get db() {
      return need(db);
    },
    get _() {
      return need(db).command;
    },
    async collection(prefix, seed = []) {
      const database = need(db);
      const name = `${prefix}_${++names}`;
      await database.createCollection(name);
      const coll = database.collection(name);
      if (seed.length) await insertMany(coll, seed);
      return coll;
    },
  };
}

/** Adds documents in batches of one request each (the SDK accepts a list in `add`). */
export async function insertMany(coll: CollectionRef, list: Doc[], batch = 500): Promise<void> {
  for (let i = 0; i < list.length; i += batch) {
    await settled(coll.add({ data: list.slice(i, i + batch) }));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One request of the admin protocol sent by hand, for what the SDK itself would never send. */
export async function rawAdmin(url: string, body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${url}/admin?env=local-dev&seqId=raw`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** database.getDocument sent by hand: the documents it answered, or (no list in it) the whole answer. */
export async function rawGetDocument(url: string, request: Record<string, unknown>): Promise<unknown> {
  const body = await rawAdmin(url, { action: 'database.getDocument', ...request });
  const data = isRecord(body) ? body.data : null;
  return isRecord(data) && Array.isArray(data.list) ? data.list : body;
}
