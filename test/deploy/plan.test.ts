// The deployment plan, read from the build: collections and indexes, rules, each function's
// config.json in WeChat cloud's terms, and the mini-program upload. No credentials, no tools.
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/shared/collections';
import { buildPlan, ENV_PLACEHOLDER, APPID_PLACEHOLDER } from '../../deploy/src/plan';
import { formatPlan } from '../../deploy/src/print';
import { stagedConfig } from '../../deploy/src/tools/stage';
import { makeProject, ROOT } from './fixture';

const timer = (name: string, config = '0 0 3 * * * *') => ({ name, type: 'timer', config });

describe('the plan of this build', () => {
  const plan = buildPlan(ROOT);

  test('creates every collection and index of cloudfunctions/shared/collections.ts, each collection admin-only', () => {
    expect(plan.collections.map((c) => c.name)).toEqual(COLLECTIONS.map((c) => c.name));
    for (const c of COLLECTIONS) {
      const planned = plan.collections.find((p) => p.name === c.name);
      expect(planned?.acl).toBe('ADMINONLY');
      expect(planned?.indexes).toEqual(c.indexes.map((i) => ({ name: i.name, keys: i.keys, unique: i.unique === true })));
    }
    expect(plan.storageAcl).toBe('PRIVATE');
  });

  test('uploads every built function with the timeout, triggers and permissions its config.json says', () => {
    const built = fs
      .readdirSync(path.join(ROOT, 'build', 'cloudfunctions'))
      .filter((n) => fs.existsSync(path.join(ROOT, 'build', 'cloudfunctions', n, 'index.js')));
    expect(plan.functions.map((f) => f.name).sort()).toEqual(built.sort());
    for (const f of plan.functions) {
      const file = path.join(ROOT, 'build', 'cloudfunctions', f.name, 'config.json');
      const config: { timeout?: number; triggers?: unknown[]; permissions?: { openapi?: string[] } } = fs.existsSync(file)
        ? JSON.parse(fs.readFileSync(file, 'utf8'))
        : {};
      expect(f.timeout).toBe(config.timeout ?? 3);
      expect(f.triggers).toEqual(config.triggers ?? []);
      expect(f.openapi).toEqual([...(config.permissions?.openapi ?? [])].sort());
      expect(f.dependencies['wx-server-sdk']).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  test('prints every collection, index, rule, function config and trigger', () => {
    const text = formatPlan(plan);
    for (const c of plan.collections) {
      expect(text).toContain(`collection ${c.name}: rule ADMINONLY`);
      for (const i of c.indexes) expect(text).toContain(`index ${i.name} (`);
    }
    expect(text).toContain('Storage: rule PRIVATE');
    for (const f of plan.functions) {
      expect(text).toContain(`function ${f.name} (`);
      for (const t of f.triggers) expect(text).toContain(`trigger ${t.name}: timer "${t.config}"`);
    }
    expect(text).toContain(`envId "${ENV_PLACEHOLDER}"`);
  });
});

describe('a function config.json, as WeChat cloud reads it', () => {
  test('a declared timeout, one timer and the cloud calls the code makes: nothing to fix', () => {
    const root = makeProject({
      functions: [
        {
          name: 'notice',
          config: { timeout: 20, triggers: [timer('sweep')], permissions: { openapi: ['subscribeMessage.send'] } },
          code: 'cloud.openapi.subscribeMessage.send({})',
        },
      ],
    });
    const plan = buildPlan(root);
    expect(plan.problems).toEqual([]);
    expect(plan.functions).toEqual([
      expect.objectContaining({
        name: 'notice',
        timeout: 20,
        timeoutDeclared: true,
        triggers: [timer('sweep')],
        openapi: ['subscribeMessage.send'],
        openapiUsed: ['subscribeMessage.send'],
        files: ['config.json', 'index.js', 'package.json'],
      }),
    ]);
  });

  test('no config.json: the cloud default of 3 s, reported', () => {
    const plan = buildPlan(makeProject({ functions: [{ name: 'account' }] }));
    expect(plan.functions[0]).toEqual(expect.objectContaining({ timeout: 3, timeoutDeclared: false, triggers: [], openapi: [] }));
    expect(plan.problems).toEqual(['function account: no timeout in config.json (the cloud gives it 3 s)']);
  });

  test('what production would refuse or break on is a problem, and the plan says which function', () => {
    const plan = buildPlan(
      makeProject({
        functions: [
          { name: 'two', config: { timeout: 10, triggers: [timer('a'), timer('b')] } },
          { name: 'extra', config: { timeout: 10, memorySize: 256 } },
          { name: 'long', config: { timeout: 61 } },
          { name: 'cron', config: { timeout: 10, triggers: [timer('a', '0 0 3 * * *')] } },
          {
            name: 'calls',
            config: { timeout: 10 },
            code: 'await cloud.openapi.security.msgSecCheck({}); cloud.openapi.wxacode.getUnlimited({})',
          },
          { name: 'broken', config: '{ "timeout": ' },
        ],
      }),
    );
    expect(plan.problems).toEqual([
      expect.stringMatching(/^function broken: config.json is not JSON: /),
      'function calls: calls security.msgSecCheck, wxacode.getUnlimited without declaring it in permissions.openapi',
      'function cron: config.json: triggers.0.config: a timer config is a 7-field cron',
      'function extra: config.json: Unrecognized key: "memorySize"',
      'function long: config.json: timeout: Too big: expected number to be <=60',
      'function two: 2 timer triggers; WeChat cloud takes 1 per function',
    ]);
  });
});

describe('the mini-program upload', () => {
  test("DevTools' tourist appid cannot be uploaded: the plan waits for WX_APPID", () => {
    const root = makeProject({});
    expect(buildPlan(root).miniprogram).toEqual(
      expect.objectContaining({ appid: APPID_PLACEHOLDER, version: '1.2.3', config: { mode: 'cloud', envId: ENV_PLACEHOLDER } }),
    );
    expect(buildPlan(root, { appid: 'wx0123456789abcdef', envId: 'prod-1a2b', version: '2.0.0' }).miniprogram).toEqual(
      expect.objectContaining({ appid: 'wx0123456789abcdef', version: '2.0.0', config: { mode: 'cloud', envId: 'prod-1a2b' } }),
    );
  });

  test('is built in cloud mode for the target environment, whatever the committed config.ts says', () => {
    const source = fs.readFileSync(path.join(ROOT, 'miniprogram', 'config.ts'), 'utf8');
    const staged = stagedConfig(source, 'prod-1a2b');
    expect(staged).toContain("mode: 'cloud'");
    expect(staged).toContain("envId: 'prod-1a2b'");
    expect(staged).not.toContain("mode: 'local'");
    expect(() => stagedConfig('export const config = {};', 'prod-1a2b')).toThrow('no longer has');
  });
});
