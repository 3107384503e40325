// `npm run bench:actions`: every user action of localcloud/bench/action-list.ts on the demo village,
// at 0 ms and at 15 ms a database request (LOCALCLOUD_DB_LATENCY_MS), as WeChat cloud's database
// costs a network round trip from the function. Writes localcloud/bench/ACTIONS.md and exits
// non-zero when an action is over its budget, or when points.recompute finds a difference after a
// run. `--short` (CI) runs each action once at 0 ms and up to three times at 15 ms (batches once)
// and writes build/bench/ACTIONS.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTIONS, type Action, type Call, type Prep } from './action-list';
import { startServer, type BenchServer } from './server';
import { checkBudget, functionFacts, renderReport, type ActionResult, type FunctionFacts, type RunFigures } from './actions-report';

const ROOT = path.resolve(__dirname, '..', '..');
const SHORT = process.argv.includes('--short');
const FUNCTIONS_DIR = path.join(ROOT, 'build', 'cloudfunctions');
const LATENCIES = [0, 15] as const;

interface Invocation {
  dbRequests: number;
  dbRoundTrips: number;
  durationMs: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function invoke(
  server: BenchServer,
  c: { fn: string; openid: string; body: unknown },
): Promise<{ result: unknown; invocation: Invocation }> {
  const res = await fetch(`${server.url}/functions/${c.fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': c.openid },
    body: JSON.stringify(c.body),
  });
  const body: unknown = await res.json();
  const id = res.headers.get('x-localcloud-invocation') ?? '';
  const inv: unknown = await (await fetch(`${server.url}/_localcloud/invocations/${id}`)).json();
  if (!isRecord(inv) || typeof inv.dbRequests !== 'number' || typeof inv.dbRoundTrips !== 'number' || typeof inv.durationMs !== 'number') {
    throw new Error(`no invocation record for ${c.fn}: ${JSON.stringify(inv).slice(0, 300)}`);
  }
  return {
    result: isRecord(body) ? body.result : undefined,
    invocation: { dbRequests: inv.dbRequests, dbRoundTrips: inv.dbRoundTrips, durationMs: inv.durationMs },
  };
}

/** One cloud call whose envelope must be ok: its data and its invocation's figures. */
async function callOk(server: BenchServer, c: Call): Promise<{ data: unknown; invocation: Invocation }> {
  const { result, invocation } = await invoke(server, { fn: c.fn, openid: c.openid, body: { action: c.action, payload: c.payload } });
  if (!isRecord(result) || result.ok !== true)
    throw new Error(`${c.fn}.${c.action} as ${c.openid} failed: ${JSON.stringify(result).slice(0, 400)}`);
  return { data: result.data, invocation };
}

const chinaDate = (iso: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

const GRIDS: [string, number][] = [
  ['demo-grid-1', 1],
  ['demo-grid-2', 51],
  ['demo-grid-3', 101],
];
/** Items a grid leader may record with a photo; tried in turn when a household reached an item's cap. */
const LEADER_ITEMS = ['B02', 'B05', 'D04', 'X01', 'X03', 'B03', 'D05', 'C01', 'X02', 'A05', 'A03', 'E02'];
/** Items a villager may self-report with a photo, one per run (10 runs stay within every cap). */
const SELF_ITEMS = ['D04', 'B02', 'B05', 'X01', 'E02', 'B03', 'C01', 'D05', 'X02', 'A05'];

function prepFor(server: BenchServer, today: string): Prep {
  const key = (): string => randomBytes(8).toString('hex');
  let household = 0;
  let grid = 0;
  let item = 0;
  let selfItem = 0;
  let goods: Promise<string> | undefined;
  const ok: Prep['ok'] = async (openid, fn, action, payload) => (await callOk(server, { fn, action, openid, payload })).data;
  return {
    today,
    key,
    ok,
    nextHousehold: () => `hh-${String((household++ % 150) + 1).padStart(3, '0')}`,
    nextSelfItem: () => SELF_ITEMS[selfItem++ % SELF_ITEMS.length] ?? 'D04',
    cheapGoods: () =>
      (goods ??= ok('demo-cadre-1', 'shop', 'saveGoods', {
        clientKey: key(),
        name: '火柴（一盒）',
        photo: '',
        price: 1,
        stock: 1000,
        limit: null,
        onShelf: true,
      }).then((g) => {
        if (isRecord(g) && typeof g.id === 'string') return g.id;
        throw new Error('saveGoods gave no id');
      })),
    async pendingRecords(n) {
      const ids: string[] = [];
      for (let tries = 0; ids.length < n; tries++) {
        if (tries > 60) throw new Error('could not record enough pending records (caps reached)');
        const [leader, first] = GRIDS[grid++ % GRIDS.length] ?? ['demo-grid-1', 1];
        const householdIds = Array.from({ length: Math.min(50, n - ids.length) }, (_, i) => `hh-${String(first + i).padStart(3, '0')}`);
        // A cap reached records nothing: the next item.
        ids.push(...(await recordedIds(server, leader, householdIds, LEADER_ITEMS[item++ % LEADER_ITEMS.length] ?? 'D04', today)));
      }
      return ids;
    },
  };
}

/** Ids of the records a grid leader's batch made (none when it was refused). */
async function recordedIds(
  server: BenchServer,
  leader: string,
  householdIds: string[],
  itemCode: string,
  today: string,
): Promise<string[]> {
  const payload = {
    clientKey: randomBytes(8).toString('hex'),
    itemCode,
    householdIds,
    occurredOn: today,
    evidence: ['cloud://local-dev.local-bucket/evidence/bench.jpg'],
  };
  const { result } = await invoke(server, { fn: 'points', openid: leader, body: { action: 'record', payload } });
  if (!isRecord(result) || result.ok !== true || !isRecord(result.data) || !Array.isArray(result.data.records)) return [];
  return result.data.records.flatMap((r) => (isRecord(r) && typeof r.id === 'string' ? [r.id] : []));
}

/**
 * The first call of each function in a fresh instance: an unknown action, so no database work. At
 * 15 ms it is the cold start reported; at both latencies it warms an instance of every function, so
 * the actions measure warm calls.
 */
async function coldStarts(server: BenchServer, facts: FunctionFacts[], record: boolean): Promise<void> {
  for (const f of facts) {
    const { invocation } = await invoke(server, { fn: f.name, openid: 'demo-villager', body: { action: 'bench.cold', payload: {} } });
    if (record) f.coldStartMs = invocation.durationMs;
  }
}

async function measure(server: BenchServer, action: Action, prep: Prep, runs: number): Promise<RunFigures[]> {
  const out: RunFigures[] = [];
  for (let r = 0; r < runs; r++) {
    const calls = await action.calls(prep);
    const figures: RunFigures = { calls: calls.length, requests: 0, roundTrips: 0, serverMs: 0, fns: [...new Set(calls.map((c) => c.fn))] };
    for (const c of calls) {
      const { invocation } = await callOk(server, c);
      figures.requests += invocation.dbRequests;
      figures.roundTrips += invocation.dbRoundTrips;
      figures.serverMs += invocation.durationMs;
    }
    out.push(figures);
  }
  return out;
}

async function recomputeDifferences(server: BenchServer): Promise<number> {
  const { data } = await callOk(server, { fn: 'points', action: 'recompute', openid: 'demo-secretary', payload: {} });
  if (!isRecord(data) || !Array.isArray(data.differences)) throw new Error('unexpected recompute reply');
  return data.differences.length;
}

async function runAt(latencyMs: number, facts: FunctionFacts[]): Promise<{ results: Map<string, RunFigures[]>; differences: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-actions-'));
  const server = await startServer({
    mainJs: path.join(ROOT, 'build', 'localcloud', 'main.js'),
    dataDir,
    manifest: path.join(ROOT, 'build', 'database.json'),
    functionsDir: FUNCTIONS_DIR,
    env: { LOCALCLOUD_SEED: 'demo', LOCALCLOUD_DB_LATENCY_MS: String(latencyMs) },
  });
  try {
    await coldStarts(server, facts, latencyMs > 0);
    const clock: unknown = await (await fetch(`${server.url}/_localcloud/clock`)).json();
    if (!isRecord(clock) || typeof clock.now !== 'string') throw new Error('no clock');
    const prep = prepFor(server, chinaDate(clock.now));
    const results = new Map<string, RunFigures[]>();
    for (const action of ACTIONS) {
      // The short run (CI) runs a read or write three times at 15 ms, for the fewest round trips.
      const runs = latencyMs === 0 ? 1 : SHORT ? (action.kind === 'batch' ? 1 : 3) : (action.runs ?? 10);
      results.set(action.name, await measure(server, action, prep, runs));
      process.stdout.write('.');
    }
    process.stdout.write('\n');
    return { results, differences: await recomputeDifferences(server) };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const facts = functionFacts(FUNCTIONS_DIR);
  const at: Record<number, { results: Map<string, RunFigures[]>; differences: number }> = {};
  for (const latency of LATENCIES) {
    console.log(`[bench:actions] ${ACTIONS.length} actions at ${latency} ms a database request${SHORT ? ' (short)' : ''}`);
    at[latency] = await runAt(latency, facts);
  }
  const results: ActionResult[] = ACTIONS.map((a) => ({
    action: a,
    at0: at[0]?.results.get(a.name) ?? [],
    at15: at[15]?.results.get(a.name) ?? [],
  }));
  const failures = results.flatMap((r) => checkBudget(r, facts, SHORT));
  for (const latency of LATENCIES) {
    const d = at[latency]?.differences ?? -1;
    if (d !== 0) failures.push(`points.recompute after the run at ${latency} ms: ${d} households differ`);
  }
  const report = renderReport({ started, short: SHORT, results, facts, failures });
  const file = SHORT
    ? path.join(ROOT, 'build', 'bench', 'ACTIONS.md')
    : path.join(__dirname, '..', '..', 'localcloud', 'bench', 'ACTIONS.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, report);
  console.log(report);
  console.log(`[bench:actions] written to ${path.relative(ROOT, file)}`);
  if (failures.length) {
    console.error(`[bench:actions] over budget:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
