// The points function through the real path: the built function on a local cloud with the demo
// village, called as each role. Every refusal is checked to change nothing.
import { count, getAll, num } from '../support/sdk';
import { key, recordDraft } from './drafts';
import { demoCloudPerFile } from './support';

const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';

const demo = demoCloudPerFile();

const records = (): Promise<number> => count(demo.db.collection('pointRecords'));
const ledger = (): Promise<number> => count(demo.db.collection('ledger'));

async function balanceOf(openid: string, householdId?: string) {
  return (await demo.api.ok(openid, 'points', 'archive', householdId ? { householdId } : {})).balance;
}

test('every villager can read the rules in force, with their adoption record', async () => {
  const rules = await demo.api.ok('demo-villager', 'points', 'rules', {});
  expect(rules.current?.items.length).toBeGreaterThanOrEqual(36);
  expect(rules.current?.adoption.votesFor).toBeGreaterThan(0);
  expect(rules.versions[0]?.version).toBe(1);
});

test('self-report → grid leader → cadre: pending grows by the points, the ledger recomputes', async () => {
  const before = await balanceOf('demo-villager');
  const rec = await demo.api.call(
    'demo-villager',
    'points',
    'record',
    recordDraft('D04', today(), { note: '敬老院打扫卫生', evidence: [photo] }),
  );
  expect(rec.envelope.ok).toBe(true);
  if (!rec.envelope.ok) return;
  const [r] = rec.envelope.data.records;
  expect(r?.status).toBe('pending');
  // Not the cadre's turn yet: the grid leader reviews first.
  const early = await demo.api.ok('demo-cadre-1', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' });
  expect(early.done).toEqual([]);
  expect((await demo.api.ok('demo-grid-1', 'points', 'queue', {})).records.map((x) => x.id)).toContain(r?.id);
  expect((await demo.api.ok('demo-grid-1', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' })).done).toEqual([r?.id]);
  expect((await balanceOf('demo-villager')).pending).toBe(before.pending);
  expect((await demo.api.ok('demo-cadre-2', 'points', 'review', { recordIds: [r?.id ?? ''], decision: 'approve' })).done).toEqual([r?.id]);
  const after = await demo.api.ok('demo-villager', 'points', 'archive', {});
  expect(after.balance.pending).toBe(before.pending + 2);
  const mine = after.history.find((h) => h.id === r?.id);
  expect(mine?.steps.map((s) => s.decision)).toEqual(['submitted', 'approved', 'approved']);
  expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
});

test('a retried or double-tapped submission records once', async () => {
  const payload = { clientKey: key(), itemCode: 'D04', occurredOn: today(), evidence: [photo] };
  const before = await records();
  const [a, b] = await Promise.all([
    demo.api.ok('demo-head', 'points', 'record', payload),
    demo.api.ok('demo-head', 'points', 'record', payload),
  ]);
  const again = await demo.api.ok('demo-head', 'points', 'record', payload);
  expect(await records()).toBe(before + 1);
  expect(new Set([a.records[0]?.id, b.records[0]?.id, again.records[0]?.id]).size).toBe(1);
  expect(again.repeated).toBe(1);
});

test('refusals get a clear code and message and change nothing', async () => {
  const [r0, l0] = [await records(), await ledger()];
  const base = { clientKey: key(), occurredOn: today() };
  const cases: [string, Parameters<typeof demo.api.refused<'points', 'record'>>[3], string][] = [
    ['demo-villager', { ...base, itemCode: 'D04', householdIds: ['hh-100'], evidence: [photo] }, 'AUTH.FORBIDDEN'], // for another household
    ['demo-villager', { ...base, itemCode: 'A01' }, 'AUTH.FORBIDDEN'], // an item villagers may not self-report
    ['demo-grid-1', { ...base, itemCode: 'A01', householdIds: ['hh-100'] }, 'AUTH.FORBIDDEN'], // another grid's household
    ['demo-grid-1', { ...base, itemCode: 'B07', householdIds: ['hh-012'], reason: '烧秸秆', evidence: [photo] }, 'AUTH.FORBIDDEN'], // deduction by a grid leader
    ['demo-cadre-1', { ...base, itemCode: 'B07', householdIds: ['hh-012'], evidence: [photo] }, 'COMMON.INVALID_INPUT'], // deduction without a reason
    ['demo-villager', { ...base, itemCode: 'D04' }, 'COMMON.INVALID_INPUT'], // missing photo evidence
    ['demo-villager', { ...base, itemCode: 'D04', evidence: [photo], occurredOn: '2099-01-01' }, 'COMMON.INVALID_INPUT'], // future
    ['demo-villager', { ...base, itemCode: 'D04', evidence: [photo], occurredOn: '2026-02-30' }, 'COMMON.INVALID_INPUT'], // not a date
    ['demo-villager', { ...base, itemCode: 'Z99', evidence: [photo] }, 'COMMON.NOT_FOUND'], // no such item
    ['demo-villager', { ...base, itemCode: 'D04', evidence: [photo], note: '来赌博吧' }, 'COMMON.INVALID_INPUT'], // risky text
    ['nobody', { ...base, itemCode: 'D04', evidence: [photo] }, 'AUTH.NOT_JOINED'],
    ['demo-cadre-1', { ...base, itemCode: 'A01', householdIds: ['no-such-household'] }, 'COMMON.NOT_FOUND'],
  ];
  for (const [who, payload, code] of cases) {
    const error = await demo.api.refused(who, 'points', 'record', payload);
    expect([who, payload.itemCode, error.code]).toEqual([who, payload.itemCode, code]);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  // Malformed input never reaches the rules.
  const bad = await demo.cloud.call<{ ok: boolean; error?: { code: string } }>(
    'points',
    { action: 'record', payload: { clientKey: 'x', itemCode: 1 } },
    'demo-villager',
  );
  expect(bad.body.result?.error?.code).toBe('COMMON.INVALID_INPUT');
  const unknown = await demo.cloud.call<{ ok: boolean; error?: { code: string } }>(
    'points',
    { action: 'drop', payload: {} },
    'demo-villager',
  );
  expect(unknown.body.result?.error?.code).toBe('COMMON.UNKNOWN_ACTION');
  expect([await records(), await ledger()]).toEqual([r0, l0]);
});

test('caps per period are enforced, and a rejection gives the use back', async () => {
  // X03 may be scored 4 times a month: use up what the demo history left of it for hh-150.
  const archive = await demo.api.ok('demo-cadre-1', 'points', 'archive', { householdId: 'hh-150' });
  const used = archive.history.filter(
    (h) => h.itemCode === 'X03' && h.occurredOn.slice(0, 7) === today().slice(0, 7) && h.status !== 'rejected',
  ).length;
  for (let i = used; i < 4; i++)
    await demo.api.ok('demo-cadre-1', 'points', 'record', recordDraft('X03', today(), { householdIds: ['hh-150'], evidence: [photo] }));
  const before = await records();
  const over = await demo.api.refused(
    'demo-cadre-1',
    'points',
    'record',
    recordDraft('X03', today(), { householdIds: ['hh-150'], evidence: [photo] }),
  );
  expect(over.message).toContain('上限');
  expect(await records()).toBe(before);
  // A grid leader's record of the same capped item waits for a cadre; rejecting it needs a reason.
  const capId = `hh-140|E01|${today().slice(0, 7)}`;
  const capCount = async (): Promise<number> => {
    const [doc] = await getAll(demo.db.collection('pointCaps').where({ _id: capId }));
    return doc ? num(doc, 'count') : 0;
  };
  const uses = await capCount();
  const e01 = await demo.api.ok('demo-grid-3', 'points', 'record', recordDraft('E01', today(), { householdIds: ['hh-140'] }));
  const id = e01.records[0]?.id ?? '';
  expect(await capCount()).toBe(uses + 1);
  expect(e01.records[0]?.status).toBe('pending');
  expect((await demo.api.refused('demo-cadre-1', 'points', 'review', { recordIds: [id], decision: 'reject' })).code).toBe(
    'COMMON.INVALID_INPUT',
  );
  const rejected = await demo.api.ok('demo-cadre-1', 'points', 'review', { recordIds: [id], decision: 'reject', reason: '当天会议未签到' });
  expect(rejected.done).toEqual([id]);
  const again = await demo.api.ok('demo-cadre-1', 'points', 'archive', { householdId: 'hh-140' });
  expect(again.history.find((h) => h.id === id)?.status).toBe('rejected');
  expect(await capCount()).toBe(uses);
});

test('a deduction tells the household head, and a wrong record is reversed, never deleted', async () => {
  await demo.cloud.control('DELETE', '/_localcloud/outbox');
  const before = await balanceOf('demo-head');
  const ded = await demo.api.ok(
    'demo-cadre-1',
    'points',
    'record',
    recordDraft('B07', today(), { householdIds: ['hh-021'], reason: '焚烧秸秆', evidence: [photo] }),
  );
  const id = ded.records[0]?.id ?? '';
  expect(ded.records[0]?.status).toBe('approved');
  expect((await balanceOf('demo-head')).pending).toBe(before.pending - 5);
  const outbox = await demo.cloud.control<{ entries: { kind: string; touser?: string; templateId?: string }[] }>(
    'GET',
    '/_localcloud/outbox',
  );
  expect(outbox.entries).toContainEqual(
    expect.objectContaining({ kind: 'subscribeMessage', touser: 'demo-head', templateId: 'TPL_DEDUCTION' }),
  );

  expect((await demo.api.refused('demo-grid-1', 'points', 'reverse', { clientKey: key(), recordId: id, reason: '误记' })).code).toBe(
    'AUTH.FORBIDDEN',
  );
  const k = key();
  const counter = await demo.api.ok('demo-cadre-2', 'points', 'reverse', { clientKey: k, recordId: id, reason: '误记，实为邻户' });
  expect(counter.points).toBe(5);
  expect(counter.reverses).toBe(id);
  // Retrying the same reversal returns it; reversing again is refused.
  expect((await demo.api.ok('demo-cadre-2', 'points', 'reverse', { clientKey: k, recordId: id, reason: '误记，实为邻户' })).id).toBe(
    counter.id,
  );
  expect((await demo.api.refused('demo-cadre-2', 'points', 'reverse', { clientKey: key(), recordId: id, reason: '再改' })).code).toBe(
    'COMMON.INVALID_INPUT',
  );
  const after = await demo.api.ok('demo-head', 'points', 'archive', {});
  expect(after.balance.pending).toBe(before.pending);
  expect(after.history.find((h) => h.id === id)?.reversedBy).toBe(counter.id);
  expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
});

test('a grid leader records for many households at once; a cadre approves a batch of 50 in one call', async () => {
  const one = await demo.api.call('demo-cadre-1', 'points', 'record', recordDraft('A01', today(), { householdIds: ['hh-090'] }));
  expect(one.envelope.ok && one.envelope.data.records[0]?.status).toBe('approved');
  const grid2 = Array.from({ length: 50 }, (_, i) => `hh-${String(51 + i).padStart(3, '0')}`);
  const batch = await demo.api.call(
    'demo-grid-2',
    'points',
    'record',
    recordDraft('E02', today(), { householdIds: grid2, evidence: [photo] }),
  );
  expect(batch.envelope.ok && batch.envelope.data.records.length).toBe(50);
  const queue = await demo.api.ok('demo-cadre-3', 'points', 'queue', {});
  const [first, ...rest] = queue.records.map((r) => r.id);
  const single = await demo.api.call('demo-cadre-3', 'points', 'review', { recordIds: [first ?? ''], decision: 'approve' });
  expect(single.envelope.ok && single.envelope.data.done).toEqual([first]);
  const ids = rest.slice(0, 50);
  expect(ids.length).toBe(50);
  const approved = await demo.api.call('demo-cadre-3', 'points', 'review', { recordIds: ids, decision: 'approve' });
  expect(approved.envelope.ok && approved.envelope.data.done.length).toBe(ids.length);
  expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
  console.log(
    `db requests: record 1 (cadre) ${one.dbRequests}, record for 50 households ${batch.dbRequests}, approve 1 ${single.dbRequests}, approve 50 ${approved.dbRequests}`,
  );
});

test('50 concurrent approvals leave every balance equal to the recomputation', async () => {
  const households = Array.from({ length: 25 }, (_, i) => `hh-${String(101 + i).padStart(3, '0')}`);
  // Two grid-leader records per household (grid 3), each then approved by its own cadre call, all at once.
  const made = await Promise.all(
    [0, 1].map(() =>
      demo.api.ok('demo-grid-3', 'points', 'record', recordDraft('D04', today(), { householdIds: households, evidence: [photo] })),
    ),
  );
  const ids = made.flatMap((m) => m.records.map((r) => r.id));
  expect(ids.length).toBe(50);
  const cadres = ['demo-cadre-1', 'demo-cadre-2', 'demo-cadre-3', 'demo-secretary'];
  const results = await Promise.all(
    ids.map((id, i) => demo.api.ok(cadres[i % cadres.length] ?? '', 'points', 'review', { recordIds: [id], decision: 'approve' })),
  );
  expect(results.flatMap((r) => r.done).sort()).toEqual([...ids].sort());
  const check = await demo.api.ok('demo-secretary', 'points', 'recompute', {});
  expect(check.households).toBe(150);
  expect(check.differences).toEqual([]);
});

test('the archive is one call: members without ID numbers or phones, balances, rank, a 12-month trend; only for those allowed', async () => {
  const reply = await demo.api.call('demo-villager', 'points', 'archive', {});
  expect(reply.envelope.ok).toBe(true);
  if (!reply.envelope.ok) return;
  const a = reply.envelope.data;
  expect(a.members.length).toBeGreaterThan(0);
  for (const m of a.members) expect(Object.keys(m).sort()).toEqual(['name', 'relation']);
  expect(a.trend).toHaveLength(12);
  expect(a.rank.village.of).toBe(150);
  expect(a.rank.village.rank).toBeGreaterThanOrEqual(1);
  expect(a.rank.grid.rank).toBeLessThanOrEqual(a.rank.grid.of);
  expect((await demo.api.refused('demo-villager', 'points', 'archive', { householdId: 'hh-100' })).code).toBe('AUTH.FORBIDDEN');
  expect((await demo.api.refused('demo-grid-2', 'points', 'archive', { householdId: 'hh-001' })).code).toBe('AUTH.FORBIDDEN');
  expect((await demo.api.ok('demo-grid-1', 'points', 'archive', { householdId: 'hh-022' })).household.id).toBe('hh-022');
  expect((await demo.api.refused('demo-town', 'points', 'archive', { householdId: 'hh-001' })).code).toBe('AUTH.NOT_JOINED');
  console.log(`db requests: archive ${reply.dbRequests}`);
});
