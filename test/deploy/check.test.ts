// deploy:check against a live environment: a local cloud, which describes what it holds at
// GET /_localcloud/environment (its store's collections and indexes, the config.json of every
// function it serves). Its management of WeChat's security rules is not modelled: it has none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffEnvironment } from '../../deploy/src/diff';
import { readLocalEnvironment } from '../../deploy/src/environment';
import { buildPlan } from '../../deploy/src/plan';
import { formatDifferences } from '../../deploy/src/print';
import { startCloud, type TestCloud } from '../support/localcloud';
import { removeBundle, runCli } from './cli';
import { copyBuild, editConfig, ROOT } from './fixture';

const clouds: TestCloud[] = [];
afterAll(async () => {
  removeBundle();
  await Promise.all(clouds.map((c) => c.stop()));
});

async function cloud(opts: Parameters<typeof startCloud>[0] = {}): Promise<TestCloud> {
  const c = await startCloud(opts);
  clouds.push(c);
  return c;
}

/** build/database.json without one index: an environment where nobody created it. */
function manifestWithout(collection: string, index: string): string {
  const raw: { collections: { name: string; indexes: { name: string }[] }[] } = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'build', 'database.json'), 'utf8'),
  );
  const target = raw.collections.find((c) => c.name === collection);
  if (!target?.indexes.some((i) => i.name === index)) throw new Error(`the build has no index ${collection}.${index}`);
  target.indexes = target.indexes.filter((i) => i.name !== index);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-manifest-')), 'database.json');
  fs.writeFileSync(file, JSON.stringify(raw));
  return file;
}

function withPermission(root: string, fn: string, api: string, granted: boolean): void {
  editConfig(root, fn, (config) => {
    const permissions = typeof config.permissions === 'object' && config.permissions !== null ? config.permissions : {};
    const openapi: unknown = Reflect.get(permissions, 'openapi');
    const current = Array.isArray(openapi) ? openapi.filter((a): a is string => typeof a === 'string' && a !== api) : [];
    config.permissions = { openapi: granted ? [...current, api] : current };
  });
}

test('a local cloud serving this build matches it', async () => {
  const c = await cloud();
  expect(diffEnvironment(buildPlan(ROOT), await readLocalEnvironment(c.url))).toEqual([]);
});

test('a missing index and a missing cloud-call permission are reported', async () => {
  // The build declares notice's subscribeMessage.send; the environment runs notice without it and
  // lacks one of the households indexes.
  const build = copyBuild();
  withPermission(build, 'notice', 'subscribeMessage.send', true);
  const served = copyBuild();
  withPermission(served, 'notice', 'subscribeMessage.send', false);
  const c = await cloud({
    manifest: manifestWithout('households', 'villageId_1_no_1'),
    env: { LOCALCLOUD_FUNCTIONS: path.join(served, 'build', 'cloudfunctions') },
  });
  const env = await readLocalEnvironment(c.url);
  const differences = diffEnvironment(buildPlan(build), env);
  expect(differences).toEqual([
    { kind: 'missing index', target: 'households.villageId_1_no_1', expected: '(villageId asc, no asc) unique', actual: 'none' },
    { kind: 'missing permission', target: 'notice:subscribeMessage.send', expected: 'granted', actual: 'none' },
  ]);
  expect(formatDifferences(env.source, differences)).toBe(
    [
      `Compared the local cloud at ${c.url} with the build: 2 differences`,
      '  missing index: households.villageId_1_no_1 (expected (villageId asc, no asc) unique, found none)',
      '  missing permission: notice:subscribeMessage.send (expected granted, found none)',
    ].join('\n'),
  );
});

test('npm run deploy:check -- --local <url> lists the differences and exits non-zero', async () => {
  const c = await cloud({ manifest: manifestWithout('shopOrders', 'villageId_1_code_1') });
  const run = runCli(['check', '--local', c.url]);
  expect(run.stdout).toContain(`Compared the local cloud at ${c.url} with the build: 1 difference\n`);
  expect(run.stdout).toContain('  missing index: shopOrders.villageId_1_code_1 (expected (villageId asc, code asc) unique, found none)');
  expect(run.stdout).toContain('note: security rules not compared');
  expect(run.status).toBe(1);

  const same = await cloud();
  const clean = runCli(['check', '--local', same.url]);
  expect(clean.stdout).toContain('with the build: no differences');
  // Exit 0 only when the build itself is deployable too.
  expect(clean.status).toBe(buildPlan(ROOT).problems.length ? 1 : 0);
});

test('npm run deploy -- --dry-run prints the whole plan without credentials or the tools', () => {
  const run = runCli(['deploy', '--dry-run']);
  const plan = buildPlan(ROOT);
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toContain('Installing the deployment tools');
  for (const col of plan.collections) {
    expect(run.stdout).toContain(`collection ${col.name}: rule ADMINONLY`);
    for (const i of col.indexes) expect(run.stdout).toContain(`index ${i.name} (`);
  }
  for (const f of plan.functions) expect(run.stdout).toContain(`function ${f.name} (`);
  expect(run.stdout).toContain('Storage: rule PRIVATE');
  expect(run.stdout).toContain('Mini-program: upload miniprogram/');
  expect(run.status).toBe(plan.problems.length ? 1 : 0);
});

test('a real deployment refuses to start on a build with problems or without credentials', () => {
  const run = runCli(['deploy']);
  expect(run.status).toBe(1);
  // A build with problems is refused before credentials are even looked at.
  expect(run.stderr).toContain(
    buildPlan(ROOT).problems.length
      ? 'Not deploying: fix the problems above first.'
      : 'set TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY in the environment',
  );
  expect(run.stdout).not.toContain('Installing the deployment tools');
});
