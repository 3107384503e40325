// Runs the built cloud functions (one folder each with index.js, package.json and config.json)
// the way WeChat cloud does, and keeps the account of every invocation: who called, how long it
// took and how many database requests it made (nested cloud.callFunction calls included).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { clock } from '../clock';
import { DEFAULT_TIMEOUT_S, FunctionConfigError, readFunctionConfig, type TimerTrigger } from './function-config';
import { FunctionPool, type InvokeOutcome } from './pool';

export interface Caller {
  openid: string;
  appid: string;
  unionid?: string;
  clientIp?: string;
}

export interface Invocation {
  id: string;
  name: string;
  caller: Caller | null;
  trigger: 'call' | 'timer' | 'message';
  /** getWXContext().SOURCE of this invocation. */
  source: string;
  parent: string | null;
  /** Database requests made by this invocation and the ones it called. */
  dbRequests: number;
  /** When each of those requests began and was answered (ms after `startedAt`; the first 2,000). */
  dbSpans: [number, number][];
  /** Sequential round trips: the requests on the critical path, requests that overlap counting once. */
  dbRoundTrips: number;
  startedAt: number;
  durationMs: number | null;
  ok: boolean | null;
}

export type { TimerTrigger } from './function-config';

export interface FunctionInfo {
  name: string;
  file: string;
  timeoutMs: number;
  triggers: TimerTrigger[];
  /** The cloud calls (`cloud.openapi.*`) its config.json declares under permissions.openapi. */
  openapi: string[];
  /** Why its config.json was refused: every invocation fails with this, as an upload would. */
  configError: string | null;
}

export type InvokeResult =
  | { ok: true; result: unknown; invocation: Invocation }
  /** timedOut: past the function's timeout (the cloud answers -504003, not -504002). */
  | { ok: false; message: string; invocation: Invocation; timedOut?: boolean };

type InvokeOptions = { trigger?: 'call' | 'timer' | 'message'; parent?: Invocation; at?: Date };

/** The environment a run sees besides the function's own: its seqId, clock, source and caller. */
function runEnv(inv: Invocation, caller: Caller | null, at: Date | undefined): Record<string, string> {
  return {
    TCB_SEQID: inv.id,
    // A timer fired "at" a moment runs with its clock there, as a real trigger would at that time.
    LOCALCLOUD_CLOCK_OFFSET_MS: String(at ? at.getTime() - Date.now() : clock.offsetMs),
    TCB_SOURCE: inv.source,
    // Set by the cloud on a timer trigger's run only.
    TRIGGER_SRC: inv.trigger === 'timer' ? 'timer' : '',
    WX_OPENID: caller?.openid ?? '',
    WX_APPID: caller?.appid ?? '',
    WX_UNIONID: caller?.unionid ?? '',
    WX_CLIENTIP: caller?.clientIp ?? '',
  };
}

export interface RuntimeOptions {
  functionsDir: string;
  workerFile: string;
  adminUrl: () => string;
  envId: string;
  maxInstances: number;
}

const KEEP_INVOCATIONS = 5000;
const MAX_SPANS = 2000;

/** How many disjoint stretches of time the spans cover: requests in flight together are one round trip. */
export function roundTrips(spans: [number, number][]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let trips = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    // A request sent before the previous one was answered overlaps it (sent together, or in a Promise.all).
    if (s >= end) trips += 1;
    end = Math.max(end, e);
  }
  return trips;
}

/**
 * getWXContext().SOURCE as the cloud sets it: `wx_client` for a call from the mini-program,
 * `wx_trigger` for a timer, and `,scf` appended for each cloud.callFunction from a function.
 * (`wx_message` for a message push is this local cloud's choice: the docs do not say.)
 */
function sourceOf(trigger: 'call' | 'timer' | 'message', parent: Invocation | undefined): string {
  if (parent) return `${parent.source},scf`;
  return { call: 'wx_client', timer: 'wx_trigger', message: 'wx_message' }[trigger];
}

export class FunctionRuntime {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly invocations = new Map<string, Invocation>();

  constructor(private readonly opts: RuntimeOptions) {}

  /** The deployed functions: every folder of the functions directory with an index.js. */
  list(): FunctionInfo[] {
    if (!fs.existsSync(this.opts.functionsDir)) return [];
    return fs
      .readdirSync(this.opts.functionsDir)
      .filter((name) => fs.existsSync(path.join(this.opts.functionsDir, name, 'index.js')))
      .map((name) => this.info(name))
      .filter((f): f is FunctionInfo => f !== null);
  }

