// Batches run one transaction per household, several households at once: overlapping batch
// approvals fired together book every record exactly once, a double-tapped batch record writes one
// set of records, and points.recompute finds no difference afterwards.
import { count } from '../support/sdk';
import { key, recordDraft } from './drafts';
import { demoCloudPerFile } from './support';

const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';
let today = '';

const demo = demoCloudPerFile();
beforeAll(async () => {
  // The local cloud's clock (not this machine's) says what today is in China.
  const clock = await demo.cloud.control<{ now: string }>('GET', '/_localcloud/clock');
  today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(clock.now));
});

const grid = (first: number): string[] => Array.from({ length: 50 }, (_, i) => `hh-${String(first + i).padStart(3, '0')}`);

test('50 overlapping batch approvals at once book each record once; recompute finds no difference', async () => {
  const made = await Promise.all(
    (
      [
        ['demo-grid-1', 1],
        ['demo-grid-2', 51],
        ['demo-grid-3', 101],
      ] as const
    ).map(([leader, first]) =>
      demo.api.ok(leader, 'points', 'record', recordDraft('X01', today, { householdIds: grid(first), evidence: [photo] })),
    ),
  );
  const ids = made.flatMap((m) => m.records.map((r) => r.id));
  expect(ids).toHaveLength(150);
  const ledgerBefore = await count(demo.db.collection('ledger'));
  const cadres = ['demo-cadre-1', 'demo-cadre-2', 'demo-cadre-3', 'demo-secretary'];
  // Each call approves 8 records starting 3 further on: every record is in two or three batches.
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => {
      const batch = Array.from({ length: 8 }, (_, j) => ids[(i * 3 + j) % ids.length] ?? '');
      return demo.api.ok(cadres[i % cadres.length] ?? '', 'points', 'review', { recordIds: batch, decision: 'approve' });
    }),
  );
  const done = results.flatMap((r) => r.done);
  expect(new Set(done).size).toBe(done.length);
  expect([...done].sort()).toEqual([...ids].sort());
  expect(await count(demo.db.collection('ledger'))).toBe(ledgerBefore + 150);
  const check = await demo.api.ok('demo-secretary', 'points', 'recompute', {});
  expect(check.differences).toEqual([]);
}, 120_000);

test('a batch record sent twice at once writes one record per household', async () => {
  const before = await count(demo.db.collection('pointRecords'));
  const payload = { clientKey: key(), itemCode: 'B05', householdIds: grid(51), occurredOn: today, evidence: [photo] };
  const [a, b] = await Promise.all([
    demo.api.ok('demo-grid-2', 'points', 'record', payload),
    demo.api.ok('demo-grid-2', 'points', 'record', payload),
  ]);
  expect(await count(demo.db.collection('pointRecords'))).toBe(before + 50);
  expect(a.records.map((r) => r.id).sort()).toEqual(b.records.map((r) => r.id).sort());
});

test('a household at its cap refuses the whole batch before anything is written', async () => {
  const households = grid(101).slice(0, 10);
  const [first] = households;
  // Use up hh-101's monthly A01 (2 a month) with single records.
  for (;;) {
    const r = await demo.api.call('demo-cadre-1', 'points', 'record', recordDraft('A01', today, { householdIds: [first ?? ''] }));
    if (!r.envelope.ok) break;
  }
  const before = await count(demo.db.collection('pointRecords'));
  const error = await demo.api.refused('demo-cadre-1', 'points', 'record', recordDraft('A01', today, { householdIds: households }));
  expect(error.message).toContain('上限');
  expect(await count(demo.db.collection('pointRecords'))).toBe(before);
  expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
});
