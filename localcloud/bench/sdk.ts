// The real, unmodified wx-server-sdk from node_modules, pointed at the local cloud as a function
// instance is (see sdkEnv in test/support/localcloud.ts). It is required at run time, after the
// environment is set, and not bundled: the benchmark measures the package as functions run it.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as WxServerSdk from 'wx-server-sdk';

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
  return (
    typeof m === 'object' &&
    m !== null &&
    'init' in m &&
    typeof m.init === 'function' &&
    'database' in m &&
    typeof m.database === 'function' &&
    'DYNAMIC_CURRENT_ENV' in m &&
    typeof m.DYNAMIC_CURRENT_ENV === 'symbol'
  );
}

export function connectSdk(root: string, url: string): Db {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${url}/admin` });
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'bench';
  process.env.TENCENTCLOUD_SECRETKEY = 'bench';
  process.env.SCF_NAMESPACE = 'local-dev';
  process.env.SILENCE = 'true';
  const loaded: unknown = createRequire(path.join(root, 'package.json'))('wx-server-sdk');
  if (!isSdk(loaded)) throw new Error('node_modules/wx-server-sdk does not look like wx-server-sdk');
  loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV });
  return loaded.database();
}

/** The SDK's typings say its calls return `Promise<T> | void | string`; with no callback it is a promise. */
export function promised<T>(r: Promise<T> | void | string): Promise<T> {
  if (r instanceof Promise) return r;
  throw new Error(`wx-server-sdk returned ${typeof r}, not a promise`);
}
