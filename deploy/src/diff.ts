// Compares a live environment with the plan and lists every difference: what is missing, what
// differs, and what the environment has that the build does not (left there by hand or by an
// older build; a deployment never deletes it, so it is reported for a person to decide).
import type { IndexPlan } from './manifest';
import type { DeployPlan, FunctionPlan } from './plan';
import type { Environment, LiveFunction } from './environment';

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

/** What to say of a planned thing the environment lacks, of one it has, and of one it has beyond the plan. */
interface ByName<P, L> {
  missing: (planned: P) => Difference[];
  present: (planned: P, live: L) => Difference[];
  extra: (live: L) => Difference[];
}

/** Pairs the planned and the live things by name, in the plan's order, the extra ones last. */
function diffByName<P extends { name: string }, L extends { name: string }>(
  planned: readonly P[],
  live: readonly L[],
  say: ByName<P, L>,
): Difference[] {
  const liveByName = new Map(live.map((l) => [l.name, l]));
  const names = new Set(planned.map((p) => p.name));
  return [
    ...planned.flatMap((p) => {
      const found = liveByName.get(p.name);
      return found ? say.present(p, found) : say.missing(p);
    }),
    ...live.filter((l) => !names.has(l.name)).flatMap(say.extra),
  ];
}

interface PartKinds {
  missing: DifferenceKind;
  differs: DifferenceKind;
  extra: DifferenceKind;
}

/** Indexes or triggers of one collection or function: "differs" is a different description. */
function diffParts<T extends { name: string }>(
  owner: string,
  planned: readonly T[],
  live: readonly T[],
  describe: (item: T) => string,
  kinds: PartKinds,
): Difference[] {
  const target = (item: T): string => `${owner}.${item.name}`;
  return diffByName(planned, live, {
    missing: (p) => [{ kind: kinds.missing, target: target(p), expected: describe(p), actual: 'none' }],
    present: (p, l) =>
      describe(l) === describe(p) ? [] : [{ kind: kinds.differs, target: target(p), expected: describe(p), actual: describe(l) }],
    // _id's own index is the database's, never declared.
    extra: (l) => (l.name === '_id_' ? [] : [{ kind: kinds.extra, target: target(l), expected: 'none', actual: describe(l) }]),
  });
}

const INDEX_KINDS: PartKinds = { missing: 'missing index', differs: 'index differs', extra: 'extra index' };

/** One difference, or none when `when` is false. */
function differenceIf(when: boolean, kind: DifferenceKind, target: string, expected: string, actual: string): Difference[] {
  return when ? [{ kind, target, expected, actual }] : [];
}

function diffCollections(plan: DeployPlan, env: Environment): Difference[] {
  return diffByName(plan.collections, env.collections, {
    missing: (c) => [
      { kind: 'missing collection', target: c.name, expected: `${c.indexes.length} indexes, ${c.acl}`, actual: 'none' },
      ...diffParts(c.name, c.indexes, [], describeIndex, INDEX_KINDS),
    ],
    present: (c, found) => [
      ...diffParts(c.name, c.indexes, found.indexes, describeIndex, INDEX_KINDS),
      ...differenceIf(env.hasRules && found.acl !== c.acl, 'rule differs', c.name, c.acl, found.acl ?? 'unknown'),
    ],
    extra: (c) => [{ kind: 'extra collection', target: c.name, expected: 'none', actual: `${c.indexes.length} indexes` }],
  });
}

function diffTriggers(plan: FunctionPlan, live: LiveFunction): Difference[] {
  return diffParts(plan.name, plan.triggers, live.triggers, (t) => `${t.type} ${t.config}`, {
    missing: 'missing trigger',
    differs: 'trigger differs',
    extra: 'extra trigger',
  });
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
  return diffByName(plan.functions, env.functions, {
    missing: (f) => [{ kind: 'missing function', target: f.name, expected: `timeout ${f.timeout} s`, actual: 'none' }],
    present: (f, found) => [
      ...differenceIf(found.timeout !== f.timeout, 'timeout differs', f.name, `${f.timeout} s`, `${found.timeout} s`),
      ...diffTriggers(f, found),
      ...diffPermissions(f, found),
    ],
    extra: (f) => [{ kind: 'extra function', target: f.name, expected: 'none', actual: `timeout ${f.timeout} s` }],
  });
}

/** Every difference between the plan and the environment; empty when they match. */
export function diffEnvironment(plan: DeployPlan, env: Environment): Difference[] {
  const out = [...diffCollections(plan, env), ...diffFunctions(plan, env)];
  if (env.hasRules && env.storageAcl !== plan.storageAcl) {
    out.push({ kind: 'storage rule differs', target: 'storage', expected: plan.storageAcl, actual: env.storageAcl ?? 'unknown' });
  }
  return out;
}
