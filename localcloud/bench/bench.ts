// `npm run bench:localcloud`: starts the built local cloud as a child process on a temporary data
// folder and measures, with the real wx-server-sdk over HTTP, add / indexed get / update by _id /
// aggregate at 10,000 and at 200,000 documents, plus the server's memory and its data on disk.
// Prints a markdown table and writes it to localcloud/bench/RESULTS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/config';
import { isPlainObject } from '../src/ejson';
import { measure, type Stats } from './measure';
import { markdown, type OpResult, type Reopen, type SizeResult } from './report';
import { connectSdk } from './sdk';
import { cpuTimeOf, folderSize, memoryOf, startServer, type BenchServer, type ServerOptions } from './server';
import { COLLECTION, INDEXED_FIELD, MANIFEST, PER_HOUSEHOLD, Workload } from './workload';

const COMMAND = 'npm run bench:localcloud';
const SIZES = [10_000, 200_000];
const CONCURRENCY = 16;
/** Calls per operation and size: unmeasured warm-up, then one in flight, then CONCURRENCY in flight. */
const WARMUP = 200;
const LATENCY_OPS = 1000;
const THROUGHPUT_OPS = 3000;
/**
 * The median get (one in flight) at the largest size may take this many times the one at the
 * smallest and still count as flat. Throughput is reported too but, on a shared 2-core machine, is
 * too noisy to judge by.
 */
const FLAT_RATIO = 1.5;

const log = (line: string): void => console.log(`[bench] ${line}`);

async function runOperation(serverPid: number, docs: number, operation: string, op: () => Promise<void>): Promise<OpResult> {
  await measure(WARMUP, CONCURRENCY, op);
  const latency = await measure(LATENCY_OPS, 1, op);
  const serverCpu = cpuTimeOf(serverPid);
  const clientCpu = process.cpuUsage();
  const throughput = await measure(THROUGHPUT_OPS, CONCURRENCY, op);
  const clientUsed = process.cpuUsage(clientCpu);
  const cpu = {
    server: (cpuTimeOf(serverPid) - serverCpu) / THROUGHPUT_OPS,
    client: (clientUsed.user + clientUsed.system) / 1000 / THROUGHPUT_OPS,
  };
  log(
    `${docs} docs, ${operation}: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, ` +
      `${Math.round(throughput.opsPerSec)} ops/s at ${CONCURRENCY} in flight ` +
      `(CPU per call: server ${cpu.server.toFixed(2)} ms, wx-server-sdk client ${cpu.client.toFixed(2)} ms)`,
  );
  return { docs, operation, latency, throughput, cpuMsPerOp: cpu };
}

