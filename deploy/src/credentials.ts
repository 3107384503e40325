// Credentials and targets come only from environment variables, never from files in the
// repository (see the README's "Deploying" section for where each one is found).
import path from 'node:path';

export interface CloudCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
  token: string | undefined;
}

export interface WechatCredentials {
  appid: string;
  /** The code upload key's text (WX_CI_PRIVATE_KEY), or a path to it outside the repository. */
  privateKey: { text: string } | { path: string };
}

export type Env = Record<string, string | undefined>;

export class MissingSettings extends Error {}

function need(env: Env, names: string[]): void {
  const missing = names.filter((n) => !env[n]);
  if (missing.length) throw new MissingSettings(`set ${missing.join(', ')} in the environment (see README, "Deploying")`);
}

export function cloudCredentials(env: Env): CloudCredentials {
  need(env, ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']);
  return {
    envId: env.TCB_ENV_ID ?? '',
    secretId: env.TENCENTCLOUD_SECRETID ?? '',
    secretKey: env.TENCENTCLOUD_SECRETKEY ?? '',
    token: env.TENCENTCLOUD_SESSIONTOKEN || undefined,
  };
}

export function wechatCredentials(env: Env, root: string): WechatCredentials {
  need(env, ['WX_APPID']);
  if (env.WX_CI_PRIVATE_KEY) return { appid: env.WX_APPID ?? '', privateKey: { text: env.WX_CI_PRIVATE_KEY } };
  const file = env.WX_CI_PRIVATE_KEY_PATH;
  if (!file) throw new MissingSettings('set WX_CI_PRIVATE_KEY (the code upload key) or WX_CI_PRIVATE_KEY_PATH in the environment');
  const resolved = path.resolve(file);
  // A key inside the working tree is one `git add` away from being committed.
  if (!path.relative(root, resolved).startsWith('..'))
    throw new MissingSettings(`WX_CI_PRIVATE_KEY_PATH must be outside the repository (${resolved})`);
  return { appid: env.WX_APPID ?? '', privateKey: { path: resolved } };
}
