// deploy:check's comparison: every way a live environment can differ from the build is listed.
import { diffEnvironment } from '../../deploy/src/diff';
import type { Environment } from '../../deploy/src/environment';
import { buildPlan } from '../../deploy/src/plan';
import { formatDifferences } from '../../deploy/src/print';
import { makeProject, TWO_COLLECTIONS } from './fixture';

const sweep = { name: 'sweep', type: 'timer' as const, config: '0 */10 * * * * *' };
const plan = buildPlan(
  makeProject({
    collections: TWO_COLLECTIONS,
    functions: [
      { name: 'notice', config: { timeout: 60, triggers: [sweep], permissions: { openapi: ['subscribeMessage.send'] } } },
      { name: 'board', config: { timeout: 20, permissions: { openapi: ['security.msgSecCheck', 'subscribeMessage.send'] } } },
    ],
  }),
);

/** The environment a faithful deployment of the plan leaves. */
function deployed(): Environment {
  return {
    source: 'test environment',
    collections: plan.collections.map((c) => ({
      name: c.name,
      indexes: c.indexes.map((i) => ({ ...i, keys: [...i.keys] })),
      acl: 'ADMINONLY',
    })),
    functions: plan.functions.map((f) => ({
      name: f.name,
      timeout: f.timeout,
      triggers: f.triggers.map((t) => ({ ...t })),
      openapi: [...f.openapi],
    })),
    storageAcl: 'PRIVATE',
    hasRules: true,
  };
}

function named<T extends { name: string }>(list: T[], name: string): T {
  const found = list.find((x) => x.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

test('an environment deployed from the plan has no differences (the _id index is the database’s own)', () => {
  const env = deployed();
  named(env.collections, 'households').indexes.push({ name: '_id_', keys: [{ field: '_id', direction: 1 }], unique: true });
  expect(diffEnvironment(plan, env)).toEqual([]);
});

test('missing collections, indexes, functions, triggers and permissions are each listed', () => {
  const env = deployed();
  env.collections = env.collections.filter((c) => c.name !== 'notices');
  named(env.collections, 'households').indexes = [];
  env.functions = env.functions.filter((f) => f.name !== 'board');
  named(env.functions, 'notice').triggers = [];
  named(env.functions, 'notice').openapi = [];
  expect(diffEnvironment(plan, env)).toEqual([
    { kind: 'missing index', target: 'households.villageId_1_no_1', expected: '(villageId asc, no asc) unique', actual: 'none' },
    { kind: 'missing collection', target: 'notices', expected: '1 indexes, ADMINONLY', actual: 'none' },
    { kind: 'missing index', target: 'notices.villageId_1_month_-1', expected: '(villageId asc, month desc)', actual: 'none' },
    { kind: 'missing function', target: 'board', expected: 'timeout 20 s', actual: 'none' },
    { kind: 'missing trigger', target: 'notice.sweep', expected: 'timer 0 */10 * * * * *', actual: 'none' },
    { kind: 'missing permission', target: 'notice:subscribeMessage.send', expected: 'granted', actual: 'none' },
  ]);
});

test('what differs and what the environment has beyond the build are listed too', () => {
  const env = deployed();
  const households = named(env.collections, 'households');
  households.indexes = [
    {
      name: 'villageId_1_no_1',
      keys: [
        { field: 'villageId', direction: 1 },
        { field: 'no', direction: 1 },
      ],
      unique: false,
    },
    { name: 'old_1', keys: [{ field: 'old', direction: 1 }], unique: false },
  ];
  households.acl = 'READONLY';
  env.collections.push({ name: 'scratch', indexes: [], acl: 'ADMINONLY' });
  const notice = named(env.functions, 'notice');
  notice.timeout = 3;
  notice.triggers = [
    { ...sweep, config: '0 0 * * * * *' },
    { name: 'monthly', type: 'timer', config: '0 30 23 * * * *' },
  ];
  notice.openapi = ['subscribeMessage.send', 'wxacode.getUnlimited'];
  env.functions.push({ name: 'legacy', timeout: 3, triggers: [], openapi: [] });
  env.storageAcl = 'READONLY';
  expect(diffEnvironment(plan, env)).toEqual([
    {
      kind: 'index differs',
      target: 'households.villageId_1_no_1',
      expected: '(villageId asc, no asc) unique',
      actual: '(villageId asc, no asc)',
    },
    { kind: 'extra index', target: 'households.old_1', expected: 'none', actual: '(old asc)' },
    { kind: 'rule differs', target: 'households', expected: 'ADMINONLY', actual: 'READONLY' },
    { kind: 'extra collection', target: 'scratch', expected: 'none', actual: '0 indexes' },
    { kind: 'timeout differs', target: 'notice', expected: '60 s', actual: '3 s' },
    { kind: 'trigger differs', target: 'notice.sweep', expected: 'timer 0 */10 * * * * *', actual: 'timer 0 0 * * * * *' },
    { kind: 'extra trigger', target: 'notice.monthly', expected: 'none', actual: 'timer 0 30 23 * * * *' },
    { kind: 'extra permission', target: 'notice:wxacode.getUnlimited', expected: 'none', actual: 'granted' },
    { kind: 'extra function', target: 'legacy', expected: 'none', actual: 'timeout 3 s' },
    { kind: 'storage rule differs', target: 'storage', expected: 'PRIVATE', actual: 'READONLY' },
  ]);
});

test('permissions that could not be read are a difference, never taken as granted', () => {
  const env = deployed();
  named(env.functions, 'board').openapi = null;
  expect(diffEnvironment(plan, env)).toEqual([
    { kind: 'permissions unreadable', target: 'board', expected: 'security.msgSecCheck, subscribeMessage.send', actual: 'unknown' },
  ]);
});

test('an environment without security rules (a local cloud) is not held to them', () => {
  const env = deployed();
  env.hasRules = false;
  env.storageAcl = null;
  for (const c of env.collections) c.acl = null;
  expect(diffEnvironment(plan, env)).toEqual([]);
});

test('the report names each difference in one line', () => {
  const env = deployed();
  named(env.functions, 'notice').openapi = [];
  expect(formatDifferences(env.source, diffEnvironment(plan, env))).toBe(
    'Compared test environment with the build: 1 difference\n  missing permission: notice:subscribeMessage.send (expected granted, found none)',
  );
});
