// GET /_localcloud/environment: what this local cloud holds, in a deployment's terms, for
// `npm run deploy:check -- --local <url>` (deploy/src/environment.ts reads it): the collections
// and indexes of its store, and the config.json of every function it serves, as the file says.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './store/database';
import type { FunctionRuntime } from './functions/runtime';
import type { IndexSpec } from './store/indexes';

export interface EnvironmentDescription {
  collections: { name: string; indexes: IndexSpec[] }[];
  functions: { name: string; config: string | null }[];
}

export function describeEnvironment(db: Database, runtime: FunctionRuntime): EnvironmentDescription {
  return {
    collections: db
      .collectionNames()
      .sort()
      .map((name) => ({ name, indexes: db.indexesOf(name) })),
    functions: runtime.list().map((f) => {
      const file = path.join(path.dirname(f.file), 'config.json');
      return { name: f.name, config: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null };
    }),
  };
}
