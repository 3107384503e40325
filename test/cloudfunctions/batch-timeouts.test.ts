// Every batch action fits its function's declared timeout (deploy.ts → config.json) twice over at
// production-like database latency (LOCALCLOUD_DB_LATENCY_MS=15): the biggest batches of the
// points function, run as their users would, timed by the local cloud's invocation record.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/localcloud';
import { isRecord } from '../support/sdk';
import { recordDraft } from './drafts';
import { demoCloudPerFile } from './support';

const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const demo = demoCloudPerFile({ LOCALCLOUD_DB_LATENCY_MS: '15' });

function timeoutMsOf(fn: string): number {
  const config: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'cloudfunctions', fn, 'config.json'), 'utf8'));
  if (!isRecord(config) || typeof config.timeout !== 'number') throw new Error(`${fn} declares no timeout`);
  return config.timeout * 1000;
}

/** Calls an action and gives how long its invocation ran, by the local cloud's own account. */
async function timed(
  openid: string,
  fn: string,
  action: string,
  payload: unknown,
): Promise<{ ms: number; result: unknown; dbRequests: number }> {
  const reply = await demo.cloud.call<unknown>(fn, { action, payload }, openid);
  const record = await demo.cloud.control<{ durationMs: number | null }>('GET', `/_localcloud/invocations/${reply.invocation}`);
  return { ms: record.durationMs ?? NaN, result: reply.body.result, dbRequests: reply.dbRequests };
}

test('recording for 50 households and approving 50 records take at most half of the points timeout at 15 ms a request', async () => {
  const grid2 = Array.from({ length: 50 }, (_, i) => `hh-${String(51 + i).padStart(3, '0')}`);
  const record = await timed('demo-grid-2', 'points', 'record', recordDraft('E02', today(), { householdIds: grid2, evidence: [photo] }));
  expect(record.result).toMatchObject({ ok: true });
  const queue = await demo.api.ok('demo-cadre-3', 'points', 'queue', {});
  const ids = queue.records.map((r) => r.id).slice(0, 50);
  expect(ids).toHaveLength(50);
  const review = await timed('demo-cadre-3', 'points', 'review', { recordIds: ids, decision: 'approve' });
  expect(review.result).toMatchObject({ ok: true });
  const limit = timeoutMsOf('points');
  console.log(
    `at 15 ms a request: record for 50 households ${record.ms} ms (${record.dbRequests} requests), approve 50 ${review.ms} ms (${review.dbRequests} requests); points timeout ${limit} ms`,
  );
  expect(record.ms * 2).toBeLessThanOrEqual(limit);
  expect(review.ms * 2).toBeLessThanOrEqual(limit);
});
