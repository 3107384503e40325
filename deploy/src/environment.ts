// What a live environment holds, in the plan's terms, whoever read it: the real cloud (through
// manager-node, tools/live.ts) or a local cloud (GET /_localcloud/environment, below).
import * as z from 'zod';
import { parseFunctionConfig, type TimerTrigger } from './function-config';
import type { IndexPlan } from './manifest';

export interface LiveCollection {
  name: string;
  indexes: IndexPlan[];
  /** The collection's AclTag; null where the environment has no security rules to read. */
  acl: string | null;
}

export interface LiveFunction {
  name: string;
  /** Seconds. */
  timeout: number;
  triggers: TimerTrigger[];
  /** The cloud-call APIs the function may use; null where they could not be read. */
  openapi: string[] | null;
}

export interface Environment {
  /** Where it was read from, for the report. */
  source: string;
  collections: LiveCollection[];
  functions: LiveFunction[];
  /** The storage AclTag; null where the environment has no storage rules to read. */
  storageAcl: string | null;
  /** Whether security rules exist there at all (a local cloud has none: it serves only functions). */
  hasRules: boolean;
}

const localDescription = z.object({
  collections: z.array(
    z.object({
      name: z.string(),
      indexes: z.array(
        z.object({
          name: z.string(),
          keys: z.array(z.object({ field: z.string(), direction: z.union([z.literal(1), z.literal(-1)]) })),
          unique: z.boolean().optional(),
        }),
      ),
    }),
  ),
  functions: z.array(z.object({ name: z.string(), config: z.string().nullable() })),
});

/**
 * The environment a local cloud describes at GET /_localcloud/environment: the collections and
 * indexes its store holds, and the config.json of every function it serves (read as the cloud reads
 * it). It has no security rules: nothing but the functions reaches its database or storage.
 */
export function localEnvironment(source: string, body: unknown): Environment {
  const parsed = localDescription.parse(body);
  return {
    source,
    collections: parsed.collections.map((c) => ({
      name: c.name,
      indexes: c.indexes.map((i) => ({ name: i.name, keys: i.keys, unique: i.unique === true })),
      acl: null,
    })),
    functions: parsed.functions.map((f) => {
      const config = parseFunctionConfig(f.config);
      if (!config.ok) throw new Error(`${source}: function ${f.name}: ${config.problem}`);
      return { name: f.name, timeout: config.config.timeout, triggers: config.config.triggers, openapi: config.config.openapi };
    }),
    storageAcl: null,
    hasRules: false,
  };
}

/** Reads the environment of the local cloud at `url`. */
export async function readLocalEnvironment(url: string): Promise<Environment> {
  const base = url.replace(/\/$/, '');
  const res = await fetch(`${base}/_localcloud/environment`);
  if (!res.ok) throw new Error(`${base}/_localcloud/environment answered ${res.status}`);
  return localEnvironment(`the local cloud at ${base}`, await res.json());
}
