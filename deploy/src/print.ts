// Renders the plan and the differences as plain text for the terminal (and for the tests, which
// read the same words a person reads).
import { describeIndex, type Difference } from './diff';
import type { DeployPlan } from './plan';
import { ACL_WORDS } from './rules';

function acl(tag: string): string {
  return `${tag} (${ACL_WORDS[tag] ?? tag})`;
}

export function formatPlan(plan: DeployPlan): string {
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  const lines = [
    `Deployment plan for environment ${plan.envId}`,
    '',
    `Database: ${plan.collections.length} collections, ${indexCount} indexes (createCollectionIfNotExists, updateCollection)`,
    ...plan.collections.flatMap((c) => [
      `  collection ${c.name}: rule ${acl(c.acl)}`,
      ...c.indexes.map((i) => `    index ${i.name} ${describeIndex(i)}`),
    ]),
    '',
    `Storage: rule ${acl(plan.storageAcl)}`,
    '',
    `Functions: ${plan.functions.length} (miniprogram-ci cloud.uploadFunction, remote npm install)`,
    ...plan.functions.flatMap(functionLines),
    '',
    ...miniprogramLines(plan.miniprogram),
  ];
  if (plan.problems.length) {
    lines.push('', `Problems (${plan.problems.length}): the build cannot be deployed as it is`, ...plan.problems.map((p) => `  - ${p}`));
  }
  return lines.join('\n');
}

function functionLines(f: DeployPlan['functions'][number]): string[] {
  const deps =
    Object.entries(f.dependencies)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ') || 'none';
  return [
    `  function ${f.name} (${f.dir}: ${f.files.join(', ')}; dependencies ${deps})`,
    `    runtime ${f.runtime}, timeout ${f.timeout} s${f.timeoutDeclared ? '' : ' (none declared: the cloud default)'}`,
    ...(f.triggers.length
      ? f.triggers.map((t) => `    trigger ${t.name}: ${t.type} "${t.config}" (cloud.createTimeTrigger)`)
      : ['    triggers: none']),
    `    permissions.openapi: ${f.openapi.join(', ') || 'none'} (the code calls ${f.openapiUsed.join(', ') || 'none'})`,
  ];
}

function miniprogramLines(mp: DeployPlan['miniprogram']): string[] {
  return [
    `Mini-program: upload ${mp.miniprogramRoot} of appid ${mp.appid}, version ${mp.version}, "${mp.desc}" (miniprogram-ci upload)`,
    `  built with config.ts mode "${mp.config.mode}", envId "${mp.config.envId}"`,
  ];
}

export function formatDifferences(source: string, differences: Difference[], notes: string[] = []): string {
  const lines = [
    `Compared ${source} with the build: ${differences.length ? `${differences.length} difference${differences.length === 1 ? '' : 's'}` : 'no differences'}`,
  ];
  for (const d of differences) lines.push(`  ${d.kind}: ${d.target} (expected ${d.expected}, found ${d.actual})`);
  for (const n of notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}
