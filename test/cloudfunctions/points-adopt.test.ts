// Adopting a new version of the rules: only the secretary, only what the assembly passed, effective
// from a date; a record keeps the version it was scored under.
import { key, recordDraft } from './drafts';
import { demoCloudPerFile } from './support';

const demo = demoCloudPerFile();

test('the secretary adopts version 2 from the version in force; records from its date are scored under it', async () => {
  await demo.cloud.setClock('2026-12-10T02:00:00Z');
  const { current } = await demo.api.ok('demo-villager', 'points', 'rules', {});
  const items = (current?.items ?? []).map((i) => (i.code === 'D04' ? { ...i, points: 3 } : i));
  const adoption = { meetingDate: '2026-12-08', rounds: 3, attendees: 120, votesFor: 101, votesAgainst: 9, abstentions: 10 };
  const request = { clientKey: key(), effectiveFrom: '2026-12-15', adoption, items };

  expect((await demo.api.refused('demo-cadre-1', 'points', 'adopt', request)).code).toBe('AUTH.FORBIDDEN');
  const failing = await demo.api.refused('demo-secretary', 'points', 'adopt', {
    ...request,
    adoption: { ...adoption, votesFor: 50, votesAgainst: 60 },
  });
  expect(failing.message).toContain('赞成票');
  expect((await demo.api.refused('demo-secretary', 'points', 'adopt', { ...request, effectiveFrom: '2026-12-01' })).code).toBe(
    'COMMON.INVALID_INPUT',
  );
  const dup = [...items, items[0] ?? items[1]].filter((i) => i !== undefined);
  expect((await demo.api.refused('demo-secretary', 'points', 'adopt', { ...request, items: dup })).message).toContain('重复');
  expect((await demo.api.ok('demo-villager', 'points', 'rules', {})).versions).toHaveLength(1);

  const v2 = await demo.api.ok('demo-secretary', 'points', 'adopt', request);
  expect(v2.version).toBe(2);
  expect((await demo.api.ok('demo-secretary', 'points', 'adopt', request)).id).toBe(v2.id); // a retry
  const rules = await demo.api.ok('demo-villager', 'points', 'rules', {});
  expect(rules.versions.map((v) => v.version)).toEqual([2, 1]);
  expect(rules.current?.version).toBe(1); // not in force before 15 December

  const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';
  const before = await demo.api.ok('demo-villager', 'points', 'record', recordDraft('D04', '2026-12-10', { evidence: [photo] }));
  expect([before.records[0]?.ruleVersion, before.records[0]?.points]).toEqual([1, 2]);
  await demo.cloud.setClock('2026-12-16T02:00:00Z');
  const after = await demo.api.ok('demo-villager', 'points', 'record', recordDraft('D04', '2026-12-16', { evidence: [photo] }));
  expect([after.records[0]?.ruleVersion, after.records[0]?.points]).toEqual([2, 3]);
  expect((await demo.api.ok('demo-villager', 'points', 'rules', {})).current?.version).toBe(2);
});

test('the template a village starts from', async () => {
  const { items } = await demo.api.ok('demo-secretary', 'points', 'template', {});
  expect(items.length).toBeGreaterThanOrEqual(36);
});
