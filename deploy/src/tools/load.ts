// Loads miniprogram-ci and @cloudbase/manager-node from deploy/node_modules. Their types are not
// installed with the project (the packages are not), so the few calls we make are described here
// and checked when the modules load; every answer is parsed where it is used (tools/live.ts).
import { createRequire } from 'node:module';
import path from 'node:path';

export type CiProject = object;

export interface ProjectOptions {
  appid: string;
  type: 'miniProgram';
  projectPath: string;
  privateKey?: string;
  privateKeyPath?: string;
  ignores?: string[];
}

export interface MiniprogramCi {
  Project: new (options: ProjectOptions) => CiProject;
  upload(options: { project: CiProject; version: string; desc: string; setting: Record<string, boolean>; robot: number }): Promise<unknown>;
  cloud: {
    uploadFunction(options: { project: CiProject; env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<unknown>;
    createTimeTrigger(options: {
      project: CiProject;
      envId: string;
      functionName: string;
      triggersConfig: { name: string; type: string; config: string }[];
    }): Promise<unknown>;
  };
}

export interface ManagerConfig {
  secretId: string;
  secretKey: string;
  token?: string | undefined;
  envId: string;
}

export interface CloudBaseManager {
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>;
    checkIndexExists(collection: string, index: string): Promise<unknown>;
    describeCollection(name: string): Promise<unknown>;
    listCollections(options: { MgoLimit: number; MgoOffset: number }): Promise<unknown>;
    updateCollection(
      name: string,
      change: {
        CreateIndexes: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[];
      },
    ): Promise<unknown>;
  };
  functions: {
    listFunctions(limit: number, offset: number): Promise<unknown>;
    getFunctionDetail(name: string): Promise<unknown>;
    createFunction(param: {
      func: { name: string; runtime: string; timeout: number; handler: string; installDependency: boolean };
      functionRootPath: string;
      force: boolean;
    }): Promise<unknown>;
    updateFunctionConfig(func: { name: string; timeout: number }): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
    getFunctionDownloadUrl(name: string): Promise<unknown>;
  };
  storage: {
    getStorageAcl(): Promise<unknown>;
    setStorageAcl(acl: string): Promise<unknown>;
  };
  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

export interface LoadedTools {
  ci: MiniprogramCi;
  manager: (config: ManagerConfig) => CloudBaseManager;
}

function hasFunctions(value: unknown, names: string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((n) => n in value && typeof Reflect.get(value, n) === 'function');
}

function isCi(m: unknown): m is MiniprogramCi {
  return (
    hasFunctions(m, ['Project', 'upload']) &&
    typeof m === 'object' &&
    m !== null &&
    hasFunctions(Reflect.get(m, 'cloud'), ['uploadFunction', 'createTimeTrigger'])
  );
}

function isManager(m: unknown): m is CloudBaseManager {
  if (typeof m !== 'object' || m === null) return false;
  return (
    hasFunctions(Reflect.get(m, 'database'), [
      'createCollectionIfNotExists',
      'checkIndexExists',
      'describeCollection',
      'listCollections',
      'updateCollection',
    ]) &&
    hasFunctions(Reflect.get(m, 'functions'), [
      'listFunctions',
      'getFunctionDetail',
      'createFunction',
      'updateFunctionConfig',
      'deleteFunctionTrigger',
      'getFunctionDownloadUrl',
    ]) &&
    hasFunctions(Reflect.get(m, 'storage'), ['getStorageAcl', 'setStorageAcl']) &&
    hasFunctions(m, ['commonService'])
  );
}

export function loadTools(deployDir: string): LoadedTools {
  const req = createRequire(path.join(deployDir, 'package.json'));
  const ci: unknown = req('miniprogram-ci');
  if (!isCi(ci)) throw new Error('miniprogram-ci does not offer Project, upload, cloud.uploadFunction and cloud.createTimeTrigger');
  const CloudBase: unknown = req('@cloudbase/manager-node');
  if (typeof CloudBase !== 'function') throw new Error('@cloudbase/manager-node does not export the CloudBase class');
  return {
    ci,
    manager: (config) => {
      const instance: unknown = Reflect.construct(CloudBase, [config]);
      if (!isManager(instance))
        throw new Error('@cloudbase/manager-node lacks the database, functions, storage or commonService calls used here');
      return instance;
    },
  };
}
