// The local cloud under test: the built build/localcloud/main.js as a child process, on a free
// port, with its own data folder and manifest, started as the tests start theirs (client/spawn.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnLocalCloud } from '../client/spawn';

export interface BenchServer {
  url: string;
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Graceful stop (SIGTERM); resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface ServerOptions {
  mainJs: string;
  dataDir: string;
  manifest: string;
  functionsDir: string;
  /** More settings for the local cloud (LOCALCLOUD_*), over the ones above. */
  env?: Record<string, string>;
}

export async function startServer(opts: ServerOptions): Promise<BenchServer> {
  const { child, url, output, exited } = await spawnLocalCloud(
    opts.mainJs,
    { LOCALCLOUD_DATA: opts.dataDir, LOCALCLOUD_MANIFEST: opts.manifest, LOCALCLOUD_FUNCTIONS: opts.functionsDir, ...opts.env },
    120_000,
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('local cloud has no pid');
  return {
    url,
    pid,
    output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface Memory {
  /** Resident set size now, in bytes. */
  rss: number;
  /** Peak resident set size so far, in bytes. */
  peak: number;
}

/** The process's VmRSS and VmHWM, read from /proc/<pid>/status. */
export function memoryOf(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(m[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

let ticksPerSecond = 0;

/** CPU time (user + system) the process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuTimeOf(pid: number): number {
  if (!ticksPerSecond) ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) / ticksPerSecond) * 1000;
}

/** Total size of the files under `dir`, in bytes. */
export function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderSize(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}
