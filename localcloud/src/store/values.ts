// Value helpers shared by the store: index keys, dotted-path reads and deep copies.
import { randomBytes } from 'node:crypto';
import { isPlainObject } from '../ejson';

/** A string that is equal for two values exactly when MongoDB equality treats them as equal. */
export function keyOf(value: unknown): string {
  if (value === undefined || value === null) return 'n';
  if (typeof value === 'number') return `N${value}`;
  if (typeof value === 'string') return `S${value}`;
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (value instanceof Date) return `D${value.getTime()}`;
  if (value instanceof RegExp) return `R${String(value)}`;
  return `O${stableStringify(value)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value instanceof Date) return `{"$d":${value.getTime()}}`;
  if (isPlainObject(value)) {
    // Field order matters for MongoDB document equality, so it is kept.
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Every value a dotted path reaches, as MongoDB's multikey indexes see it: an array met on the
 * way fans out into its elements, and an array at the end gives both itself and its elements.
 * A path that reaches nothing gives `undefined` (indexed like null, as MongoDB does).
 */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out.length ? out : [undefined];
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(value);
    if (Array.isArray(value)) for (const v of value) out.push(v);
    return;
  }
  if (Array.isArray(value)) collectInArray(value, parts, i, out);
  else if (isPlainObject(value)) collect(value[parts[i] ?? ''], parts, i + 1, out);
}

/** A numeric path part indexes the array; any other fans out into its elements. */
function collectInArray(value: unknown[], parts: string[], i: number, out: unknown[]): void {
  const idx = Number(parts[i]);
  if (Number.isInteger(idx) && String(idx) === parts[i]) collect(value[idx], parts, i + 1, out);
  else for (const v of value) collect(v, parts, i, out);
}

/** Deep copy of a stored document, so callers can never change what the store holds. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A new document or transaction id, as random as the cloud's. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}
