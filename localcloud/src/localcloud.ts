// Assembles the local cloud from its parts: store, functions, storage, WeChat stand-ins, server.
import path from 'node:path';
import { clock } from './clock';
import { readConfig, type LocalCloudConfig } from './config';
import { loadDemo, type DemoIdentity } from './demo-module';
import { FunctionRuntime } from './functions/runtime';
import { TimerScheduler } from './functions/timers';
import { readManifest } from './manifest';
import { Outbox } from './outbox';
import { LocalCloudServer } from './server';
import { FileStore } from './storage/files';
import { Database } from './store/database';

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
  const demo = loadDemo(config.demoFile);
  if (config.seed === 'demo') {
    if (!demo) throw new Error(`LOCALCLOUD_SEED=demo, but there is no demo at ${config.demoFile} (npm run build makes it)`);
    if (await demo.seedDemo(db, new Date(clock.now()))) console.log('[localcloud] seeded the demo village 和美村');
  }
  const demoIdentities = (): DemoIdentity[] => demo?.demoIdentities(db) ?? [];
  let url = '';
  const runtime = new FunctionRuntime({
    functionsDir: config.functionsDir,
    workerFile: path.join(__dirname, 'worker.js'),
    adminUrl: () => `${url}/admin`,
    envId: config.envId,
    maxInstances: config.maxInstances,
  });
  const files = new FileStore(config.dataDir, config.envId, () => url);
  const server = new LocalCloudServer({
    db,
    runtime,
    files,
    outbox: new Outbox(config.riskyWords),
    appId: config.appId,
    demoIdentities,
    riskyMedia: config.riskyMedia,
    phoneNumbers: config.phoneNumbers,
    messagePushFunction: config.messagePushFunction,
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
