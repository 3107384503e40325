// Reads the project's collection and index manifest (build/database.json, generated from
// cloudfunctions/shared/collections.ts): the same list a deployment creates in the cloud console.
import fs from 'node:fs';
import { isPlainObject } from './ejson';
import type { CollectionManifest } from './store/database';
import type { IndexKey, IndexSpec } from './store/indexes';

function indexKey(raw: unknown): IndexKey {
  if (!isPlainObject(raw) || typeof raw.field !== 'string' || (raw.direction !== 1 && raw.direction !== -1)) {
    throw new Error(`bad index key ${JSON.stringify(raw)}`);
  }
  return { field: raw.field, direction: raw.direction };
}

function indexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw) || typeof raw.name !== 'string' || !Array.isArray(raw.keys) || !raw.keys.length) {
    throw new Error(`bad index ${JSON.stringify(raw)}`);
  }
  return { name: raw.name, keys: raw.keys.map(indexKey), unique: raw.unique === true };
}

export function parseManifest(raw: unknown): CollectionManifest[] {
  if (!isPlainObject(raw) || !Array.isArray(raw.collections)) throw new Error('manifest needs a "collections" list');
  return raw.collections.map((c: unknown) => {
    if (!isPlainObject(c) || typeof c.name !== 'string') throw new Error(`bad collection ${JSON.stringify(c)}`);
    return { name: c.name, indexes: Array.isArray(c.indexes) ? c.indexes.map(indexSpec) : [] };
  });
}

export function readManifest(file: string): CollectionManifest[] {
  if (!fs.existsSync(file)) return [];
  return parseManifest(JSON.parse(fs.readFileSync(file, 'utf8')));
}
