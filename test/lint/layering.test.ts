// The layering check passes on the tree as it is, and fails on a planted violation of each rule.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { checkLayering, importsOf, LAYER_RULES, sourceTree } from './layering';

const ROOT = path.resolve(__dirname, '..', '..');

test('the tree keeps every layering rule', () => {
  expect(checkLayering(sourceTree(ROOT))).toEqual([]);
});

test('every kind of import is seen', () => {
  const source = [
    "import a from './a';",
    "import type { B } from '../b';",
    "import {\n  c,\n  d,\n} from './cd';",
    "export { e } from './e';",
    "import './side-effect';",
    "const f = require('./f');",
    "const g = await import('./g');",
  ].join('\n');
  expect(importsOf(source)).toEqual(['./a', '../b', './cd', './e', './side-effect', './f', './g']);
});

const planted: [string, string, string][] = [
  ['typings/points.ts', "import { z } from 'zod';", 'typings/'],
  ['typings/shop.ts', "import type { Order } from '../cloudfunctions/shared/shop/model';", 'typings/'],
  ['cloudfunctions/shared/points/policy.ts', "import { record } from '../../points/record';", 'cloudfunctions/shared'],
  [
    'miniprogram/packages/points/record/record.ts',
    "import { C } from '../../../../cloudfunctions/shared/collections';",
    'the mini-program',
  ],
  ['miniprogram/utils/format.ts', "import { call } from '../services/cloud';", 'miniprogram/utils'],
  ['localcloud/src/server.ts', "import { C } from '../../cloudfunctions/shared/collections';", 'localcloud/src'],
  ['localcloud/src/localcloud.ts', "import { seedDemo } from '../../demo/demo';", 'localcloud/src'],
];

test.each(planted)('a planted import in %s is refused', (file, line, ruleStart) => {
  const found = checkLayering(new Map([[file, `${line}\nexport const x = 1;\n`]]));
  expect(found).toHaveLength(1);
  expect(found[0]?.rule.startsWith(ruleStart)).toBe(true);
});

test('each rule is planted at least once', () => {
  const fired = new Set(planted.flatMap(([file, line]) => checkLayering(new Map([[file, line]])).map((v) => v.rule)));
  expect([...fired].sort()).toEqual(LAYER_RULES.map((r) => r.name).sort());
});

test('what the rules allow stays allowed', () => {
  const allowed = new Map([
    ['typings/api.ts', "import type { PointsApi } from './points';"],
    ['cloudfunctions/shared/points/policy.ts', "import { C } from '../collections';"],
    ['cloudfunctions/points/record.ts', "import { C } from '../shared/collections';"],
    ['miniprogram/services/points.ts', "import type { Api } from '../../typings';"],
    ['miniprogram/packages/points/record/record.ts', "import { call } from '../../../services/cloud';"],
    ['localcloud/src/server.ts', "import { clock } from './clock';"],
    ['demo/demo.ts', "import { C } from '../cloudfunctions/shared/collections';"],
  ]);
  expect(checkLayering(allowed)).toEqual([]);
});

describe('npm run lint', () => {
  const script: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts?.lint;
  const cli = path.join(os.tmpdir(), `layering-cli-${process.pid}.js`);
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-tree-'));

  beforeAll(() => {
    // The script's own steps: the bundle it builds from test/lint/cli.ts is run here on a planted tree.
    esbuild.buildSync({
      entryPoints: [path.join(ROOT, 'test/lint/cli.ts')],
      bundle: true,
      platform: 'node',
      packages: 'external',
      outfile: cli,
      logLevel: 'warning',
    });
    fs.mkdirSync(path.join(tree, 'typings'));
    fs.writeFileSync(path.join(tree, 'typings', 'points.ts'), "import { z } from 'zod';\nexport const x = z;\n");
  });
  afterAll(() => {
    fs.rmSync(cli, { force: true });
    fs.rmSync(tree, { recursive: true, force: true });
  });

  test('runs Biome (format check and lint) and then the layering check', () => {
    expect(typeof script === 'string' ? script.split(' && ') : []).toEqual([
      'biome ci .',
      'esbuild test/lint/cli.ts --bundle --platform=node --packages=external --log-level=warning --outfile=build/tools/lint.js',
      'node build/tools/lint.js',
    ]);
  });

  test('fails on a planted layering violation and names it', () => {
    const run = spawnSync(process.execPath, [cli, tree], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('typings/points.ts: imports zod');
  });

  test('passes on a tree that keeps the rules', () => {
    fs.writeFileSync(path.join(tree, 'typings', 'points.ts'), 'export const x = 1;\n');
    const run = spawnSync(process.execPath, [cli, tree], { encoding: 'utf8' });
    expect(run.status).toBe(0);
  });
});
