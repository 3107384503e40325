// Secondary indexes of the local store, declared in the project's collection manifest.
// An index keeps, for every prefix of its key fields, a hash from key values to document ids, so
// that an equality (or $in) query on a leading prefix finds its candidates without a scan.
import { isPlainObject, type Doc } from '../ejson';
import { keyOf, valuesAt } from './values';

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
  unique?: boolean;
}

const SEP = '\u0000';
/** Past this many key combinations a query is answered by a scan instead. */
const MAX_COMBINATIONS = 1000;

function combinations(lists: string[][]): string[] {
  let out = [''];
  for (const list of lists) {
    const next: string[] = [];
    for (const prefix of out) for (const k of new Set(list)) next.push(prefix ? `${prefix}${SEP}${k}` : k);
    out = next;
  }
  return out;
}

export class Index {
  /** buckets[p] maps the keys of the first p+1 fields to the ids of the documents having them. */
  private readonly buckets: Map<string, Set<string>>[];

  constructor(readonly spec: IndexSpec) {
    this.buckets = spec.keys.map(() => new Map());
  }

  private keysByPrefix(doc: Doc): string[][] {
    const perField = this.spec.keys.map((k) => valuesAt(doc, k.field).map(keyOf));
    return perField.map((_, p) => combinations(perField.slice(0, p + 1)));
  }

  add(id: string, doc: Doc): void {
    this.keysByPrefix(doc).forEach((keys, p) => {
      const level = this.buckets[p];
      if (!level) return;
      for (const key of keys) {
        const set = level.get(key) ?? new Set<string>();
        level.set(key, set.add(id));
      }
    });
  }

  remove(id: string, doc: Doc): void {
    this.keysByPrefix(doc).forEach((keys, p) => {
      const level = this.buckets[p];
      if (!level) return;
      for (const key of keys) {
        const set = level.get(key);
        set?.delete(id);
        if (set && set.size === 0) level.delete(key);
      }
    });
  }

  /** Full keys of a document, for unique checks. */
  fullKeys(doc: Doc): string[] {
    return this.keysByPrefix(doc)[this.spec.keys.length - 1] ?? [];
  }

  idsWithFullKey(key: string): ReadonlySet<string> {
    return this.buckets[this.spec.keys.length - 1]?.get(key) ?? new Set();
  }

  /** Number of leading key fields the constraints pin down. */
  usablePrefix(constraints: Map<string, string[]>): number {
    let p = 0;
    while (p < this.spec.keys.length && constraints.has(this.spec.keys[p]?.field ?? '')) p++;
    return p;
  }

  lookup(constraints: Map<string, string[]>, prefix: number): Set<string> | null {
    const lists = this.spec.keys.slice(0, prefix).map((k) => constraints.get(k.field) ?? []);
    if (lists.reduce((n, l) => n * l.length, 1) > MAX_COMBINATIONS) return null;
    const out = new Set<string>();
    const level = this.buckets[prefix - 1];
    for (const key of combinations(lists)) for (const id of level?.get(key) ?? []) out.add(id);
    return out;
  }
}

/**
 * The equality constraints of a query that an index can serve: `{ f: v }`, `{ f: { $eq: v } }`,
 * `{ f: { $in: [...] } }`, also inside a top-level `$and`. Any other shape is left to the matcher.
 */
export function equalityConstraints(query: Doc): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [field, cond] of fieldConditions(query)) {
    if (out.has(field)) continue;
    const keys = equalityKeys(cond);
    if (keys) out.set(field, keys);
  }
  return out;
}

/** The (field, condition) pairs of a query, those inside a top-level `$and` included, in order. */
function fieldConditions(query: Doc): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const part of cond) if (isPlainObject(part)) out.push(...fieldConditions(part));
    } else if (!field.startsWith('$')) out.push([field, cond]);
  }
  return out;
}

function equalityKeys(cond: unknown): string[] | null {
  if (cond instanceof RegExp) return null;
  if (!isPlainObject(cond)) return [keyOf(cond)];
  const ops = Object.keys(cond);
  if (!ops.some((k) => k.startsWith('$'))) return [keyOf(cond)];
  if ('$eq' in cond && !(cond.$eq instanceof RegExp)) return [keyOf(cond.$eq)];
  if ('$in' in cond && Array.isArray(cond.$in) && !cond.$in.some((v) => v instanceof RegExp)) {
    return cond.$in.map(keyOf);
  }
  return null;
}

const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte', '$regex'];

/**
 * Fields a query bounds by a range or a regular expression (also inside a top-level `$and`):
 * MongoDB walks an index on such a field instead of the collection, so no missing index there.
 * The local hash index cannot serve them, and such a query is matched by a scan.
 */
export function rangeFields(query: Doc): Set<string> {
  const out = new Set<string>();
  for (const [field, cond] of fieldConditions(query)) {
    if (cond instanceof RegExp || (isPlainObject(cond) && RANGE_OPERATORS.some((op) => op in cond))) out.add(field);
  }
  return out;
}

/** The query with its values replaced by their types: the "shape" a missing-index warning names. */
export function queryShape(query: unknown): unknown {
  if (Array.isArray(query)) return query.slice(0, 3).map(queryShape);
  if (isPlainObject(query)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(query)) out[k] = queryShape(v);
    return out;
  }
  if (query instanceof Date) return 'date';
  if (query instanceof RegExp) return 'regex';
  return query === null ? 'null' : typeof query;
}
