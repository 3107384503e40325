// How a client starts a built local cloud (build/localcloud/main.js) as a child process and points
// the real wx-server-sdk of its own process at it: one way for the tests (test/support) and the
// benchmarks (bench/). Not part of the emulator (src/), which never starts itself.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Spawned {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** The address it printed in its LOCALCLOUD_READY line. */
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Spawns `mainJs` on a free port with timers off and no seed, `env` over those, and waits up to
 * `readyWithinMs` for it to say it is ready (rejecting with what it printed if it exits first).
 */
export async function spawnLocalCloud(mainJs: string, env: Record<string, string>, readyWithinMs: number): Promise<Spawned> {
  const child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, LOCALCLOUD_PORT: '0', LOCALCLOUD_SEED: 'none', LOCALCLOUD_TIMERS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${out}`)), readyWithinMs);
    child.stdout.on('data', () => {
      const m = /LOCALCLOUD_READY (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out, exited };
}

/**
 * Points wx-server-sdk, loaded in this process, at a local cloud: the same environment a function
 * instance gets. Call before requiring the SDK. `secret` names the caller (any value is accepted).
 */
export function pointSdkAt(url: string, secret: string): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${url}/admin` });
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = secret;
  process.env.TENCENTCLOUD_SECRETKEY = secret;
  process.env.SCF_NAMESPACE = 'local-dev';
  process.env.SILENCE = 'true';
}