  info(name: string): FunctionInfo | null {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(name)) return null;
    const dir = path.join(this.opts.functionsDir, name);
    const file = path.join(dir, 'index.js');
    if (!fs.existsSync(file)) return null;
    try {
      const config = readFunctionConfig(name, dir);
      return { name, file, ...config, configError: null };
    } catch (e) {
      if (!(e instanceof FunctionConfigError)) throw e;
      return { name, file, timeoutMs: DEFAULT_TIMEOUT_S * 1000, triggers: [], openapi: [], configError: e.message };
    }
  }

  private pool(fn: FunctionInfo): FunctionPool {
    let pool = this.pools.get(fn.name);
    if (!pool) {
      pool = new FunctionPool({
        file: fn.file,
        workerFile: this.opts.workerFile,
        maxInstances: this.opts.maxInstances,
        timeoutMs: fn.timeoutMs,
        idleMs: 5 * 60_000,
        baseEnv: {
          TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.opts.adminUrl() }),
          TENCENTCLOUD: 'true',
          TENCENTCLOUD_SECRETID: 'localcloud',
          TENCENTCLOUD_SECRETKEY: 'localcloud',
          SCF_NAMESPACE: this.opts.envId,
          TCB_ENV: this.opts.envId,
          TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
          WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
          SILENCE: 'true',
          TZ: 'UTC',
        },
      });
      this.pools.set(fn.name, pool);
    }
    return pool;
  }

  /** The invocation a wire request belongs to, read off the SDK's seqId (`<TCB_SEQID>-<event>`). */
  invocationOfSeqId(seqId: string | null): Invocation | undefined {
    if (!seqId) return undefined;
    const cut = seqId.lastIndexOf('-');
    return cut > 0 ? this.invocations.get(seqId.slice(0, cut)) : undefined;
  }

  /** Counts a database request for the invocation and its callers; call the result when it is answered. */
  countDbRequest(inv: Invocation | undefined): () => void {
    const chain: Invocation[] = [];
    for (let cur = inv; cur; cur = cur.parent ? this.invocations.get(cur.parent) : undefined) chain.push(cur);
    const began = Date.now();
    for (const cur of chain) cur.dbRequests += 1;
    return () => {
      const ended = Date.now();
      for (const cur of chain) {
        if (cur.dbSpans.length < MAX_SPANS) cur.dbSpans.push([began - cur.startedAt, ended - cur.startedAt]);
        cur.dbRoundTrips = roundTrips(cur.dbSpans);
      }
    };
  }

  invocation(id: string): Invocation | undefined {
    return this.invocations.get(id);
  }

  /** A new invocation, kept for GET /_localcloud/invocations (the oldest dropped past KEEP_INVOCATIONS). */
  private begin(name: string, caller: Caller | null, opts: InvokeOptions): Invocation {
    const source = sourceOf(opts.trigger ?? 'call', opts.parent);
    const inv: Invocation = {
      id: randomBytes(12).toString('hex'),
      name,
      caller,
      trigger: opts.trigger ?? 'call',
      source,
      parent: opts.parent?.id ?? null,
      dbRequests: 0,
      dbSpans: [],
      dbRoundTrips: 0,
      // The machine's time on purpose: a duration, not a business date (the movable clock may jump).
      startedAt: Date.now(),
      durationMs: null,
      ok: null,
    };
    this.invocations.set(inv.id, inv);
    if (this.invocations.size > KEEP_INVOCATIONS) {
      const oldest = this.invocations.keys().next().value;
      if (oldest !== undefined) this.invocations.delete(oldest);
    }
    return inv;
  }

  async invoke(name: string, event: unknown, caller: Caller | null, opts: InvokeOptions = {}): Promise<InvokeResult | null> {
    const fn = this.info(name);
    if (!fn) return null;
    const inv = this.begin(name, caller, opts);
    const env = runEnv(inv, caller, opts.at);
    if (fn.configError) {
      inv.durationMs = 0;
      inv.ok = false;
      return { ok: false, message: fn.configError, invocation: inv };
    }
    const outcome: InvokeOutcome = await this.pool(fn).invoke(
      {
        id: inv.id,
        event,
        env,
        context: {
          request_id: inv.id,
          function_name: name,
          namespace: this.opts.envId,
          memory_limit_in_mb: 256,
          time_limit_in_ms: fn.timeoutMs,
        },
      },
      opts.parent !== undefined,
    );
    inv.durationMs = Date.now() - inv.startedAt;
    inv.ok = outcome.ok;
    if (!outcome.ok) {
      console.error(`[localcloud] function ${name} failed: ${outcome.error.stack || outcome.error.message}`);
      return { ok: false, message: outcome.error.message, invocation: inv, ...(outcome.timedOut ? { timedOut: true } : {}) };
    }
    return { ok: true, result: JSON.parse(outcome.result) as unknown, invocation: inv };
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }
}
