// Carries out the plan in a real environment with the official tools, step by step, each step
// safe to repeat: collections and indexes (manager-node), database and storage rules, functions
// (created with the plan's runtime when new, code uploaded with miniprogram-ci as DevTools does,
// timeout set, timer triggers replaced), then the mini-program upload.
import path from 'node:path';
import type { CloudCredentials, WechatCredentials } from '../credentials';
import { describeIndex } from '../diff';
import type { CollectionPlan, DeployPlan, FunctionPlan } from '../plan';
import type { CiProject, CloudBaseManager, LoadedTools } from './load';
import { readLiveEnvironment } from './live';
import { stageMiniprogram } from './stage';

type Log = (line: string) => void;
const TRIGGER_CREATED = '创建定时触发器成功';

async function applyCollection(
  m: CloudBaseManager,
  envId: string,
  c: CollectionPlan,
  live: Map<string, string[]>,
  log: Log,
): Promise<void> {
  await m.database.createCollectionIfNotExists(c.name);
  // An index of the same name with other keys is recreated: updateCollection drops it first.
  const have = new Set(live.get(c.name) ?? []);
  const create = c.indexes.filter((i) => !have.has(`${i.name} ${describeIndex(i)}`));
  if (create.length) {
    await m.database.updateCollection(c.name, {
      CreateIndexes: create.map((i) => ({
        IndexName: i.name,
        MgoKeySchema: { MgoIndexKeys: i.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })), MgoIsUnique: i.unique },
      })),
    });
  }
  await m.commonService().call({ Action: 'ModifyDatabaseACL', Param: { CollectionName: c.name, EnvId: envId, AclTag: c.acl } });
  log(`  collection ${c.name}: ${create.length ? `created ${create.map((i) => i.name).join(', ')}` : 'indexes in place'}; rule ${c.acl}`);
}

async function applyFunction(
  tools: LoadedTools,
  m: CloudBaseManager,
  project: CiProject,
  root: string,
  envId: string,
  f: FunctionPlan,
  exists: boolean,
  liveTriggers: string[],
  log: Log,
): Promise<void> {
  const dir = path.join(root, f.dir);
  if (!exists) {
    // miniprogram-ci would create it with Node 8.9; our bundles need the plan's runtime.
    await m.functions.createFunction({
      func: { name: f.name, runtime: f.runtime, timeout: f.timeout, handler: 'index.main', installDependency: true },
      functionRootPath: path.dirname(dir),
      force: false,
    });
  }
  await tools.ci.cloud.uploadFunction({ project, env: envId, name: f.name, path: dir, remoteNpmInstall: true });
  await m.functions.updateFunctionConfig({ name: f.name, timeout: f.timeout });
  for (const t of liveTriggers) await m.functions.deleteFunctionTrigger(f.name, t);
  if (f.triggers.length) {
    const answer = await tools.ci.cloud.createTimeTrigger({ project, envId, functionName: f.name, triggersConfig: f.triggers });
    if (answer !== TRIGGER_CREATED) throw new Error(`function ${f.name}: createTimeTrigger answered ${String(answer)}`);
  }
  log(`  function ${f.name}: code uploaded, timeout ${f.timeout} s, triggers ${f.triggers.map((t) => t.name).join(', ') || 'none'}`);
}

export async function applyPlan(
  tools: LoadedTools,
  root: string,
  plan: DeployPlan,
  cloud: CloudCredentials,
  wechat: WechatCredentials,
  log: Log,
): Promise<void> {
  const m = tools.manager(cloud);
  const keyOption = 'text' in wechat.privateKey ? { privateKey: wechat.privateKey.text } : { privateKeyPath: wechat.privateKey.path };
  const functionsProject = new tools.ci.Project({
    appid: wechat.appid,
    type: 'miniProgram',
    projectPath: root,
    ...keyOption,
    ignores: ['node_modules/**/*'],
  });
  const before = await readLiveEnvironment(tools, cloud);
  log('Database');
  const liveIndexes = new Map(before.collections.map((c) => [c.name, c.indexes.map((i) => `${i.name} ${describeIndex(i)}`)]));
  for (const c of plan.collections) await applyCollection(m, cloud.envId, c, liveIndexes, log);
  log('Storage');
  await m.storage.setStorageAcl(plan.storageAcl);
  log(`  rule ${plan.storageAcl}`);
  log('Functions');
  const liveFunctions = new Map(before.functions.map((f) => [f.name, f.triggers.map((t) => t.name)]));
  for (const f of plan.functions)
    await applyFunction(tools, m, functionsProject, root, cloud.envId, f, liveFunctions.has(f.name), liveFunctions.get(f.name) ?? [], log);
  log('Mini-program');
  const staged = stageMiniprogram(root, plan.miniprogram);
  const project = new tools.ci.Project({
    appid: wechat.appid,
    type: 'miniProgram',
    projectPath: staged,
    ...keyOption,
    ignores: ['node_modules/**/*'],
  });
  await tools.ci.upload({
    project,
    version: plan.miniprogram.version,
    desc: plan.miniprogram.desc,
    setting: { es6: true, enhance: true, minified: true },
    robot: 1,
  });
  log(`  uploaded version ${plan.miniprogram.version} from ${path.relative(root, staged)}`);
}
