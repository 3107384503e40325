// Runs an operation a bounded number of times with a fixed number in flight and sums it up.

export interface Stats {
  ops: number;
  concurrency: number;
  p50: number;
  p95: number;
  opsPerSec: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

/**
 * Calls `op(0)`, `op(1)`, … `op(ops - 1)`, keeping `concurrency` calls in flight, and returns the
 * latency percentiles (ms, each call from start to answer) and the throughput over the whole run.
 */
export async function measure(ops: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ops) {
      const i = next++;
      const t0 = performance.now();
      await op(i);
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { ops, concurrency, p50: percentile(latencies, 50), p95: percentile(latencies, 95), opsPerSec: (ops / wallMs) * 1000 };
}
