// The figures of `npm run bench:actions`: per-function facts (bundle size, declared timeout, cold
// start), the budget check of each action, and the Markdown report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Action } from './action-list';

export interface RunFigures {
  calls: number;
  requests: number;
  roundTrips: number;
  serverMs: number;
  fns: string[];
}

export interface ActionResult {
  action: Action;
  at0: RunFigures[];
  at15: RunFigures[];
}

export interface FunctionFacts {
  name: string;
  /** The upload folder's JavaScript (index.js and any chunk it loads), in bytes. */
  bundleBytes: number;
  /** The largest file loaded when the function starts (index.js), in bytes. */
  entryBytes: number;
  timeoutMs: number;
  coldStartMs: number | null;
}

/** The cloud's timeout for a function whose config.json declares none. */
const DEFAULT_TIMEOUT_MS = 3000;
export const MAX_BUNDLE_BYTES = 600 * 1024;

function jsBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') total += jsBytes(p);
    else if (e.isFile() && e.name.endsWith('.js')) total += fs.statSync(p).size;
  }
  return total;
}

export function functionFacts(functionsDir: string): FunctionFacts[] {
  return fs
    .readdirSync(functionsDir)
    .filter((n) => fs.existsSync(path.join(functionsDir, n, 'index.js')))
    .map((name) => {
      const dir = path.join(functionsDir, name);
      const configFile = path.join(dir, 'config.json');
      const config: unknown = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {};
      const timeout =
        typeof config === 'object' && config !== null && 'timeout' in config && typeof config.timeout === 'number'
          ? config.timeout * 1000
          : DEFAULT_TIMEOUT_MS;
      return {
        name,
        bundleBytes: jsBytes(dir),
        entryBytes: fs.statSync(path.join(dir, 'index.js')).size,
        timeoutMs: timeout,
        coldStartMs: null,
      };
    });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const max = (runs: RunFigures[], f: (r: RunFigures) => number): number => Math.max(...runs.map(f));
/**
 * The round trips of an action's runs as a budget reads them: the fewest. The count is the code's
 * critical path, and a busy machine only ever adds to it (a function held up between two requests
 * it sends together makes them two trips); it never takes one away.
 */
export const tripsOf = (runs: RunFigures[]): number => Math.min(...runs.map((x) => x.roundTrips));

/** The latency the budgets are written for: a round trip from a function to WeChat cloud's database. */
export const LATENCY_MS = 15;

/**
 * Server time at 15 ms as a budget reads it. A full run: the p50 of its runs, which a busy machine
 * moves far less than the p95. A short run (CI, one run on a loaded 2-core machine): the model,
 * round trips × 15 ms, since in production the database round trips are the server time and the
 * count of them does not depend on the machine.
 */
export function budgetMs(runs: RunFigures[], short: boolean): number {
  if (short) return tripsOf(runs) * LATENCY_MS;
  return percentile(
    runs.map((x) => x.serverMs),
    50,
  );
}

function checkTimeoutShare(
  r: ActionResult,
  facts: FunctionFacts[],
  short: boolean,
  over: (what: string, v: number, l: number) => void,
): void {
  const share = r.action.budget.timeoutShare;
  if (share === undefined) return;
  for (const run of r.at15) {
    for (const fn of run.fns) {
      const limit = (facts.find((f) => f.name === fn)?.timeoutMs ?? DEFAULT_TIMEOUT_MS) * share;
      over(`server ms at 15 ms${short ? ' (model)' : ''} (${share} of ${fn}'s timeout)`, budgetMs([run], short), limit);
    }
  }
}

/** The budget lines an action exceeded (empty when within every one). Requests and round trips are exact counts. */
export function checkBudget(r: ActionResult, facts: FunctionFacts[], short = false): string[] {
  const b = r.action.budget;
  const out: string[] = [];
  const all = [...r.at0, ...r.at15];
  const over = (what: string, value: number, limit: number): void => {
    if (value > limit) out.push(`${r.action.name}: ${what} ${value} > ${limit}`);
  };
  if (b.calls !== undefined)
    over(
      'cloud calls',
      max(all, (x) => x.calls),
      b.calls,
    );
  if (b.requests !== undefined)
    over(
      'requests',
      max(all, (x) => x.requests),
      b.requests,
    );
  if (b.roundTrips !== undefined) over('round trips at 15 ms (fewest of the runs)', tripsOf(r.at15), b.roundTrips);
  if (b.serverMs !== undefined) over(short ? 'round trips × 15 ms' : 'server ms p50 at 15 ms', budgetMs(r.at15, short), b.serverMs);
  checkTimeoutShare(r, facts, short, over);
  return out;
}

function budgetText(a: Action): string {
  const b = a.budget;
  return [
    b.calls !== undefined ? `${b.calls} call` : '',
    b.requests !== undefined ? `≤ ${b.requests} req` : '',
    b.roundTrips !== undefined ? `≤ ${b.roundTrips} trips` : '',
    b.serverMs !== undefined ? `≤ ${b.serverMs} ms` : '',
    b.timeoutShare !== undefined ? `≤ ${b.timeoutShare} × timeout` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

const range = (runs: RunFigures[], f: (r: RunFigures) => number): string => {
  const lo = Math.min(...runs.map(f));
  const hi = Math.max(...runs.map(f));
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

export function renderReport(o: {
  started: Date;
  short: boolean;
  results: ActionResult[];
  facts: FunctionFacts[];
  failures: string[];
}): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# User actions at production latency (`npm run bench:actions`)',
    '',
    `- date: ${o.started.toISOString()}${o.short ? ' (short run: once at 0 ms; reads and writes three times at 15 ms, batches once)' : ''}`,
    `- machine: nproc ${os.cpus().length} (${cpu}), Node ${process.version}; load average at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
    '- the demo village (150 households) on the local cloud, each action run through the real built functions as the demo identity named;',
    '  requests and round trips are counted by the local cloud per invocation (round trips: the critical path, requests in flight together count once)',
    '- budgets: requests are exact counts; round trips too, checked on the fewest of the runs (a busy machine only adds trips, when a',
    '  function is held up between two requests it sends together). Server time is checked on the measure a busy machine',
    `  moves least: the p50 at 15 ms of a full run, and in a short run (CI) the model round trips × ${LATENCY_MS} ms (production's server`,
    "  time is its database round trips; the p95 shown is this machine's load as much as the code)",
    '',
    '| action | calls | requests | round trips (15 ms) | server ms at 0 ms (p50) | server ms at 15 ms p50 / p95 | budget | |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of o.results) {
    const failed = o.failures.some((f) => f.startsWith(`${r.action.name}:`));
    const at15 = r.at15.map((x) => x.serverMs);
    lines.push(
      `| ${r.action.name} | ${range(r.at15, (x) => x.calls)} | ${range([...r.at0, ...r.at15], (x) => x.requests)} | ${range(r.at15, (x) => x.roundTrips)} | ${percentile(
        r.at0.map((x) => x.serverMs),
        50,
      )} | ${percentile(at15, 50)} / ${percentile(at15, 95)} | ${budgetText(r.action)} | ${failed ? 'OVER' : 'ok'} |`,
    );
  }
  lines.push('', '| function | bundle (KB) | cold start at 15 ms (ms) | declared timeout (s) |', '|---|---:|---:|---:|');
  for (const f of o.facts) {
    const over = f.entryBytes > MAX_BUNDLE_BYTES;
    if (over) o.failures.push(`${f.name}: index.js ${(f.entryBytes / 1024).toFixed(0)} KB > ${MAX_BUNDLE_BYTES / 1024} KB`);
    const chunks = f.bundleBytes > f.entryBytes ? ` (+ ${((f.bundleBytes - f.entryBytes) / 1024).toFixed(1)} loaded on demand)` : '';
    lines.push(
      `| ${f.name} | ${(f.entryBytes / 1024).toFixed(1)}${chunks}${over ? ' OVER' : ''} | ${f.coldStartMs ?? '—'} | ${f.timeoutMs / 1000} |`,
    );
  }
  lines.push(
    '',
    o.failures.length
      ? `Over budget:\n\n${o.failures.map((f) => `- ${f}`).join('\n')}`
      : 'Every action is within its budget; points.recompute found no difference after each run.',
    '',
  );
  return lines.join('\n');
}
