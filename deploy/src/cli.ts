// npm run deploy [-- --dry-run] and npm run deploy:check [-- --local <url>].
// The plan and the comparison are ours (no dependencies); the official tools (miniprogram-ci,
// @cloudbase/manager-node) live in deploy/node_modules, installed on first real use, so neither
// the everyday `npm ci` nor a dry run carries their ~290 MB.
import path from 'node:path';
import { diffEnvironment } from './diff';
import { readLocalEnvironment, type Environment } from './environment';
import { buildPlan, type DeployPlan } from './plan';
import { formatDifferences, formatPlan } from './print';
import { cloudCredentials, MissingSettings, wechatCredentials, type Env } from './credentials';
import { ensureTools } from './install';

/** build/tools/deploy.js → the project root. */
const ROOT = path.resolve(__dirname, '..', '..');

function planFrom(env: Env): DeployPlan {
  return buildPlan(ROOT, { envId: env.TCB_ENV_ID, appid: env.WX_APPID, version: env.DEPLOY_VERSION, desc: env.DEPLOY_DESC });
}

async function deploy(args: string[], env: Env): Promise<number> {
  const plan = planFrom(env);
  console.log(formatPlan(plan));
  if (args.includes('--dry-run')) return plan.problems.length ? 1 : 0;
  if (plan.problems.length) {
    console.error('\nNot deploying: fix the problems above first.');
    return 1;
  }
  const cloud = cloudCredentials(env);
  const wechat = wechatCredentials(env, ROOT);
  const tools = await ensureTools(ROOT);
  console.log('');
  await tools.apply(plan, cloud, wechat, (line) => console.log(line));
  console.log('\nDeployed. Compare with `npm run deploy:check`.');
  return 0;
}

async function check(args: string[], env: Env): Promise<number> {
  const plan = planFrom(env);
  const at = args.indexOf('--local');
  let live: Environment;
  const notes: string[] = [];
  if (at >= 0) {
    live = await readLocalEnvironment(args[at + 1] ?? 'http://127.0.0.1:3800');
    notes.push('security rules not compared: a local cloud has none (only the functions reach its database and storage)');
  } else {
    const tools = await ensureTools(ROOT);
    live = await tools.read(cloudCredentials(env));
  }
  const differences = diffEnvironment(plan, live);
  console.log(formatDifferences(live.source, differences, notes));
  if (plan.problems.length) console.log(`\nThe build itself has ${plan.problems.length} problems: run npm run deploy -- --dry-run`);
  return differences.length || plan.problems.length ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'deploy') return deploy(args, process.env);
  if (command === 'check') return check(args, process.env);
  console.error('usage: deploy.js deploy [--dry-run] | check [--local <url>]');
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof MissingSettings ? e.message : e);
    process.exitCode = 1;
  },
);
