// The functions' upload folders as built (npm test builds first): each index.js at most 600 KB, so a
// cold start loads no more, and every package a bundle loads at run time is named in its
// package.json, which the cloud installs at upload (上传并部署：云端安装依赖).
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const FUNCTIONS = path.resolve(__dirname, '..', '..', 'build', 'cloudfunctions');
const names = fs.readdirSync(FUNCTIONS).filter((n) => fs.existsSync(path.join(FUNCTIONS, n, 'index.js')));

function dependencies(name: string): string[] {
  const pkg: unknown = JSON.parse(fs.readFileSync(path.join(FUNCTIONS, name, 'package.json'), 'utf8'));
  const deps = typeof pkg === 'object' && pkg !== null && 'dependencies' in pkg ? pkg.dependencies : null;
  return typeof deps === 'object' && deps !== null ? Object.keys(deps).sort() : [];
}

/** Packages the bundle loads by name (not node's own): `require("x")` or `import("x")`. */
function loadedPackages(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:require|import)\("([^"./][^"]*)"\)/g)) {
    const name = m[1] ?? '';
    if (!name.startsWith('node:') && !BUILTINS.has(name.split('/')[0] ?? '')) found.add(name);
  }
  return [...found].sort();
}

const BUILTINS = new Set(builtinModules);

test.each(names)('%s: index.js is at most 600 KB and its package.json names what it loads', (name) => {
  const file = path.join(FUNCTIONS, name, 'index.js');
  expect(fs.statSync(file).size).toBeLessThanOrEqual(600 * 1024);
  expect(dependencies(name)).toEqual(loadedPackages(fs.readFileSync(file, 'utf8')));
});

test('the spreadsheet library is loaded only on the actions that use it (not at a cold start)', () => {
  for (const name of names) {
    const code = fs.readFileSync(path.join(FUNCTIONS, name, 'index.js'), 'utf8');
    expect([name, /require\("exceljs"\)/.test(code)]).toEqual([name, false]);
  }
  expect(names.filter((n) => dependencies(n).includes('exceljs')).sort()).toEqual(['shop', 'village']);
});
