// `npm run bench:city`: a whole city's month end on the local cloud — 1,200 villages of 150
// households (180,000 households), two approved records each in October 2026. The real `notice`
// function's daily timer publishes every village's notice at 00:30 China time on 1 November, then,
// after the notice period, settles them all. Reports database requests and time, per village and in all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRecord } from '../../cloudfunctions/shared/points/build';
import { emptyBalance } from '../../cloudfunctions/shared/points/policy';
import type { RuleItem } from '../../cloudfunctions/shared/rules/template';
import type { Household } from '../../cloudfunctions/shared/village/model';
import { encode, isPlainObject, type Doc } from '../src/ejson';
import { folderSize, memoryOf, startServer, type BenchServer } from './server';

const ROOT = path.resolve(__dirname, '..', '..');
const TOWNS = Number(process.env.BENCH_TOWNS ?? 60);
const VILLAGES_PER_TOWN = 20;
const HOUSEHOLDS = 150;
const RECORDS_PER_HOUSEHOLD = 2;
const MONTH = '2026-10';
const ITEMS = [
  ['参加村内环境卫生集中整治', 3],
  ['参加志愿服务', 2],
  ['垃圾分类投放', 1],
  ['参加义务巡逻', 3],
  ['乱扔垃圾', -3],
] as const;
const RULES = { _id: 'rules', version: 1 };
const CADRE = { _id: 'cadre', name: '村干部' };