/** Counts the collection's documents over the admin protocol, as a check after a restart. */
async function countDocuments(url: string): Promise<number> {
  const res = await fetch(`${url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.calculateDocument', collectionName: COLLECTION, query: '{}' }),
  });
  const body: unknown = await res.json();
  if (isPlainObject(body) && isPlainObject(body.data) && typeof body.data.total === 'number') return body.data.total;
  throw new Error(`database.calculateDocument failed: ${JSON.stringify(body).slice(0, 300)}`);
}

function getStats(ops: OpResult[], docs: number): { latency: Stats; throughput: Stats } {
  const found = ops.find((o) => o.docs === docs && o.operation === 'indexed get');
  if (!found) throw new Error(`no indexed get measured at ${docs} docs`);
  return found;
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'));
  const opts: ServerOptions = {
    // bench.js is built next to main.js, in build/localcloud/.
    mainJs: path.join(__dirname, 'main.js'),
    dataDir: path.join(tmp, 'data'),
    manifest: path.join(tmp, 'database.json'),
    functionsDir: path.join(tmp, 'functions'),
  };
  fs.mkdirSync(opts.functionsDir);
  fs.writeFileSync(opts.manifest, JSON.stringify(MANIFEST));
  let server: BenchServer | null = null;
  try {
    server = await startServer(opts);
    log(`local cloud pid ${server.pid} at ${server.url}, data in ${opts.dataDir}`);
    const workload = new Workload(server.url, connectSdk(ROOT, server.url));
    const adds = WARMUP + LATENCY_OPS + THROUGHPUT_OPS;
    const ops: OpResult[] = [];
    const sizes: SizeResult[] = [];
    for (const docs of SIZES) {
      const from = workload.size;
      const started = performance.now();
      await workload.loadTo(docs - adds);
      const loadMs = performance.now() - started;
      const loaded = workload.size - from;
      log(`loaded ${loaded} docs in ${Math.round(loadMs)} ms (${Math.round((loaded / loadMs) * 1000)} docs/s)`);
      ops.push(await runOperation(server.pid, docs, 'add', workload.add));
      if (workload.size !== docs) throw new Error(`the collection holds ${workload.size} docs, not ${docs}`);
      ops.push(await runOperation(server.pid, docs, 'indexed get', workload.get));
      ops.push(await runOperation(server.pid, docs, 'update by _id', workload.update));
      ops.push(await runOperation(server.pid, docs, 'aggregate ($match + $group)', workload.aggregate));
      const mem = memoryOf(server.pid);
      sizes.push({
        docs,
        loaded,
        loadDocsPerSec: (loaded / loadMs) * 1000,
        rss: mem.rss,
        peakRss: mem.peak,
        folderBytes: folderSize(opts.dataDir),
      });
    }
    const scanWarnings = (server.output().match(/WARN query on/g) ?? []).length;

    await server.stop();
    const last = workload.size;
    const restarted = performance.now();
    server = await startServer(opts);
    const reopen: Reopen = {
      docs: last,
      ms: performance.now() - restarted,
      rss: memoryOf(server.pid).rss,
      folderBytes: folderSize(opts.dataDir),
    };
    const counted = await countDocuments(server.url);
    if (counted !== last) throw new Error(`after a restart the collection holds ${counted} docs, not ${last}`);
    log(`restarted with ${last} docs in ${Math.round(reopen.ms)} ms`);
    await server.stop();
    server = null;

    const small = SIZES[0] ?? 0;
    const large = SIZES[SIZES.length - 1] ?? 0;
    const a = getStats(ops, small);
    const b = getStats(ops, large);
    const ratio = {
      small,
      large,
      p50: b.latency.p50 / a.latency.p50,
      p95: b.latency.p95 / a.latency.p95,
      throughput: b.throughput.opsPerSec / a.throughput.opsPerSec,
    };
    const flat = ratio.p50 <= FLAT_RATIO;
    const text = markdown({
      date: new Date(),
      loadAverage: { start: loadAtStart, end: os.loadavg() },
      command: COMMAND,
      concurrency: CONCURRENCY,
      workload:
        `one collection with a hash index on \`${INDEXED_FIELD}\` (${PER_HOUSEHOLD} documents per value, so an indexed get ` +
        `returns ${PER_HOUSEHOLD} documents at every size); documents of ~200 bytes (7 fields, one a date); ` +
        `bulk loaded with database.insertDocument, 1,000 per request, 4 requests in flight; every measured call through wx-server-sdk ` +
        `(add, where({ ${INDEXED_FIELD} }).get(), doc(_id).update({ points: inc(1) }), aggregate().match({ ${INDEXED_FIELD} }).group() by kind)`,
      ops,
      sizes,
      reopen,
      scanWarnings,
      getRatio: ratio,
      verdict: flat ? `flat (median within ${FLAT_RATIO}×)` : `NOT flat: the indexed read path grows with the collection`,
    });
    console.log(`\n${text}`);
    const out = path.join(ROOT, 'localcloud', 'bench', 'RESULTS.md');
    fs.writeFileSync(out, text);
    log(`written to ${path.relative(ROOT, out)}`);
    if (!flat) process.exitCode = 1;
  } finally {
    if (server) await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error('[bench] failed:', e);
  process.exit(1);
});
