// points.households (the record page's picker) and the archive's canReverse, through the built
// function on a local cloud with the demo village.
import { demoCloudPerFile } from './support';

const demo = demoCloudPerFile();

test('a grid leader gets the households of their own 微网格, labelled by 户号 and head, in order', async () => {
  const reply = await demo.api.call('demo-grid-1', 'points', 'households', {});
  expect(reply.envelope.ok).toBe(true);
  if (!reply.envelope.ok) return;
  const { recorder, households } = reply.envelope.data;
  expect(recorder).toBe('gridLeader');
  expect(households).toHaveLength(50);
  expect(new Set(households.map((h) => h.gridId))).toEqual(new Set(['grid-1']));
  expect(new Set(households.map((h) => h.gridName))).toEqual(new Set(['第一网格']));
  for (const h of households) expect(h.label).toMatch(/^\d+组\d+号 \S+$/);
  // 户号 in natural order: 1组1号 … 1组7号, 2组1号 …
  const nos = households.map((h) => h.label.split(' ')[0] ?? '');
  const key = (no: string): number => {
    const [g, n] = no.match(/\d+/g)?.map(Number) ?? [0, 0];
    return (g ?? 0) * 1000 + (n ?? 0);
  };
  expect(nos.map(key)).toEqual([...nos.map(key)].sort((a, b) => a - b));
  // No address reaches the client.
  expect(JSON.stringify(households)).not.toContain('清溪镇');
  console.log(`db requests: households (grid leader) ${reply.dbRequests}`);
});

test('a cadre gets every household of the village, grid by grid', async () => {
  const { recorder, households } = await demo.api.ok('demo-cadre-1', 'points', 'households', {});
  expect(recorder).toBe('cadre');
  expect(households).toHaveLength(150);
  expect([...new Set(households.map((h) => h.gridName))]).toEqual(['第一网格', '第二网格', '第三网格']);
  expect(households.find((h) => h.id === 'hh-021')?.gridId).toBe('grid-1');
});

test('villagers, heads and people of no village are refused with a clear message', async () => {
  const villager = await demo.api.refused('demo-villager', 'points', 'households', {});
  expect(villager).toEqual({ code: 'AUTH.FORBIDDEN', message: '只有网格长和村干部可以为农户记录积分' });
  expect((await demo.api.refused('demo-head', 'points', 'households', {})).code).toBe('AUTH.FORBIDDEN');
  expect((await demo.api.refused('demo-town', 'points', 'households', {})).code).toBe('AUTH.NOT_JOINED');
  expect((await demo.api.refused('someone-else', 'points', 'households', {})).code).toBe('AUTH.NOT_JOINED');
});

test('the archive says whether the caller may correct records: cadres only', async () => {
  expect((await demo.api.ok('demo-cadre-2', 'points', 'archive', { householdId: 'hh-021' })).canReverse).toBe(true);
  expect((await demo.api.ok('demo-grid-1', 'points', 'archive', { householdId: 'hh-021' })).canReverse).toBe(false);
  expect((await demo.api.ok('demo-head', 'points', 'archive', {})).canReverse).toBe(false);
});
