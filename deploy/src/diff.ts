// Compares a live environment with the plan and lists every difference: what is missing, what
// differs, and what the environment has that the build does not (left there by hand or by an
// older build; a deployment never deletes it, so it is reported for a person to decide).
import type { IndexPlan } from './manifest';
import type { CollectionPlan, DeployPlan, FunctionPlan } from './plan';
import type { Environment, LiveCollection, LiveFunction } from './environment';

export type DifferenceKind =
  | 'missing collection'
  | 'extra collection'
  | 'missing index'
  | 'index differs'
  | 'extra index'
  | 'rule differs'
  | 'storage rule differs'
  | 'missing function'
  | 'extra function'
  | 'timeout differs'
  | 'missing trigger'
  | 'trigger differs'
  | 'extra trigger'
  | 'missing permission'
  | 'extra permission'
  | 'permissions unreadable';

export interface Difference {
  kind: DifferenceKind;
  /** What it is about: collection, collection.index, function, function.trigger, function:api. */
  target: string;
  expected: string;
  actual: string;
}

export function describeIndex(index: IndexPlan): string {
  const keys = index.keys.map((k) => `${k.field} ${k.direction === 1 ? 'asc' : 'desc'}`).join(', ');
  return `(${keys})${index.unique ? ' unique' : ''}`;
}

function diffIndexes(plan: CollectionPlan, live: LiveCollection): Difference[] {
  const out: Difference[] = [];
  const liveByName = new Map(live.indexes.map((i) => [i.name, i]));
  for (const index of plan.indexes) {
    const target = `${plan.name}.${index.name}`;
    const found = liveByName.get(index.name);
    if (!found) out.push({ kind: 'missing index', target, expected: describeIndex(index), actual: 'none' });
    else if (describeIndex(found) !== describeIndex(index)) {
      out.push({ kind: 'index differs', target, expected: describeIndex(index), actual: describeIndex(found) });
    }
  }
  const planned = new Set(plan.indexes.map((i) => i.name));
  // _id's own index is the database's, never declared.
  for (const index of live.indexes) {
    if (!planned.has(index.name) && index.name !== '_id_') {
      out.push({ kind: 'extra index', target: `${plan.name}.${index.name}`, expected: 'none', actual: describeIndex(index) });
    }
  }
  return out;
}

function diffCollections(plan: DeployPlan, env: Environment): Difference[] {
  const out: Difference[] = [];
  const live = new Map(env.collections.map((c) => [c.name, c]));
  for (const c of plan.collections) {
    const found = live.get(c.name);
    if (!found) {
      out.push({ kind: 'missing collection', target: c.name, expected: `${c.indexes.length} indexes, ${c.acl}`, actual: 'none' });
      for (const index of c.indexes)
        out.push({ kind: 'missing index', target: `${c.name}.${index.name}`, expected: describeIndex(index), actual: 'none' });
      continue;
    }
    out.push(...diffIndexes(c, found));
    if (env.hasRules && found.acl !== c.acl)
      out.push({ kind: 'rule differs', target: c.name, expected: c.acl, actual: found.acl ?? 'unknown' });
  }
  const planned = new Set(plan.collections.map((c) => c.name));
  for (const c of env.collections) {
    if (!planned.has(c.name))
      out.push({ kind: 'extra collection', target: c.name, expected: 'none', actual: `${c.indexes.length} indexes` });
  }
  return out;
}

function diffTriggers(plan: FunctionPlan, live: LiveFunction): Difference[] {
  const out: Difference[] = [];
  const liveByName = new Map(live.triggers.map((t) => [t.name, t]));
  for (const t of plan.triggers) {
    const target = `${plan.name}.${t.name}`;
    const found = liveByName.get(t.name);
    if (!found) out.push({ kind: 'missing trigger', target, expected: `${t.type} ${t.config}`, actual: 'none' });
    else if (found.type !== t.type || found.config !== t.config) {
      out.push({ kind: 'trigger differs', target, expected: `${t.type} ${t.config}`, actual: `${found.type} ${found.config}` });
    }
  }
  const planned = new Set(plan.triggers.map((t) => t.name));
  for (const t of live.triggers) {
    if (!planned.has(t.name))
      out.push({ kind: 'extra trigger', target: `${plan.name}.${t.name}`, expected: 'none', actual: `${t.type} ${t.config}` });
  }
  return out;
}

function diffPermissions(plan: FunctionPlan, live: LiveFunction): Difference[] {
  if (live.openapi === null) {
    return [{ kind: 'permissions unreadable', target: plan.name, expected: plan.openapi.join(', ') || 'none', actual: 'unknown' }];
  }
  const have = new Set(live.openapi);
  const want = new Set(plan.openapi);
  return [
    ...plan.openapi
      .filter((api) => !have.has(api))
      .map((api): Difference => ({ kind: 'missing permission', target: `${plan.name}:${api}`, expected: 'granted', actual: 'none' })),
    ...live.openapi
      .filter((api) => !want.has(api))
      .map((api): Difference => ({ kind: 'extra permission', target: `${plan.name}:${api}`, expected: 'none', actual: 'granted' })),
  ];
}

function diffFunctions(plan: DeployPlan, env: Environment): Difference[] {
  const out: Difference[] = [];
  const live = new Map(env.functions.map((f) => [f.name, f]));
  for (const f of plan.functions) {
    const found = live.get(f.name);
    if (!found) {
      out.push({ kind: 'missing function', target: f.name, expected: `timeout ${f.timeout} s`, actual: 'none' });
      continue;
    }
    if (found.timeout !== f.timeout)
      out.push({ kind: 'timeout differs', target: f.name, expected: `${f.timeout} s`, actual: `${found.timeout} s` });
    out.push(...diffTriggers(f, found), ...diffPermissions(f, found));
  }
  const planned = new Set(plan.functions.map((f) => f.name));
  for (const f of env.functions) {
    if (!planned.has(f.name)) out.push({ kind: 'extra function', target: f.name, expected: 'none', actual: `timeout ${f.timeout} s` });
  }
  return out;
}

/** Every difference between the plan and the environment; empty when they match. */
export function diffEnvironment(plan: DeployPlan, env: Environment): Difference[] {
  const out = [...diffCollections(plan, env), ...diffFunctions(plan, env)];
  if (env.hasRules && env.storageAcl !== plan.storageAcl) {
    out.push({ kind: 'storage rule differs', target: 'storage', expected: plan.storageAcl, actual: env.storageAcl ?? 'unknown' });
  }
  return out;
}
