// Renders the plan and the differences as plain text for the terminal (and for the tests, which
// read the same words a person reads).
import { describeIndex, type Difference } from './diff';
import type { DeployPlan } from './plan';
import { ACL_WORDS } from './rules';

function acl(tag: string): string {
  return `${tag} (${ACL_WORDS[tag] ?? tag})`;
}

export function formatPlan(plan: DeployPlan): string {
  const lines: string[] = [];
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  lines.push(`Deployment plan for environment ${plan.envId}`);
  lines.push('');
  lines.push(`Database: ${plan.collections.length} collections, ${indexCount} indexes (createCollectionIfNotExists, updateCollection)`);
  for (const c of plan.collections) {
    lines.push(`  collection ${c.name}: rule ${acl(c.acl)}`);
    for (const i of c.indexes) lines.push(`    index ${i.name} ${describeIndex(i)}`);
  }
  lines.push('');
  lines.push(`Storage: rule ${acl(plan.storageAcl)}`);
  lines.push('');
  lines.push(`Functions: ${plan.functions.length} (miniprogram-ci cloud.uploadFunction, remote npm install)`);
  for (const f of plan.functions) {
    const deps =
      Object.entries(f.dependencies)
        .map(([n, v]) => `${n}@${v}`)
        .join(', ') || 'none';
    lines.push(`  function ${f.name} (${f.dir}: ${f.files.join(', ')}; dependencies ${deps})`);
    lines.push(`    runtime ${f.runtime}, timeout ${f.timeout} s${f.timeoutDeclared ? '' : ' (none declared: the cloud default)'}`);
    if (!f.triggers.length) lines.push('    triggers: none');
    for (const t of f.triggers) lines.push(`    trigger ${t.name}: ${t.type} "${t.config}" (cloud.createTimeTrigger)`);
    lines.push(`    permissions.openapi: ${f.openapi.join(', ') || 'none'} (the code calls ${f.openapiUsed.join(', ') || 'none'})`);
  }
  lines.push('');
  const mp = plan.miniprogram;
  lines.push(
    `Mini-program: upload ${mp.miniprogramRoot} of appid ${mp.appid}, version ${mp.version}, "${mp.desc}" (miniprogram-ci upload)`,
  );
  lines.push(`  built with config.ts mode "${mp.config.mode}", envId "${mp.config.envId}"`);
  if (plan.problems.length) {
    lines.push('');
    lines.push(`Problems (${plan.problems.length}): the build cannot be deployed as it is`);
    for (const p of plan.problems) lines.push(`  - ${p}`);
  }
  return lines.join('\n');
}

export function formatDifferences(source: string, differences: Difference[], notes: string[] = []): string {
  const lines = [
    `Compared ${source} with the build: ${differences.length ? `${differences.length} difference${differences.length === 1 ? '' : 's'}` : 'no differences'}`,
  ];
  for (const d of differences) lines.push(`  ${d.kind}: ${d.target} (expected ${d.expected}, found ${d.actual})`);
  for (const n of notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}
