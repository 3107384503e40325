// The layering the code keeps, checked over every import of the tree (static `import … from`,
// `export … from`, `import()` and `require()` with a literal path). Each rule names the folder an
// import starts in and the folders it may not reach; paths are relative to the repository root.
import fs from 'node:fs';
import path from 'node:path';

export interface LayerRule {
  name: string;
  /** Files the rule is about. */
  from: RegExp;
  /** What they may not import: a resolved repository path, or a package name (external). */
  forbids: (target: Target) => boolean;
}

export type Target = { kind: 'file'; path: string } | { kind: 'package'; name: string };

export interface Violation {
  rule: string;
  file: string;
  imports: string;
}

const inside = (dir: string) => (t: Target) => t.kind === 'file' && t.path.startsWith(`${dir}/`);

export const LAYER_RULES: LayerRule[] = [
  {
    name: 'typings/ (the contract) imports nothing but itself',
    from: /^typings\//,
    forbids: (t) => t.kind === 'package' || !t.path.startsWith('typings/'),
  },
  {
    name: 'cloudfunctions/shared imports no function folder',
    from: /^cloudfunctions\/shared\//,
    forbids: (t) => t.kind === 'file' && /^cloudfunctions\/(?!shared\/)[^/]+\//.test(t.path),
  },
  {
    name: 'the mini-program imports nothing from cloudfunctions/',
    from: /^miniprogram\//,
    forbids: inside('cloudfunctions'),
  },
  {
    name: 'miniprogram/utils imports no services (helpers never call the cloud)',
    from: /^miniprogram\/utils\//,
    forbids: inside('miniprogram/services'),
  },
  {
    name: 'localcloud/src (the emulator) imports no product code',
    from: /^localcloud\/src\//,
    forbids: (t) => t.kind === 'file' && /^(cloudfunctions|miniprogram|typings|demo)\//.test(t.path),
  },
];

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The module specifiers a source file imports. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) out.push(spec);
  }
  return out;
}

/** What `spec`, imported by `file`, names: a repository path (without extension) or a package. */
export function targetOf(file: string, spec: string): Target {
  if (!spec.startsWith('.')) return { kind: 'package', name: spec };
  return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) };
}

/** The violations among `files` (repository path → source text). */
export function checkLayering(files: Map<string, string>, rules: LayerRule[] = LAYER_RULES): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of files) {
    const applicable = rules.filter((r) => r.from.test(file));
    if (!applicable.length) continue;
    for (const spec of importsOf(source)) {
      const target = targetOf(file, spec);
      for (const rule of applicable) if (rule.forbids(target)) out.push({ rule: rule.name, file, imports: spec });
    }
  }
  return out;
}

const SKIP = new Set(['node_modules', 'build', '.git', 'preview', '.localcloud', 'coverage']);

/** Every .ts/.js/.mjs source file under `root`, keyed by its path relative to it. */
export function sourceTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|js|mjs)$/.test(entry.name)) files.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  walk('');
  return files;
}
