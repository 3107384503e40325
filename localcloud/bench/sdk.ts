// The real, unmodified wx-server-sdk from node_modules, pointed at the local cloud as a function
// instance is (client/spawn.ts, as the tests do). It is required at run time, after the
// environment is set, and not bundled: the benchmark measures the package as functions run it.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as WxServerSdk from 'wx-server-sdk';
import { pointSdkAt } from '../client/spawn';
import { hasFunctions } from '../src/loaded';

export type Db = ReturnType<typeof WxServerSdk.database>;

/**
 * The part of the SDK the benchmark uses. Its typings do not let init() take DYNAMIC_CURRENT_ENV
 * (a symbol), which is how functions call it, so that signature is spelled out here.
 */
interface Sdk {
  init(config: { env: symbol }): void;
  database: typeof WxServerSdk.database;
  DYNAMIC_CURRENT_ENV: symbol;
}

function isSdk(m: unknown): m is Sdk {
  return hasFunctions(m, 'init', 'database') && typeof Reflect.get(m, 'DYNAMIC_CURRENT_ENV') === 'symbol';
}

export function connectSdk(root: string, url: string): Db {
  pointSdkAt(url, 'bench');
  const loaded: unknown = createRequire(path.join(root, 'package.json'))('wx-server-sdk');
  if (!isSdk(loaded)) throw new Error('node_modules/wx-server-sdk does not look like wx-server-sdk');
  loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV });
  return loaded.database();
}

/** What else the SDK's typings say a call may return (void or a string): never, with no callback. */
type NotAPromise = Exclude<ReturnType<ReturnType<Db['collection']>['add']>, Promise<unknown>>;

/** The SDK's typings say its calls return `Promise<T> | void | string`; with no callback it is a promise. */
export function promised<T>(r: Promise<T> | NotAPromise): Promise<T> {
  if (r instanceof Promise) return r;
  throw new Error(`wx-server-sdk returned ${typeof r}, not a promise`);
}
