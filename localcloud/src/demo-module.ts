// What the local cloud asks of the demo data it serves. The demo village is product code (demo/ at
// the root, built to build/localcloud/demo.js); the emulator imports none of it and loads the built
// file at start, so any project can bring its own demo by the same two functions.
import fs from 'node:fs';
import type { Doc } from './ejson';
import { hasFunctions } from './loaded';

/** The part of the store a demo writes through and reads back. */
export interface SeedStore {
  isEmpty(): boolean;
  collectionNames(): string[];
  insert(collection: string, docs: Doc[]): Promise<string[]>;
  update(collection: string, query: Doc, data: Doc, opts: { multi: boolean; merge: boolean; upsert: boolean }): Promise<unknown>;
  find(collection: string, query: Doc, opts: { limit: number; projection?: Record<string, 0 | 1> }): Doc[];
}

/** Someone a developer can be in local mode (the x-wx-openid header, or the home page's picker). */
export interface DemoIdentity {
  openid: string;
  /** e.g. "村书记 王建国" */
  label: string;
}

export interface DemoModule {
  /** Seeds an empty store as of `now` (the clock); false, writing nothing, when the store holds data. */
  seedDemo(store: SeedStore, now: Date): Promise<boolean>;
  /** The demo identities the store holds (none after LOCALCLOUD_SEED=none). */
  demoIdentities(store: SeedStore): DemoIdentity[];
}

function isDemoModule(v: unknown): v is DemoModule {
  return hasFunctions(v, 'seedDemo', 'demoIdentities');
}

/** The built demo at `file`, or null when there is none (a local cloud serving other functions). */
export function loadDemo(file: string): DemoModule | null {
  if (!fs.existsSync(file)) return null;
  const loaded: unknown = require(file);
  if (!isDemoModule(loaded)) throw new Error(`${file} does not export seedDemo and demoIdentities`);
  return loaded;
}
