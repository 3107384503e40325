// The benchmark's results as markdown: printed, and written to localcloud/bench/RESULTS.md.
import os from 'node:os';
import type { Stats } from './measure';

export interface OpResult {
  docs: number;
  operation: string;
  /** One call in flight: the latency of a lone request. */
  latency: Stats;
  /** Many calls in flight: throughput, and latency under that load. */
  throughput: Stats;
  /** CPU time per call during the throughput run: the local cloud's, and the benchmark's own (the SDK). */
  cpuMsPerOp: { server: number; client: number };
}

export interface SizeResult {
  docs: number;
  /** Documents loaded with multi-document inserts to reach this size, and how fast. */
  loaded: number;
  loadDocsPerSec: number;
  rss: number;
  peakRss: number;
  folderBytes: number;
}

export interface Reopen {
  docs: number;
  ms: number;
  rss: number;
  folderBytes: number;
}

export interface Report {
  date: Date;
  /** os.loadavg() when the benchmark started and when it ended: other work on the machine skews the numbers. */
  loadAverage: { start: number[]; end: number[] };
  command: string;
  concurrency: number;
  workload: string;
  ops: OpResult[];
  sizes: SizeResult[];
  reopen: Reopen | null;
  scanWarnings: number;
  /** The indexed get at the largest size over the smallest. */
  getRatio: { small: number; large: number; p50: number; p95: number; throughput: number };
  verdict: string;
}

const ms = (v: number): string => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const int = (v: number): string => Math.round(v).toLocaleString('en-US');

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `nproc ${os.availableParallelism()} (${cpu}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`;
}

export function markdown(r: Report): string {
  const lines: string[] = [
    '# Local cloud benchmark',
    '',
    `- date: ${r.date.toISOString()}`,
    `- machine: ${machine()}`,
    `- load average (1, 5, 15 min) at start: ${r.loadAverage.start.map((l) => l.toFixed(2)).join(', ')}; at end: ${r.loadAverage.end.map((l) => l.toFixed(2)).join(', ')}`,
    `- command: \`${r.command}\``,
    `- workload: ${r.workload}`,
    '',
    `Latency is measured with one call in flight; throughput (and the latency under it) with ${r.concurrency} calls in flight. ` +
      `The CPU columns split the cost of a call, during the throughput run, between the local cloud process and the benchmark ` +
      `process (wx-server-sdk building, signing and parsing the request): on ${os.availableParallelism()} cores the two share the machine.`,
    '',
    `| docs | operation | p50 ms | p95 ms | ops/s (${r.concurrency} in flight) | p50 ms (${r.concurrency} in flight) | p95 ms (${r.concurrency} in flight) | server CPU ms/call | SDK CPU ms/call | calls |`,
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.ops.map(
      (o) =>
        `| ${int(o.docs)} | ${o.operation} | ${ms(o.latency.p50)} | ${ms(o.latency.p95)} | ${int(o.throughput.opsPerSec)} | ${ms(o.throughput.p50)} | ${ms(o.throughput.p95)} | ` +
        `${o.cpuMsPerOp.server.toFixed(2)} | ${o.cpuMsPerOp.client.toFixed(2)} | ${o.latency.ops} + ${o.throughput.ops} |`,
    ),
    '',
    '| docs | bulk load (docs/s) | server RSS (MiB) | peak RSS (MiB) | data folder on disk (MiB) |',
    '|---:|---:|---:|---:|---:|',
    ...r.sizes.map((s) => `| ${int(s.docs)} | ${int(s.loadDocsPerSec)} | ${mib(s.rss)} | ${mib(s.peakRss)} | ${mib(s.folderBytes)} |`),
    '',
  ];
  if (r.reopen) {
    lines.push(
      `Restart with ${int(r.reopen.docs)} documents (snapshot + log replay, then compaction): ready in ${int(r.reopen.ms)} ms, RSS ${mib(r.reopen.rss)} MiB, data folder ${mib(r.reopen.folderBytes)} MiB.`,
      '',
    );
  }
  const g = r.getRatio;
  lines.push(
    `Indexed equality get, ${int(g.large)} vs ${int(g.small)} docs: p50 ratio ${g.p50.toFixed(2)}, p95 ratio ${g.p95.toFixed(2)}, throughput ratio ${g.throughput.toFixed(2)}: ${r.verdict}.`,
    `Collection-scan warnings from the server: ${r.scanWarnings}.`,
    '',
  );
  return lines.join('\n');
}
