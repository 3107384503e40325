// A throwaway project root shaped like the build (build/database.json, build/cloudfunctions/<fn>/),
// for the plan builder and the checker to read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CollectionDef } from '../../cloudfunctions/shared/collections';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface FixtureFunction {
  name: string;
  /** Written as config.json: an object as JSON, a string as it is; absent: no config.json. */
  config?: object | string;
  code?: string;
}

export interface FixtureProject {
  collections?: CollectionDef[];
  functions?: FixtureFunction[];
  appid?: string;
}

export function writeFunction(root: string, fn: FixtureFunction): void {
  const dir = path.join(root, 'build', 'cloudfunctions', fn.name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), fn.code ?? 'exports.main = async () => ({});\n');
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: fn.name, main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } }),
  );
  if (fn.config !== undefined)
    fs.writeFileSync(path.join(dir, 'config.json'), typeof fn.config === 'string' ? fn.config : JSON.stringify(fn.config));
}

export function makeProject(p: FixtureProject): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-plan-'));
  fs.mkdirSync(path.join(root, 'build', 'cloudfunctions'), { recursive: true });
  fs.writeFileSync(path.join(root, 'build', 'database.json'), JSON.stringify({ collections: p.collections ?? [] }));
  for (const fn of p.functions ?? []) writeFunction(root, fn);
  fs.writeFileSync(
    path.join(root, 'project.config.json'),
    JSON.stringify({ appid: p.appid ?? 'touristappid', miniprogramRoot: 'miniprogram/' }),
  );
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture', version: '1.2.3' }));
  // The mini-program: this project's transport settings (what a deploy rewrites) and an app.json.
  fs.mkdirSync(path.join(root, 'miniprogram'));
  fs.copyFileSync(path.join(ROOT, 'miniprogram', 'config.ts'), path.join(root, 'miniprogram', 'config.ts'));
  fs.writeFileSync(path.join(root, 'miniprogram', 'app.json'), JSON.stringify({ pages: ['pages/home/home'] }));
  return root;
}

/** A copy of this project's real build (database.json and the built functions) in a new root. */
export function copyBuild(): string {
  const root = makeProject({});
  fs.copyFileSync(path.join(ROOT, 'build', 'database.json'), path.join(root, 'build', 'database.json'));
  fs.cpSync(path.join(ROOT, 'build', 'cloudfunctions'), path.join(root, 'build', 'cloudfunctions'), { recursive: true });
  return root;
}

/** Reads a function's config.json in a root, edits it, writes it back. */
export function editConfig(root: string, fn: string, edit: (config: Record<string, unknown>) => void): void {
  const file = path.join(root, 'build', 'cloudfunctions', fn, 'config.json');
  const parsed: unknown = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const config: Record<string, unknown> = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
  edit(config);
  fs.writeFileSync(file, JSON.stringify(config));
}

/** Two collections with an index each (one unique, one descending): what the plan and deploy tests deploy. */
export const TWO_COLLECTIONS: CollectionDef[] = [
  {
    name: 'households',
    indexes: [
      {
        name: 'villageId_1_no_1',
        keys: [
          { field: 'villageId', direction: 1 },
          { field: 'no', direction: 1 },
        ],
        unique: true,
      },
    ],
  },
  {
    name: 'notices',
    indexes: [
      {
        name: 'villageId_1_month_-1',
        keys: [
          { field: 'villageId', direction: 1 },
          { field: 'month', direction: -1 },
        ],
      },
    ],
  },
];
