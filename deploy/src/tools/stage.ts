// The mini-program is uploaded from a staged copy (build/deploy/miniprogram-upload/) whose
// miniprogram/config.ts says mode "cloud" and the plan's envId: the committed config stays in
// local mode for development, and the upload never carries the local transport by mistake.
import fs from 'node:fs';
import path from 'node:path';
import type { MiniprogramPlan } from '../plan';

export function stagedConfig(source: string, envId: string): string {
  const mode = /mode:\s*'(?:local|cloud)'/;
  const env = /envId:\s*'[^']*'/;
  if (!mode.test(source) || !env.test(source)) throw new Error('miniprogram/config.ts no longer has `mode:` and `envId:` to set');
  return source.replace(mode, "mode: 'cloud'").replace(env, `envId: '${envId}'`);
}

export function stageMiniprogram(root: string, plan: MiniprogramPlan): string {
  const out = path.join(root, 'build', 'deploy', 'miniprogram-upload');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const mpRoot = plan.miniprogramRoot.replace(/\/$/, '');
  fs.cpSync(path.join(root, mpRoot), path.join(out, mpRoot), { recursive: true });
  const project: unknown = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  fs.writeFileSync(
    path.join(out, 'project.config.json'),
    `${JSON.stringify({ ...(typeof project === 'object' ? project : {}), appid: plan.appid }, null, 2)}\n`,
  );
  const configFile = path.join(out, mpRoot, 'config.ts');
  fs.writeFileSync(configFile, stagedConfig(fs.readFileSync(configFile, 'utf8'), plan.config.envId));
  return out;
}
