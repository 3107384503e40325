// The deployment plan: everything `npm run deploy` creates or sets in a WeChat cloud environment,
// read from the build (build/database.json, build/cloudfunctions/<fn>/config.json) and the project
// (project.config.json, package.json). Pure reading: no credentials, no network, no tools, so
// `npm run deploy -- --dry-run` and the tests use it as it is.
import fs from 'node:fs';
import path from 'node:path';
import { parseFunctionConfig, type TimerTrigger } from './function-config';
import { parseDatabaseManifest, type IndexPlan } from './manifest';
import { DATABASE_ACL, STORAGE_ACL } from './rules';

export interface CollectionPlan {
  name: string;
  indexes: IndexPlan[];
  /** The collection's simple permission (AclTag). */
  acl: string;
}

export interface FunctionPlan {
  name: string;
  /** The built folder uploaded as the function's code. */
  dir: string;
  files: string[];
  /** Seconds. */
  timeout: number;
  timeoutDeclared: boolean;
  triggers: TimerTrigger[];
  openapi: string[];
  /** The cloud-call APIs the bundled code calls (cloud.openapi.<module>.<method>). */
  openapiUsed: string[];
  /** The dependencies the cloud installs (remote npm install). */
  dependencies: Record<string, string>;
  /** The runtime a new function is created with (the bundles target node16: localcloud/build.mjs). */
  runtime: string;
}

export interface MiniprogramPlan {
  appid: string;
  projectPath: string;
  miniprogramRoot: string;
  version: string;
  desc: string;
  /** The transport the uploaded code is built with: always the cloud, in the plan's environment. */
  config: { mode: 'cloud'; envId: string };
}

export interface DeployPlan {
  /** The target environment; a placeholder when TCB_ENV_ID is not set (dry run). */
  envId: string;
  collections: CollectionPlan[];
  storageAcl: string;
  functions: FunctionPlan[];
  miniprogram: MiniprogramPlan;
  /** What keeps the build from being deployed as it is (the plan is printed anyway). */
  problems: string[];
}

export interface PlanSettings {
  envId?: string | undefined;
  appid?: string | undefined;
  version?: string | undefined;
  desc?: string | undefined;
}

export const ENV_PLACEHOLDER = '$TCB_ENV_ID';
export const APPID_PLACEHOLDER = '$WX_APPID';
/** The cloud runtime matching the bundles' target. */
export const RUNTIME = 'Nodejs16.13';
/** WeChat's cloud allows one timer trigger per function. */
export const MAX_TRIGGERS = 1;

function readText(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

function jsonObject(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The cloud calls a bundle makes, found by their one spelling in our code: cloud.openapi.<module>.<method>. */
export function openapiCalls(code: string): string[] {
  return [...new Set([...code.matchAll(/\bopenapi\.([A-Za-z]+)\.([A-Za-z]+)\b/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

function planFunction(root: string, name: string, problems: string[]): FunctionPlan {
  const dir = path.join(root, 'build', 'cloudfunctions', name);
  const result = parseFunctionConfig(readText(path.join(dir, 'config.json')));
  if (!result.ok) problems.push(`function ${name}: ${result.problem}`);
  const config = result.ok ? result.config : { timeout: 0, timeoutDeclared: false, triggers: [], openapi: [] };
  if (config.triggers.length > MAX_TRIGGERS) {
    problems.push(`function ${name}: ${config.triggers.length} timer triggers; WeChat cloud takes ${MAX_TRIGGERS} per function`);
  }
  if (result.ok && !config.timeoutDeclared)
    problems.push(`function ${name}: no timeout in config.json (the cloud gives it ${config.timeout} s)`);
  const openapiUsed = openapiCalls(readText(path.join(dir, 'index.js')) ?? '');
  const undeclared = openapiUsed.filter((api) => !config.openapi.includes(api));
  // Production refuses an undeclared cloud call (errCode -604101): every one of these would fail there.
  if (undeclared.length) problems.push(`function ${name}: calls ${undeclared.join(', ')} without declaring it in permissions.openapi`);
  const pkg = jsonObject(readText(path.join(dir, 'package.json')));
  return {
    name,
    dir: path.relative(root, dir),
    files: fs
      .readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort(),
    timeout: config.timeout,
    timeoutDeclared: config.timeoutDeclared,
    triggers: config.triggers,
    openapi: config.openapi,
    openapiUsed,
    dependencies: stringRecord(pkg.dependencies),
    runtime: RUNTIME,
  };
}

function planCollections(root: string, problems: string[]): CollectionPlan[] {
  const text = readText(path.join(root, 'build', 'database.json'));
  if (text === null) {
    problems.push('build/database.json is missing: run npm run build');
    return [];
  }
  return parseDatabaseManifest(text).map((c) => ({ ...c, acl: DATABASE_ACL }));
}

function planFunctions(root: string, problems: string[]): FunctionPlan[] {
  const fnRoot = path.join(root, 'build', 'cloudfunctions');
  const names = fs.existsSync(fnRoot)
    ? fs
        .readdirSync(fnRoot)
        .filter((n) => fs.existsSync(path.join(fnRoot, n, 'index.js')))
        .sort()
    : [];
  if (!names.length) problems.push('build/cloudfunctions/ has no functions: run npm run build');
  return names.map((name) => planFunction(root, name, problems));
}

function planMiniprogram(root: string, settings: PlanSettings, envId: string, problems: string[]): MiniprogramPlan {
  const project = jsonObject(readText(path.join(root, 'project.config.json')));
  const pkg = jsonObject(readText(path.join(root, 'package.json')));
  const projectAppid = typeof project.appid === 'string' ? project.appid : '';
  // The committed project uses DevTools' tourist appid, which cannot be uploaded.
  const appid = settings.appid || (projectAppid && projectAppid !== 'touristappid' ? projectAppid : APPID_PLACEHOLDER);
  const version = settings.version || (typeof pkg.version === 'string' ? pkg.version : '0.0.0');
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`mini-program version "${version}" is not x.y.z`);
  return {
    appid,
    projectPath: '.',
    miniprogramRoot: typeof project.miniprogramRoot === 'string' ? project.miniprogramRoot : 'miniprogram/',
    version,
    desc: settings.desc || `hemeicun ${version}`,
    config: { mode: 'cloud', envId },
  };
}

/** Builds the plan from the project at `root` (after `npm run build`). */
export function buildPlan(root: string, settings: PlanSettings = {}): DeployPlan {
  const problems: string[] = [];
  const envId = settings.envId || ENV_PLACEHOLDER;
  const collections = planCollections(root, problems);
  const functions = planFunctions(root, problems);
  const miniprogram = planMiniprogram(root, settings, envId, problems);
  return { envId, collections, storageAcl: STORAGE_ACL, functions, miniprogram, problems };
}
