// Reads a real environment through @cloudbase/manager-node, in the plan's terms: collections with
// their indexes and rules, the storage rule, and each function's timeout, triggers and the
// cloud-call permissions of the config.json it was uploaded with.
import * as z from 'zod';
import { parseFunctionConfig, type TimerTrigger } from '../function-config';
import type { Environment, LiveCollection, LiveFunction } from '../environment';
import type { CloudCredentials } from '../credentials';
import type { CloudBaseManager, LoadedTools } from './load';
import { readZipEntry } from './zip';

const PAGE = 100;
const collectionsPage = z.object({
  Collections: z.array(z.object({ CollectionName: z.string() })),
  Pager: z.object({ Total: z.number() }),
});
const collectionDetail = z.object({
  Indexes: z
    .array(
      z.object({
        Name: z.string(),
        Keys: z.array(z.object({ Name: z.string(), Direction: z.union([z.string(), z.number()]) })),
        Unique: z.boolean().optional(),
      }),
    )
    .optional(),
});
const aclAnswer = z.object({ AclTag: z.string().optional() });
const functionList = z.array(z.object({ FunctionName: z.string() }));
const functionDetail = z.object({
  Timeout: z.number(),
  Triggers: z.array(z.object({ TriggerName: z.string(), Type: z.string(), TriggerDesc: z.string().optional() })).optional(),
});
const downloadUrl = z.object({ Url: z.string() });

async function readCollection(m: CloudBaseManager, envId: string, name: string): Promise<LiveCollection> {
  const detail = collectionDetail.parse(await m.database.describeCollection(name));
  const acl = aclAnswer.parse(
    await m.commonService().call({ Action: 'DescribeDatabaseACL', Param: { CollectionName: name, EnvId: envId } }),
  );
  return {
    name,
    indexes: (detail.Indexes ?? []).map((i) => ({
      name: i.Name,
      keys: i.Keys.map((k) => ({ field: k.Name, direction: Number(k.Direction) === -1 ? -1 : 1 })),
      unique: i.Unique === true,
    })),
    acl: acl.AclTag ?? null,
  };
}

async function collectionNames(m: CloudBaseManager): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = collectionsPage.parse(await m.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset }));
    names.push(...page.Collections.map((c) => c.CollectionName));
    if (offset + PAGE >= page.Pager.Total || !page.Collections.length) return names;
  }
}

/** A timer trigger's TriggerDesc is the cron, bare or as {"cron": "…"}. */
function cronOf(desc: string | undefined): string {
  if (!desc) return '';
  try {
    const parsed: unknown = JSON.parse(desc);
    const cron = z.object({ cron: z.string() }).safeParse(parsed);
    return cron.success ? cron.data.cron : desc;
  } catch {
    return desc;
  }
}

async function uploadedPermissions(m: CloudBaseManager, name: string): Promise<string[] | null> {
  try {
    const { Url } = downloadUrl.parse(await m.functions.getFunctionDownloadUrl(name));
    const res = await fetch(Url);
    if (!res.ok) return null;
    const config = readZipEntry(Buffer.from(await res.arrayBuffer()), 'config.json');
    const parsed = parseFunctionConfig(config ? config.toString('utf8') : null);
    return parsed.ok ? parsed.config.openapi : null;
  } catch {
    return null;
  }
}

async function readFunction(m: CloudBaseManager, name: string): Promise<LiveFunction> {
  const detail = functionDetail.parse(await m.functions.getFunctionDetail(name));
  const triggers: TimerTrigger[] = (detail.Triggers ?? [])
    .filter((t) => t.Type === 'timer')
    .map((t) => ({ name: t.TriggerName, type: 'timer', config: cronOf(t.TriggerDesc) }));
  return { name, timeout: detail.Timeout, triggers, openapi: await uploadedPermissions(m, name) };
}

export async function readLiveEnvironment(tools: LoadedTools, cloud: CloudCredentials): Promise<Environment> {
  const m = tools.manager(cloud);
  const names = await collectionNames(m);
  const collections: LiveCollection[] = [];
  for (const name of names) collections.push(await readCollection(m, cloud.envId, name));
  const fnNames = functionList.parse(await m.functions.listFunctions(PAGE, 0)).map((f) => f.FunctionName);
  const functions: LiveFunction[] = [];
  for (const name of fnNames) functions.push(await readFunction(m, name));
  const storageAcl = z.string().parse(await m.storage.getStorageAcl());
  return { source: `environment ${cloud.envId}`, collections, functions, storageAcl, hasRules: true };
}
