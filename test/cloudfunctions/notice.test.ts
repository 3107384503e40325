// A whole month-end on the local cloud with the demo village: records at 23:30 China time on the
// last day (the server in UTC), the month-end timer publishing, objections upheld and dismissed,
// settlement refused while open, then run twice.
import { getAll, num } from '../support/sdk';
import { key, recordDraft } from './drafts';
import { demoCloudPerFile } from './support';

const setClock = (now: string) => demo.cloud.setClock(now);

const demo = demoCloudPerFile();

async function balances(): Promise<Map<string, { earned: number; pending: number; available: number }>> {
  const rows = await getAll(demo.db.collection('balances').where({ villageId: 'village-hemei' }).limit(1000));
  return new Map(
    rows.map((r) => [String(r._id), { earned: num(r, 'earned'), pending: num(r, 'pending'), available: num(r, 'available') }]),
  );
}

test('month end, notice, objections, settlement (twice) — in China time with the server in UTC', async () => {
  // 23:30 on 30 November in China is still 30 November there, though 15:30 UTC.
  await setClock('2026-11-30T15:30:00Z');
  const late = await demo.api.ok('demo-cadre-1', 'points', 'record', recordDraft('A01', '2026-11-30', { householdIds: ['hh-005'] }));
  expect(late.records[0]?.status).toBe('approved');
  expect((await demo.api.refused('demo-cadre-1', 'notice', 'publish', { month: '2026-11' })).code).toBe('COMMON.INVALID_INPUT');
  // A grid leader's record waiting for the cadre when the month ends.
  const waiting = await demo.api.ok('demo-grid-1', 'points', 'record', recordDraft('A01', '2026-11-30', { householdIds: ['hh-006'] }));

  // 00:30 on 1 December in China (16:30 UTC on 30 November): the month-end timer publishes November.
  await setClock('2026-11-30T16:30:00Z');
  const fired = await demo.cloud.control<{ result: { ok: boolean; data: { published: number } } }>(
    'POST',
    '/_localcloud/timers/notice/sweep',
    {
      time: '2026-11-30T16:30:00Z',
    },
  );
  expect(fired.result.data.published).toBe(3); // the town's three villages
  const { notice } = await demo.api.ok('demo-villager', 'notice', 'get', { month: '2026-11' });
  expect(notice.status).toBe('published');
  expect(notice.open).toBe(true);
  expect(notice.lines).toHaveLength(150);
  const line5 = notice.lines.find((l) => l.householdId === 'hh-005');
  const lateItem = line5?.items.find((i) => i.recordId === late.records[0]?.id);
  expect(lateItem?.points).toBe(2);
  // Publishing again changes nothing.
  expect((await demo.api.ok('demo-cadre-2', 'notice', 'publish', { month: '2026-11' })).version).toBe(1);
  // A call with no caller (the HTTP API, an anonymous web client) dressed as the timer "at" 2099
  // settles nothing: timers run only for the cloud's own trigger (SOURCE wx_trigger), on its clock.
  const forged = await demo.cloud.call<{ ok: boolean }>(
    'notice',
    { Type: 'Timer', TriggerName: 'sweep', Time: '2099-01-01T00:00:00Z' },
    '',
  );
  expect(forged.body.result?.ok).toBe(false);
  expect((await demo.api.ok('demo-villager', 'notice', 'get', { month: '2026-11' })).notice.status).toBe('published');

  // Approved after November was published: it counts in December's notice, not November's.
  await demo.api.ok('demo-cadre-1', 'points', 'review', { recordIds: [waiting.records[0]?.id ?? ''], decision: 'approve' });
  const [rebooked] = await getAll(demo.db.collection('pointRecords').where({ _id: waiting.records[0]?.id ?? '' }));
  expect(rebooked?.month).toBe('2026-12');

  // Two objections to hh-005's line.
  const other = line5?.items.find((i) => i.recordId !== late.records[0]?.id);
  const upheldObj = await demo.api.ok('demo-villager', 'notice', 'object', {
    clientKey: key(),
    month: '2026-11',
    householdId: 'hh-005',
    recordId: late.records[0]?.id ?? '',
    reason: '那天的会他没有来',
  });
  const dismissedObj = await demo.api.ok('demo-head', 'notice', 'object', {
    clientKey: key(),
    month: '2026-11',
    householdId: 'hh-005',
    ...(other ? { recordId: other.recordId } : {}),
    reason: '这一项也有问题',
  });
  expect(upheldObj.objectorName).toBe('');
  expect((await demo.api.ok('demo-villager', 'notice', 'get', { month: '2026-11' })).all).toEqual([]);
  expect((await demo.api.ok('demo-cadre-1', 'notice', 'get', { month: '2026-11' })).all).toHaveLength(2);

  // Settlement is refused while the period is open, and while objections are open.
  expect((await demo.api.ok('demo-cadre-1', 'notice', 'settle', { month: '2026-11' })).settled).toBe(false);
  await setClock('2026-12-06T01:00:00Z');
  const blocked = await demo.api.ok('demo-cadre-1', 'notice', 'settle', { month: '2026-11' });
  expect(blocked).toMatchObject({ settled: false });
  expect(blocked.reason).toContain('异议');
  await setClock('2026-12-02T02:00:00Z');

  await demo.cloud.control('DELETE', '/_localcloud/outbox');
  expect(
    (
      await demo.api.refused('demo-villager', 'notice', 'resolve', {
        objectionId: upheldObj.id,
        decision: 'uphold',
        reason: '核实无误',
        clientKey: key(),
      })
    ).code,
  ).toBe('AUTH.FORBIDDEN');
  const upheld = await demo.api.ok('demo-cadre-2', 'notice', 'resolve', {
    objectionId: upheldObj.id,
    decision: 'uphold',
    reason: '签到表上没有他',
    clientKey: key(),
  });
  expect(upheld.status).toBe('upheld');
  // Nobody resolves an objection about a record they made: a cadre who did not record the disputed item.
  const [disputed] = other ? await getAll(demo.db.collection('pointRecords').where({ _id: other.recordId })) : [];
  const resolver = ['demo-cadre-3', 'demo-cadre-2', 'demo-secretary'].find((c) => c !== disputed?.recordedBy) ?? 'demo-cadre-3';
  const dismissed = await demo.api.ok(resolver, 'notice', 'resolve', {
    objectionId: dismissedObj.id,
    decision: 'dismiss',
    reason: '有照片为证',
    clientKey: key(),
  });
  expect(dismissed.status).toBe('dismissed');
  const outbox = await demo.cloud.control<{ entries: { kind: string; touser?: string; templateId?: string }[] }>(
    'GET',
    '/_localcloud/outbox',
  );
  expect(
    outbox.entries
      .filter((e) => e.templateId === 'TPL_OBJECTION_RESOLVED')
      .map((e) => e.touser)
      .sort(),
  ).toEqual(['demo-head', 'demo-villager']);
  const corrected = (await demo.api.ok('demo-villager', 'notice', 'get', { month: '2026-11' })).notice;
  expect(corrected.version).toBe(2);
  expect(corrected.lines.find((l) => l.householdId === 'hh-005')?.total).toBe((line5?.total ?? 0) - 2);

  // After the period: settle. The month's totals move from pending to earned, exactly once.
  await setClock('2026-12-06T01:00:00Z');
  expect(
    (
      await demo.api.refused('demo-villager', 'notice', 'object', {
        clientKey: key(),
        month: '2026-11',
        householdId: 'hh-005',
        reason: '太晚了吗',
      })
    ).code,
  ).toBe('COMMON.INVALID_INPUT');
  const before = await balances();
  const settle = await demo.cloud.call<{ ok: boolean; data: { settled: boolean; households: number; points: number } }>(
    'notice',
    { action: 'settle', payload: { month: '2026-11' } },
    'demo-cadre-1',
  );
  expect(settle.body.result?.data.settled).toBe(true);
  const after = await balances();
  const finalNotice = (await demo.api.ok('demo-villager', 'notice', 'get', { month: '2026-11' })).notice;
  expect(finalNotice.status).toBe('settled');
  for (const line of finalNotice.lines) {
    const b0 = before.get(line.householdId) ?? { earned: 0, pending: 0, available: 0 };
    const b1 = after.get(line.householdId) ?? { earned: 0, pending: 0, available: 0 };
    expect([line.householdId, b1.earned - b0.earned, b1.available - b0.available, b0.pending - b1.pending]).toEqual([
      line.householdId,
      line.total,
      line.total,
      line.total,
    ]);
  }
  // Again by hand and by the timer: nothing moves.
  expect((await demo.api.ok('demo-cadre-1', 'notice', 'settle', { month: '2026-11' })).settled).toBe(true);
  await demo.cloud.control('POST', '/_localcloud/timers/notice/sweep', { time: '2026-12-06T01:00:00Z' });
  expect(await balances()).toEqual(after);
  expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
  // The whole village's settlement is a bounded number of requests, not one per household.
  expect(settle.dbRequests).toBeLessThan(80);
  console.log(`db requests: settle 150 households ${settle.dbRequests}`);
});
