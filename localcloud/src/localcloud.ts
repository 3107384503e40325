// Assembles the local cloud from its parts: store, functions, storage, WeChat stand-ins, server.
import path from 'node:path';
import type { DemoIdentity } from '../../typings';
import { clock } from './clock';
import { readConfig, type LocalCloudConfig } from './config';
import { FunctionRuntime } from './functions/runtime';
import { TimerScheduler } from './functions/timers';
import { readManifest } from './manifest';
import { Outbox } from './outbox';
import { LocalCloudServer } from './server';
import { FileStore } from './storage/files';
import { Database } from './store/database';
import { DEMO_IDENTITIES, seedDemo } from './seed/demo';
import { C } from '../../cloudfunctions/shared/collections';

export interface LocalCloud {
  url: string;
  config: LocalCloudConfig;
  db: Database;
  runtime: FunctionRuntime;
  demoIdentities: () => DemoIdentity[];
  stop(): Promise<void>;
}

export async function startLocalCloud(config: LocalCloudConfig = readConfig()): Promise<LocalCloud> {
  const db = new Database(config.scanWarnThreshold);
  db.open(path.join(config.dataDir, 'db'));
  await db.applyManifest(readManifest(config.manifestFile));
  // The clock is set before anything is seeded: the demo's history ends at the clock's "now".
  if (config.now) clock.start(config.now);
  if (config.seed === 'demo' && (await seedDemo(db, new Date(clock.now())))) console.log('[localcloud] seeded the demo village 和美村');
  // Only the demo identities the store really holds (none after LOCALCLOUD_SEED=none).
  const demoIdentities = (): DemoIdentity[] => {
    if (!db.collectionNames().includes(C.users)) return [];
    const present = new Set(db.find(C.users, {}, { limit: 1000, projection: { _id: 1 } }).map((u) => u._id));
    return DEMO_IDENTITIES.filter((i) => present.has(i.openid));
  };
  let url = '';
  const runtime = new FunctionRuntime({
    functionsDir: config.functionsDir,
    workerFile: path.join(__dirname, 'worker.js'),
    adminUrl: () => `${url}/admin`,
    envId: config.envId,
    maxInstances: config.maxInstances,
    defaultTimeoutMs: config.functionTimeoutMs,
  });
  const files = new FileStore(config.dataDir, config.envId, () => url);
  const server = new LocalCloudServer({
    db,
    runtime,
    files,
    outbox: new Outbox(config.riskyWords),
    appId: config.appId,
    demoIdentities,
  });
  url = await server.listen(config.port);
  const timers = new TimerScheduler(runtime);
  if (config.timers) timers.start();
  let stopped = false;
  return {
    url,
    config,
    db,
    runtime,
    demoIdentities,
    async stop() {
      if (stopped) return;
      stopped = true;
      timers.stop();
      await server.close();
      await runtime.close();
      db.close();
    },
  };
}
