// A month's notice published while records of that month are still being booked. Whatever the
// order, a record approved into the month is counted by its notice, and one that is not counted is
// booked in the current month: a published notice never has an approved record behind it. Records
// (approved at once) and approvals are fired around the publish, each at 40 ms a database request,
// so that some of them are in the middle of their transaction when the month is closed. Before the
// month gate (shared/notice/booking.ts) a record whose transaction read "no notice yet" and committed
// after publishing had read the month was left behind the notice.
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { BOOKS_GRACE_MS } from '../../cloudfunctions/notice/period';
import { deployment as pointsDeployment } from '../../cloudfunctions/points/deploy';
import { GATE_SHARDS } from '../../cloudfunctions/shared/notice/booking';
import type { TestCloud } from '../support/localcloud';
import { getAll, type Database } from '../support/sdk';
import { type caller, useDemoCloud } from './support';

let cloud: TestCloud;
let db: Database;
let api: ReturnType<typeof caller>;
const key = (): string => randomBytes(8).toString('hex');
const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const hh = (n: number): string => `hh-${String(n).padStart(3, '0')}`;

beforeAll(async () => {
  ({ cloud, db, api } = await useDemoCloud({ LOCALCLOUD_DB_LATENCY_MS: '40' }));
});
afterAll(async () => {
  await cloud.stop();
});

/** Every approved record of the month is in its notice; every record booked later is not. */
async function expectNoneBehind(month: string, ids: string[]): Promise<void> {
  const [notice] = await getAll(db.collection('notices').where({ month }));
  const lines = z.array(z.object({ items: z.array(z.object({ recordId: z.string() })) })).parse(notice?.lines);
  const counted = new Set(lines.flatMap((l) => l.items.map((i) => i.recordId)));
  const approved = await getAll(db.collection('pointRecords').where({ month, status: 'approved' }));
  expect(approved.filter((r) => !counted.has(String(r._id))).map((r) => r._id)).toEqual([]);
  // Ours: counted exactly when booked in the month (which of them were is up to the race).
  const ours = await getAll(db.collection('pointRecords').where({ _id: db.command.in(ids), status: 'approved' }));
  expect(ours).toHaveLength(ids.length);
  for (const r of ours) expect(counted.has(String(r._id))).toBe(r.month === month);
  expect((await api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
}

test('a month stays open a minute past its end, longer than any points transaction begun in it', () => {
  expect(BOOKS_GRACE_MS).toBeGreaterThan(pointsDeployment.timeout * 1000);
});

test('records of last month booked while its notice is published: none is left behind the notice', async () => {
  // 00:30 on 1 December in China: November has ended and its notice is not out yet (timers are off).
  await cloud.setClock('2026-11-30T16:30:00Z');
  await api.ok('demo-villager', 'points', 'rules', {});
  await api.ok('demo-villager', 'notice', 'list', {});
  // The notice is published once the first records are booked, while the rest are on their way.
  let booked = 0;
  let sixBooked: () => void = () => undefined;
  const firstSix = new Promise<void>((resolve) => {
    sixBooked = resolve;
  });
  const recording = Array.from({ length: 24 }, async (_, i) => {
    await sleep(i * 40);
    const reply = await api.ok('demo-cadre-1', 'points', 'record', {
      clientKey: key(),
      itemCode: 'B06',
      householdIds: [hh(60 + i)],
      occurredOn: '2026-11-30',
      reason: '路边倾倒垃圾',
      evidence: [photo],
    });
    if (++booked === 6) sixBooked();
    return reply.records;
  });
  await firstSix;
  const notice = await api.ok('demo-cadre-2', 'notice', 'publish', { month: '2026-11' });
  expect(notice.month).toBe('2026-11');
  const views = (await Promise.all(recording)).flat();
  expect(views).toHaveLength(24);
  await expectNoneBehind(
    '2026-11',
    views.map((v) => v.id),
  );
}, 180_000);

test("approvals of last month's records given while its notice is published: none is left behind the notice", async () => {
  // Recorded on 31 December by a grid leader: each waits for a cadre.
  await cloud.setClock('2026-12-31T08:00:00Z');
  const made = await api.ok('demo-grid-3', 'points', 'record', {
    clientKey: key(),
    itemCode: 'X01',
    householdIds: Array.from({ length: 20 }, (_, i) => hh(110 + i)),
    occurredOn: '2026-12-31',
    evidence: [photo],
  });
  const pending = made.records.filter((r) => r.status === 'pending').map((r) => r.id);
  expect(pending.length).toBeGreaterThan(10);

  await cloud.setClock('2026-12-31T16:30:00Z');
  const cadres = ['demo-cadre-1', 'demo-cadre-3'];
  const approving = pending.map(async (id, i) => {
    await sleep(i * 30);
    await api.ok(cadres[i % 2] ?? '', 'points', 'review', { recordIds: [id], decision: 'approve' });
  });
  await sleep(250);
  expect((await api.ok('demo-cadre-2', 'notice', 'publish', { month: '2026-12' })).month).toBe('2026-12');
  await Promise.all(approving);
  await expectNoneBehind('2026-12', pending);
}, 180_000);

test('a month is not published in its first minute: the books of records begun in it are still open', async () => {
  await cloud.setClock('2027-01-31T16:00:30Z');
  const refused = await api.refused('demo-cadre-2', 'notice', 'publish', { month: '2027-01' });
  expect(refused.code).toBe('COMMON.INVALID_INPUT');
  expect(refused.message).toContain('一分钟后');
  expect(await getAll(db.collection('noticeGates').where({ month: '2027-01' }))).toEqual([]);
  await cloud.setClock('2027-01-31T16:01:30Z');
  expect((await api.ok('demo-cadre-2', 'notice', 'publish', { month: '2027-01' })).month).toBe('2027-01');
  expect(await getAll(db.collection('noticeGates').where({ month: '2027-01', closed: true }))).toHaveLength(GATE_SHARDS);
}, 60_000);
