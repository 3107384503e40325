// Runs the deploy CLI as `npm run deploy` / `npm run deploy:check` do (bundled by esbuild into
// build/tools/, whose parent's parent is the project root), without credentials.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './fixture';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

let bundle = '';

function bundled(): string {
  if (bundle) return bundle;
  bundle = path.join(ROOT, 'build', 'tools', `deploy-test-${process.pid}.js`);
  buildSync({
    entryPoints: [path.join(ROOT, 'deploy', 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
    outfile: bundle,
  });
  return bundle;
}

export function removeBundle(): void {
  if (bundle) fs.rmSync(bundle, { force: true });
  bundle = '';
}

/** The CLI with no credentials in its environment: only what node and npm need. */
export function runCli(args: string[]): CliRun {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const run = spawnSync(process.execPath, [bundled(), ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
