// Starts a real local cloud process (the built build/localcloud/main.js) for a test file, on a
// free port with its own data folder, and gives the test what it needs to talk to it.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pointSdkAt, spawnLocalCloud } from '../../localcloud/client/spawn';
import { followClock, TEST_NOW } from './clock';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface StartOptions {
  /** Data folder to use (kept between restarts); a fresh temporary one by default. */
  dataDir?: string;
  /** Which built functions to serve: the product's (default) or the test-only ones. */
  functions?: 'product' | 'test';
  manifest?: string;
  env?: Record<string, string>;
  /** The instant the cloud's clock starts at (LOCALCLOUD_NOW); TEST_NOW unless given. */
  now?: string;
}

export interface TestCloud {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM), as Ctrl-C would. */
  stop: () => Promise<number | null>;
  /** kill -9: nothing gets a chance to flush. */
  kill9: () => Promise<void>;
  /** Calls a function as the mini-program does in local mode, as the user `openid`. */
  call: <T = unknown>(name: string, data: unknown, openid?: string) => Promise<CallReply<T>>;
  control: <T = unknown>(method: string, p: string, body?: unknown) => Promise<T>;
  /** Moves the cloud's clock to `iso`; this process's `Date` moves with it. */
  setClock: (iso: string) => Promise<void>;
  /** Puts the clock back where it would be had it never been moved (TEST_NOW, run on). */
  resetClock: () => Promise<void>;
}

export interface CallReply<T> {
  status: number;
  body: { result?: T; errCode?: number; errMsg?: string };
  dbRequests: number;
  invocation: string;
}

/** One HTTP request with node's own client (the page tests run in jsdom, which has no fetch). */
function request(method: string, url: string, body?: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

interface ClockReply {
  now: string;
  offsetMs: number;
}

export async function startCloud(opts: StartOptions = {}): Promise<TestCloud> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'));
  const functionsDir = path.join(ROOT, 'build', opts.functions === 'test' ? 'test-functions' : 'cloudfunctions');
  const { child, url, output, exited } = await spawnLocalCloud(
    path.join(ROOT, 'build', 'localcloud', 'main.js'),
    {
      LOCALCLOUD_DATA: dataDir,
      LOCALCLOUD_FUNCTIONS: functionsDir,
      LOCALCLOUD_NOW: opts.now ?? TEST_NOW,
      ...(opts.manifest ? { LOCALCLOUD_MANIFEST: opts.manifest } : {}),
      ...opts.env,
    },
    15_000,
  );
  const control = async <T>(method: string, p: string, body?: unknown): Promise<T> =>
    JSON.parse(await request(method, `${url}${p}`, body)) as T;
  const follow = async (reply: Promise<ClockReply>): Promise<void> => followClock((await reply).offsetMs);
  await follow(control<ClockReply>('GET', '/_localcloud/clock'));
  return {
    url,
    dataDir,
    process: child,
    output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    call: async <T>(name: string, data: unknown, openid = '') => {
      const res = await fetch(`${url}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(data),
      }).catch((e: unknown) => {
        // fetch hides why it failed in `cause`; say it, with what the server printed last.
        const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
        throw new Error(`POST /functions/${name} failed: ${cause}\n--- local cloud output (end) ---\n${output().slice(-3000)}`);
      });
      const body = (await res.json()) as CallReply<T>['body'];
      return {
        status: res.status,
        body,
        dbRequests: Number(res.headers.get('x-localcloud-db-requests') ?? NaN),
        invocation: res.headers.get('x-localcloud-invocation') ?? '',
      };
    },
    control,
    setClock: (iso: string) => follow(control<ClockReply>('POST', '/_localcloud/clock', { now: iso })),
    resetClock: () => follow(control<ClockReply>('DELETE', '/_localcloud/clock')),
  };
}

/**
 * Points wx-server-sdk, loaded in this test process, at a local cloud: the same environment a
 * function instance gets. Call before requiring the SDK.
 */
export function sdkEnv(url: string): void {
  pointSdkAt(url, 'test');
}
