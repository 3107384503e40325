// The mini-program's packages as they would be uploaded: the main package and each subpackage of
// app.json, each the files under miniprogram/ that belong to it (a subpackage is everything under
// its root; the main package is the rest), TypeScript counted as the JavaScript it compiles to
// (esbuild's transform of each file, no bundling: DevTools' TypeScript plugin compiles file by
// file too), WXML, WXSS, WXS, JSON and images as they are. Also checks what would break on a phone
// although it works in the tests: a script or component that reaches outside miniprogram/ or into
// another subpackage (WeChat loads a subpackage's files only from it or the main package).
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

export const KB = 1024;
export const MB = 1024 * KB;
/** Our own budget for the main package (WeChat's limit is 2 MB): what every first open downloads. */
export const MAIN_BUDGET = 1 * MB;
/** WeChat's limit for one subpackage. */
export const SUBPACKAGE_BUDGET = 2 * MB;
/** WeChat's limit for all packages together. */
export const TOTAL_BUDGET = 20 * MB;

const UPLOADED = new Set(['.js', '.ts', '.json', '.wxml', '.wxss', '.wxs', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp']);
/** Read by the tools, never uploaded. */
const TOOLING = new Set(['tsconfig.json', 'project.config.json', 'project.private.config.json']);

export interface PackageSize {
  /** "main", or the subpackage's name (its root when it has none). */
  name: string;
  /** "" for the main package. */
  root: string;
  files: number;
  bytes: number;
  budget: number;
  /** Bytes by kind: js (compiled TypeScript included), wxml, wxss, json, image, other. */
  kinds: Record<string, number>;
}

export interface SizeReport {
  packages: PackageSize[];
  total: number;
  /** Budgets broken and cross-package references, one sentence each; empty when all is well. */
  problems: string[];
  /** Worth knowing, not failing: e.g. a folder under packages/ that app.json does not name yet. */
  notes: string[];
}

interface SubpackageConfig {
  root: string;
  name?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The subpackages of app.json ("subpackages" or the older "subPackages"). */
export function subpackagesOf(appJson: unknown): SubpackageConfig[] {
  if (!isRecord(appJson)) throw new Error('app.json is not an object');
  const list: unknown = appJson.subpackages ?? appJson.subPackages ?? [];
  if (!Array.isArray(list)) throw new Error('app.json: subpackages is not a list');
  return list.map((s: unknown): SubpackageConfig => {
    if (!isRecord(s) || typeof s.root !== 'string' || !s.root)
      throw new Error(`app.json: a subpackage without a root: ${JSON.stringify(s)}`);
    return { root: s.root.replace(/^\/+|\/+$/g, ''), ...(typeof s.name === 'string' ? { name: s.name } : {}) };
  });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function kindOf(ext: string): string {
  if (ext === '.ts' || ext === '.js' || ext === '.wxs') return 'js';
  if (ext === '.wxml' || ext === '.wxss' || ext === '.json') return ext.slice(1);
  return 'image';
}

/** The JavaScript a .ts file compiles to (type-only imports and types erased). */
export function compiledJs(file: string): string {
  return transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2020', sourcefile: file }).code;
}

/** The relative modules a compiled file still requires at run time. */
function requiredPaths(js: string): string[] {
  return [...js.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)]
    .map((m) => m[1] ?? '')
    .filter((p) => p.startsWith('.') || p.startsWith('/'));
}

/** The component paths a page's or component's JSON uses. */
function usedComponents(json: unknown): string[] {
  if (!isRecord(json) || !isRecord(json.usingComponents)) return [];
  return Object.values(json.usingComponents).filter((v): v is string => typeof v === 'string');
}

/** A file's uploaded size (a page's compiled JS for its .ts); each path it requires or component it uses is reported. */
function uploadedBytes(file: string, ext: string, references: (target: string, what: string) => void): number {
  if (ext === '.ts') {
    const js = compiledJs(file);
    for (const p of requiredPaths(js)) references(p, 'requires');
    return Buffer.byteLength(js);
  }
  if (ext === '.json') {
    for (const c of usedComponents(JSON.parse(fs.readFileSync(file, 'utf8'))))
      if (!c.startsWith('plugin://')) references(c, 'uses the component');
  }
  return fs.statSync(file).size;
}

function overBudget(p: PackageSize): string {
  return `${p.name === 'main' ? 'the main package' : `subpackage ${p.name}`} is ${kb(p.bytes)}, over its budget of ${kb(p.budget)}`;
}

export function measure(miniprogramDir: string): SizeReport {
  const appJson: unknown = JSON.parse(fs.readFileSync(path.join(miniprogramDir, 'app.json'), 'utf8'));
  const subs = subpackagesOf(appJson);
  const main: PackageSize = { name: 'main', root: '', files: 0, bytes: 0, budget: MAIN_BUDGET, kinds: {} };
  const packages: PackageSize[] = [
    main,
    ...subs.map((s) => ({ name: s.name ?? s.root, root: s.root, files: 0, bytes: 0, budget: SUBPACKAGE_BUDGET, kinds: {} })),
  ];
  const problems: string[] = [];
  const unregistered = new Set<string>();
  const packageOf = (rel: string): PackageSize => packages.find((p) => p.root && (rel === p.root || rel.startsWith(`${p.root}/`))) ?? main;
  const rel = (abs: string): string => path.relative(miniprogramDir, abs).split(path.sep).join('/');

  /** A reference from `from` to `target` (absolute) that WeChat would not load on a phone, if it is one. */
  const crossing = (from: string, target: string, what: string): void => {
    const to = rel(target);
    if (to.startsWith('../') || path.isAbsolute(to)) {
      problems.push(`${rel(from)} ${what} ${to}, outside miniprogram/: it is not uploaded`);
      return;
    }
    const a = packageOf(rel(from));
    const b = packageOf(to);
    if (a !== b && b.root)
      problems.push(`${rel(from)} (${a.name}) ${what} ${to} in subpackage ${b.name}: WeChat does not load another subpackage's files`);
  };

  for (const file of walk(miniprogramDir)) {
    const ext = path.extname(file).toLowerCase();
    const base = path.basename(file);
    if (!UPLOADED.has(ext) || TOOLING.has(base) || base.endsWith('.d.ts')) continue;
    const pkg = packageOf(rel(file));
    const feature = /^packages\/[^/]+/.exec(rel(file))?.[0];
    if (feature && !pkg.root) unregistered.add(feature);
    const bytes = uploadedBytes(file, ext, (target, what) =>
      crossing(file, target.startsWith('/') ? path.join(miniprogramDir, target) : path.resolve(path.dirname(file), target), what),
    );
    pkg.files++;
    pkg.bytes += bytes;
    const kind = kindOf(ext);
    pkg.kinds[kind] = (pkg.kinds[kind] ?? 0) + bytes;
  }

  problems.push(...packages.filter((p) => p.bytes > p.budget).map(overBudget));
  const total = packages.reduce((s, p) => s + p.bytes, 0);
  if (total > TOTAL_BUDGET) problems.push(`all packages together are ${kb(total)}, over WeChat's ${kb(TOTAL_BUDGET)}`);
  const notes = [...unregistered].sort().map((f) => `${f}/ is not a subpackage in app.json (yet): its files count in the main package`);
  return { packages, total, problems, notes };
}

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The table `npm run size` prints. */
export function formatReport(report: SizeReport): string {
  const rows = report.packages.map((p) => [
    p.name,
    p.root || '(everything else)',
    String(p.files),
    kb(p.bytes),
    kb(p.budget),
    `${((p.bytes / p.budget) * 100).toFixed(1)}%`,
    ['js', 'wxml', 'wxss', 'json', 'image'].map((k) => `${k} ${kb(p.kinds[k] ?? 0)}`).join(', '),
  ]);
  const head = ['package', 'root', 'files', 'size', 'budget', 'used', 'by kind'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i >= 2 && i <= 5))
      .join('  ')
      .trimEnd();
  const out = [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `total ${kb(report.total)} of WeChat's ${kb(TOTAL_BUDGET)}`,
  ];
  if (report.notes.length) out.push(...report.notes.map((n) => `note: ${n}`));
  out.push(
    report.problems.length ? ['', 'PROBLEMS:', ...report.problems.map((p) => `- ${p}`)].join('\n') : 'every package is within its budget',
  );
  return out.join('\n');
}
