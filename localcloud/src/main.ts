// `npm run localcloud`: the local cloud as a process. Prints one "LOCALCLOUD_READY <url>" line
// when it accepts requests, and stops cleanly on Ctrl-C or SIGTERM.
// Cloud functions run in UTC, so the whole process does too, unless TZ is set explicitly.
process.env.TZ ??= 'UTC';

import { readConfig } from './config';
import { startLocalCloud } from './localcloud';

async function main(): Promise<void> {
  const config = readConfig();
  const cloud = await startLocalCloud(config);
  console.log(`[localcloud] data in ${config.dataDir}`);
  if (config.now) console.log(`[localcloud] clock set to ${config.now} (LOCALCLOUD_NOW); it runs on from there`);
  console.log(
    `[localcloud] functions from ${config.functionsDir}: ${
      cloud.runtime
        .list()
        .map((f) => f.name)
        .join(', ') || '(none built)'
    }`,
  );
  console.log(`[localcloud] admin API for wx-server-sdk: TCB_CONTEXT_CNFG='{"URL":"${cloud.url}/admin"}'`);
  const identities = cloud.demoIdentities();
  if (identities.length) {
    console.log(`[localcloud] demo identities (send as the x-wx-openid header, or pick one on the home page in local mode):`);
    for (const i of identities) console.log(`    ${i.openid.padEnd(16)} ${i.label}`);
    console.log(
      `[localcloud] try: curl -s -X POST ${cloud.url}/functions/account -H 'x-wx-openid: ${identities[0]?.openid ?? ''}' -d '{"action":"me","payload":{}}'`,
    );
  }
  console.log(`LOCALCLOUD_READY ${cloud.url}`);
  const shutdown = (signal: string): void => {
    console.log(`[localcloud] ${signal}: stopping`);
    cloud.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('[localcloud] failed to start:', e);
  process.exit(1);
});