/** An item of the village's rules, as a cadre records it. */
function ruleItem(name: string, points: number): RuleItem {
  return { code: 'A01', category: '共建共治', name, points, unit: '每次', cap: null, evidence: 'none', recordedBy: ['cadre'] };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

async function insert(server: BenchServer, collectionName: string, docs: Doc[]): Promise<void> {
  const body = await post(`${server.url}/admin`, { action: 'database.insertDocument', collectionName, data: docs.map(encode) });
  if (!isPlainObject(body) || !isPlainObject(body.data))
    throw new Error(`insert into ${collectionName} failed: ${JSON.stringify(body).slice(0, 300)}`);
}

/** Inserts in chunks of 1,000 documents, 4 requests in flight. */
async function load(server: BenchServer, coll: string, docs: Doc[]): Promise<void> {
  const chunks: Doc[][] = [];
  for (let i = 0; i < docs.length; i += 1000) chunks.push(docs.slice(i, i + 1000));
  for (let i = 0; i < chunks.length; i += 4) await Promise.all(chunks.slice(i, i + 4).map((c) => insert(server, coll, c)));
}

function villageDocs(t: number, v: number): Record<string, Doc[]> {
  const villageId = `v${t}-${v}`;
  const out: Record<string, Doc[]> = {
    villages: [{ _id: villageId, townId: `t${t}`, name: `第${v + 1}村` }],
    grids: [],
    households: [],
    balances: [],
    pointRecords: [],
  };
  for (let g = 0; g < 3; g++)
    out.grids?.push({ _id: `${villageId}-g${g}`, villageId, kind: 'micro', name: `第${g + 1}网格`, parentId: null, leaderUserId: null });
  for (let h = 0; h < HOUSEHOLDS; h++) {
    const householdId = `${villageId}-h${h}`;
    const gridId = `${villageId}-g${h % 3}`;
    const household: Household = {
      _id: householdId,
      villageId,
      gridId,
      groupId: gridId,
      no: `${Math.floor(h / 7) + 1}组${(h % 7) + 1}号`,
      headName: `户主${h}`,
      address: '',
      moves: [],
    };
    out.households?.push(household);
    let pending = 0;
    for (let r = 0; r < RECORDS_PER_HOUSEHOLD; r++) {
      const [itemName, points] = ITEMS[(h * 7 + r * 3 + v) % ITEMS.length] ?? ITEMS[0];
      pending += points;
      const occurredOn = `${MONTH}-${String(((h + r * 11) % 28) + 1).padStart(2, '0')}`;
      // The documents points.record makes for a cadre's record, approved at once.
      const { record } = buildRecord({
        id: `${householdId}-r${r}`,
        household,
        rules: RULES,
        item: ruleItem(itemName, points),
        recorder: 'cadre',
        by: CADRE,
        state: { status: 'approved', level: 2 },
        occurredOn,
        clientKey: `${householdId}-r${r}`,
        now: new Date(`${occurredOn}T10:00:00+08:00`),
      });
      out.pointRecords?.push(record);
    }
    out.balances?.push({ ...emptyBalance(householdId, villageId, gridId), pending, years: { 2026: { earned: 0, pending } } });
  }
  return out;
}

interface TimerRun {
  published: number;
  settled: number;
  dbRequests: number;
  durationMs: number;
  /** Timer invocations it took (each stops starting work after its time budget). */
  runs: number;
}

/** Fires the notice sweep at `time` again and again, as its 10-minute schedule would, until nothing is left. */
async function fireSweep(server: BenchServer, time: string): Promise<TimerRun> {
  await post(`${server.url}/_localcloud/clock`, { now: time });
  const total: TimerRun = { published: 0, settled: 0, dbRequests: 0, durationMs: 0, runs: 0 };
  for (;;) {
    const body = await post(`${server.url}/_localcloud/timers/notice/sweep`, { time });
    if (!isPlainObject(body) || !isPlainObject(body.result) || !isPlainObject(body.result.data) || !isPlainObject(body.invocation)) {
      throw new Error(`timer failed: ${JSON.stringify(body).slice(0, 500)}`);
    }
    const { data } = body.result;
    total.published += Number(data.published);
    total.settled += Number(data.settled);
    total.dbRequests += Number(body.invocation.dbRequests);
    total.durationMs += Number(body.invocation.durationMs);
    total.runs += 1;
    if (Number(data.remaining) === 0) return total;
    if (total.runs >= 60) throw new Error(`the sweep still has ${String(data.remaining)} to do after ${total.runs} runs`);
  }
}

let running: BenchServer | null = null;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-city-'));
  const server = await startServer({
    mainJs: path.join(ROOT, 'build', 'localcloud', 'main.js'),
    dataDir,
    manifest: path.join(ROOT, 'build', 'database.json'),
    functionsDir: path.join(ROOT, 'build', 'cloudfunctions'),
  });
  running = server;
  const villages = TOWNS * VILLAGES_PER_TOWN;
  console.log(`loading ${villages} villages, ${villages * HOUSEHOLDS} households …`);
  const loadStart = Date.now();
  await load(
    server,
    'towns',
    Array.from({ length: TOWNS }, (_, t) => ({ _id: `t${t}`, name: `第${t + 1}镇`, city: '示范市' })),
  );
  for (let t = 0; t < TOWNS; t++) {
    const perColl: Record<string, Doc[]> = {};
    for (let v = 0; v < VILLAGES_PER_TOWN; v++)
      for (const [coll, docs] of Object.entries(villageDocs(t, v))) perColl[coll] = [...(perColl[coll] ?? []), ...docs];
    for (const [coll, docs] of Object.entries(perColl)) await load(server, coll, docs);
  }
  const loadMs = Date.now() - loadStart;
  console.log(`loaded in ${(loadMs / 1000).toFixed(0)} s`);

  // 00:30 on 1 November in China (16:30 UTC on 31 October): the month-end run publishes October.
  const publish = await fireSweep(server, '2026-10-31T16:30:00Z');
  // After the five-day notice period: the next daily run settles every village.
  const settle = await fireSweep(server, '2026-11-06T16:30:00Z');
  const again = await fireSweep(server, '2026-11-07T16:30:00Z');
  const counted = await post(`${server.url}/admin`, {
    action: 'database.calculateDocument',
    collectionName: 'notices',
    query: encode({ status: 'settled' }),
  });
  const settledInStore = isPlainObject(counted) && isPlainObject(counted.data) ? Number(counted.data.total) : -1;
  const memory = memoryOf(server.pid);
  const disk = folderSize(dataDir);
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const per = (n: number): string => (n / villages).toFixed(1);
  const rows = [
    `| publish October's notices (${publish.runs} timer runs) | ${publish.published} | ${publish.dbRequests.toLocaleString('en')} | ${per(publish.dbRequests)} | ${(publish.durationMs / 1000).toFixed(1)} s | ${(publish.durationMs / villages).toFixed(1)} ms |`,
    `| settle them after the notice period (${settle.runs} timer runs) | ${settle.settled} | ${settle.dbRequests.toLocaleString('en')} | ${per(settle.dbRequests)} | ${(settle.durationMs / 1000).toFixed(1)} s | ${(settle.durationMs / villages).toFixed(1)} ms |`,
    `| the next run (nothing left to do) | ${again.published + again.settled} | ${again.dbRequests.toLocaleString('en')} | ${per(again.dbRequests)} | ${(again.durationMs / 1000).toFixed(1)} s | — |`,
  ];
  const md = [
    '# City month-end benchmark',
    '',
    `- date: ${new Date().toISOString()}; machine: nproc ${os.cpus().length}, Node ${process.version}`,
    `- command: \`npm run bench:city\`; ${villages} villages in ${TOWNS} towns, ${villages * HOUSEHOLDS} households, ${villages * HOUSEHOLDS * RECORDS_PER_HOUSEHOLD} approved records of ${MONTH}; data loaded in ${(loadMs / 1000).toFixed(0)} s`,
    `- notices settled in the store afterwards: ${settledInStore} of ${villages}`,
    `- the local cloud afterwards: RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB (peak ${(memory.peak / 2 ** 20).toFixed(0)} MiB), data folder ${(disk / 2 ** 20).toFixed(0)} MiB`,
    '',
    '| run | villages done | database requests | per village | time | per village |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
  console.log(md);
  fs.writeFileSync(path.join(__dirname, '..', '..', 'localcloud', 'bench', 'CITY.md'), md);
  // Counted in the store, not from the runs' replies: a settlement whose reply timed out in the SDK
  // may still have been applied (the next run then finds nothing left to settle).
  if (settledInStore !== villages) throw new Error(`${settledInStore} of ${villages} notices settled`);
}

main().catch((e: unknown) => {
  console.error(e);
  if (running) console.error(`the local cloud said:\n${running.output().slice(-3000)}`);
  process.exit(1);
});
