// The package budget: the main package at most 1 MB (WeChat allows 2 MB; every first open downloads
// it), each subpackage at most 2 MB, and no file reaching into another subpackage or outside
// miniprogram/. The first test measures the real mini-program, so the tests fail when a budget is
// broken; the others check the measuring on small made-up mini-programs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledJs, formatReport, KB, MAIN_BUDGET, MB, measure, SUBPACKAGE_BUDGET } from './package-size';

const MINIPROGRAM = path.resolve(__dirname, '..', '..', 'miniprogram');

test('the mini-program is within its budgets (npm run size prints the table)', () => {
  const report = measure(MINIPROGRAM);
  // The whole table in the failure message: which package grew, and by what kind of file.
  expect({ problems: report.problems, table: formatReport(report) }).toEqual({ problems: [], table: expect.any(String) });
  const main = report.packages[0];
  expect(main?.name).toBe('main');
  expect(main?.budget).toBe(MAIN_BUDGET);
  expect(main?.bytes).toBeLessThanOrEqual(MAIN_BUDGET);
  for (const sub of report.packages.slice(1)) expect(sub.bytes).toBeLessThanOrEqual(SUBPACKAGE_BUDGET);
});

// ---- the measuring itself, on made-up mini-programs -------------------------------------------------

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-size-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, content: string | Buffer): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function app(subpackages: { root: string; name?: string }[]): void {
  write('app.json', JSON.stringify({ pages: ['pages/home/home'], subpackages: subpackages.map((s) => ({ ...s, pages: ['a/a'] })) }));
}

test('files go to the subpackage whose root holds them, the rest to the main package; TypeScript counts as its JavaScript', () => {
  app([{ root: 'packages/shop', name: 'shop' }, { root: 'packages/shopkeeper' }]);
  const ts = 'export interface Big { a: string; b: number; c: boolean }\nexport const n: number = 1;\n';
  write('pages/home/home.ts', ts);
  write('pages/home/home.wxml', '<view>首页</view>');
  write('packages/shop/a/a.wxss', '.a { color: red; }');
  write('packages/shopkeeper/a/a.wxml', '<view/>');
  write('tsconfig.json', '{}'); // tooling: not uploaded
  write('typings.d.ts', 'declare const x: number;'); // types only
  write('README.md', 'notes'); // not a mini-program file

  const report = measure(dir);
  const [main, shop, keeper] = report.packages;
  expect(main).toMatchObject({ name: 'main', root: '', files: 3 }); // app.json, home.ts, home.wxml
  expect(shop).toMatchObject({ name: 'shop', root: 'packages/shop', files: 1, bytes: Buffer.byteLength('.a { color: red; }') });
  expect(keeper).toMatchObject({ name: 'packages/shopkeeper', files: 1 }); // "shop" is not a prefix of "shopkeeper/"
  const js = compiledJs(path.join(dir, 'pages/home/home.ts'));
  expect(js).not.toContain('interface');
  expect(main?.kinds.js).toBe(Buffer.byteLength(js));
  expect(report.problems).toEqual([]);
  expect(report.notes).toEqual([]);
});

test('over budget: the main package past 1 MB, a subpackage past 2 MB', () => {
  app([{ root: 'packages/big', name: 'big' }]);
  write('images/banner.png', Buffer.alloc(MB + 1));
  write('packages/big/a/a.png', Buffer.alloc(2 * MB + KB));
  const report = measure(dir);
  expect(report.problems).toEqual([
    expect.stringMatching(/^the main package is 1024\.\d KB, over its budget of 1024\.0 KB$/),
    expect.stringMatching(/^subpackage big is 2049\.0 KB, over its budget of 2048\.0 KB$/),
  ]);
  expect(formatReport(report)).toContain('PROBLEMS:');
});

test('a script requiring another subpackage or a file outside miniprogram/ is a problem; the main package and type imports are fine', () => {
  app([
    { root: 'packages/a', name: 'a' },
    { root: 'packages/b', name: 'b' },
  ]);
  write('services/cloud.ts', 'export const call = 1;');
  write(
    'packages/a/a/a.ts',
    "import { call } from '../../../services/cloud';\nimport type { X } from '../../../../typings/x';\nexport const y: X | number = call;",
  );
  write('packages/b/a/a.ts', "import { y } from '../../a/a/a';\nimport { z } from '../../../../typings/errors';\nexport const w = [y, z];");
  const report = measure(dir);
  expect(report.problems).toEqual([
    "packages/b/a/a.ts (b) requires packages/a/a/a in subpackage a: WeChat does not load another subpackage's files",
    'packages/b/a/a.ts requires ../typings/errors, outside miniprogram/: it is not uploaded',
  ]);
});

test('a component used from another subpackage is a problem; from the main package it is fine', () => {
  app([
    { root: 'packages/a', name: 'a' },
    { root: 'packages/b', name: 'b' },
  ]);
  write(
    'packages/a/a/a.json',
    JSON.stringify({ usingComponents: { 'hm-button': '/components/hm-button/hm-button', card: '/packages/b/card/card' } }),
  );
  const report = measure(dir);
  expect(report.problems).toEqual([
    "packages/a/a/a.json (a) uses the component packages/b/card/card in subpackage b: WeChat does not load another subpackage's files",
  ]);
});

test('a feature folder app.json does not name yet is noted (its files count in the main package)', () => {
  app([]);
  write('packages/board/letters/letters.wxml', '<view/>');
  const report = measure(dir);
  expect(report.notes).toEqual(['packages/board/ is not a subpackage in app.json (yet): its files count in the main package']);
  expect(report.packages[0]?.files).toBe(2);
  expect(report.problems).toEqual([]);
});
