// Reads build/database.json (generated from cloudfunctions/shared/collections.ts): the collections
// and indexes a deployment creates.
import * as z from 'zod';

const indexKey = z.strictObject({ field: z.string().min(1), direction: z.union([z.literal(1), z.literal(-1)]) });
const index = z.strictObject({ name: z.string().min(1), keys: z.array(indexKey).min(1), unique: z.boolean().optional() });
const manifest = z.strictObject({ collections: z.array(z.strictObject({ name: z.string().min(1), indexes: z.array(index) })) });

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexPlan {
  name: string;
  keys: IndexKey[];
  unique: boolean;
}

export interface CollectionIndexes {
  name: string;
  indexes: IndexPlan[];
}

export function parseDatabaseManifest(text: string): CollectionIndexes[] {
  const parsed = manifest.parse(JSON.parse(text));
  return parsed.collections.map((c) => ({
    name: c.name,
    indexes: c.indexes.map((i) => ({ name: i.name, keys: i.keys, unique: i.unique === true })),
  }));
}
