// The type checks MongoDB makes before an update and mingo does not: mingo silently skips `$inc` on
// a string, `$push` on a number or `$set` of "a.b" when "a" is a number, so a write the cloud
// refuses would look successful here and change nothing.
import { isPlainObject, type Doc } from '../ejson';
import { invalidParam } from './errors';

const NUMERIC = new Set(['$inc', '$mul']);
const ARRAY = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);
/** Operators that create the path they name, so a scalar on the way is an error. */
const CREATING = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate']);

interface PathEnd {
  /** The value at the path; undefined when the path does not reach one. */
  value: unknown;
  /** The segment that cannot be created because its parent is a scalar (or an array). */
  blocked: { field: string; parent: string; value: unknown } | null;
}

function walk(doc: Doc, path: string): PathEnd {
  const parts = path.split('.');
  let cur: unknown = doc;
  let parentName = '';
  for (const part of parts) {
    // Positional operators ($, $[], $[id]) are resolved by the matcher; nothing to check statically.
    if (part.startsWith('$')) return { value: undefined, blocked: null };
    if (cur === undefined) return { value: undefined, blocked: null };
    if (Array.isArray(cur)) {
      const idx = Number(part);
      if (!Number.isInteger(idx) || idx < 0 || String(idx) !== part) {
        return { value: undefined, blocked: { field: part, parent: parentName, value: cur } };
      }
      cur = cur[idx];
    } else if (isPlainObject(cur)) {
      cur = cur[part];
    } else {
      return { value: undefined, blocked: { field: part, parent: parentName, value: cur } };
    }
    parentName = part;
  }
  return { value: cur, blocked: null };
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  return typeof v;
}

/** Throws, with MongoDB's wording, when `update` (operators on dotted paths) cannot apply to `doc`. */
export function checkUpdateTypes(doc: Doc, update: Doc): void {
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) checkPath(doc, op, path);
  }
}

/** One operator on one path: a field it would create under a non-object, or a value of the wrong type. */
function checkPath(doc: Doc, op: string, path: string): void {
  const { value, blocked } = walk(doc, path);
  if (blocked && CREATING.has(op)) {
    throw invalidParam(`Cannot create field '${blocked.field}' in element {${blocked.parent}: ${JSON.stringify(blocked.value)}}`);
  }
  if (value === undefined) return;
  if (NUMERIC.has(op) && typeof value !== 'number') {
    throw invalidParam(
      `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(value)}`,
    );
  }
  if (ARRAY.has(op) && !Array.isArray(value)) {
    throw invalidParam(`Cannot apply ${op} to a non-array field. Field named '${path}' has a non-array type ${typeName(value)}`);
  }
}
