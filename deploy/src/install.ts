// Installs deploy/'s own dependencies (the official tools) on first real use and loads them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DeployPlan } from './plan';
import type { CloudCredentials, WechatCredentials } from './credentials';
import type { Environment } from './environment';
import { loadTools } from './tools/load';
import { applyPlan } from './tools/apply';
import { readLiveEnvironment } from './tools/live';

export interface Tools {
  apply(plan: DeployPlan, cloud: CloudCredentials, wechat: WechatCredentials, log: (line: string) => void): Promise<void>;
  read(cloud: CloudCredentials): Promise<Environment>;
}

const PACKAGES = ['miniprogram-ci', '@cloudbase/manager-node'];

export async function ensureTools(root: string): Promise<Tools> {
  const dir = path.join(root, 'deploy');
  const installed = PACKAGES.every((p) => fs.existsSync(path.join(dir, 'node_modules', p, 'package.json')));
  if (!installed) {
    console.log('Installing the deployment tools into deploy/node_modules (once; about 290 MB, 1.5 min)…');
    const npm = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (npm.status !== 0) throw new Error(`npm ci --prefix deploy failed (exit ${npm.status ?? 'signal'})`);
  }
  const tools = loadTools(dir);
  return {
    apply: (plan, cloud, wechat, log) => applyPlan(tools, root, plan, cloud, wechat, log),
    read: (cloud) => readLiveEnvironment(tools, cloud),
  };
}
