// An in-memory stand-in for the two official tools' remote ends, answering in the shapes their
// documentation and type declarations give (manager-node 5.6.5, miniprogram-ci 2.1.42). It lets
// the tests run the deploy's orchestration (tools/apply.ts, tools/live.ts) and check that what it
// leaves behind reads back as the plan. It says nothing about the real services (README).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { CloudBaseManager, LoadedTools, MiniprogramCi, ProjectOptions } from '../../deploy/src/tools/load';

interface FakeIndex {
  Name: string;
  Keys: { Name: string; Direction: string }[];
  Unique: boolean;
}

interface FakeFunction {
  Timeout: number;
  Runtime: string;
  Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[];
  code: Buffer | null;
}

/** A zip of a folder's files (deflated), as uploadFunction packs it. */
export function zipFolder(dir: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    const data = zlib.deflateRawSync(fs.readFileSync(path.join(dir, name)));
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export class FakeCloud {
  readonly collections = new Map<string, { indexes: Map<string, FakeIndex>; acl: string }>();
  readonly functions = new Map<string, FakeFunction>();
  storageAcl = 'READONLY';
  uploads: { appid: string; projectPath: string; version: string; config: string }[] = [];
  calls: string[] = [];

  private fn(name: string): FakeFunction {
    const f = this.functions.get(name);
    if (!f) throw new Error(`ResourceNotFound.Function: ${name}`);
    return f;
  }

  private collection(name: string): { indexes: Map<string, FakeIndex>; acl: string } {
    const c = this.collections.get(name);
    if (!c) throw new Error(`ResourceNotFound: collection ${name}`);
    return c;
  }

  manager(): CloudBaseManager {
    const cloud = this;
    return {
      database: {
        async createCollectionIfNotExists(name) {
          const exists = cloud.collections.has(name);
          if (!exists) cloud.collections.set(name, { indexes: new Map(), acl: 'PRIVATE' });
          return { IsCreated: !exists, ExistsResult: { Exists: exists } };
        },
        async checkIndexExists(collection, index) {
          return { Exists: cloud.collection(collection).indexes.has(index) };
        },
        async describeCollection(name) {
          const c = cloud.collection(name);
          return {
            Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...c.indexes.values()],
            IndexNum: c.indexes.size + 1,
          };
        },
        async listCollections({ MgoLimit, MgoOffset }) {
          const names = [...cloud.collections.keys()];
          return {
            Collections: names.slice(MgoOffset, MgoOffset + MgoLimit).map((n) => ({ CollectionName: n })),
            Pager: { Offset: MgoOffset, Limit: MgoLimit, Total: names.length },
          };
        },
        async updateCollection(name, change) {
          for (const i of change.CreateIndexes) {
            cloud.calls.push(`createIndex ${name}.${i.IndexName}`);
            cloud
              .collection(name)
              .indexes.set(i.IndexName, { Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
          }
          return {};
        },
      },
      functions: {
        async listFunctions(limit, offset) {
          return [...cloud.functions.keys()].slice(offset, offset + limit).map((FunctionName) => ({ FunctionName }));
        },
        async getFunctionDetail(name) {
          const f = cloud.fn(name);
          return { FunctionName: name, Timeout: f.Timeout, Runtime: f.Runtime, Triggers: f.Triggers };
        },
        async createFunction({ func }) {
          cloud.calls.push(`createFunction ${func.name} ${func.runtime}`);
          cloud.functions.set(func.name, { Timeout: func.timeout, Runtime: func.runtime, Triggers: [], code: null });
          return {};
        },
        async updateFunctionConfig({ name, timeout }) {
          cloud.fn(name).Timeout = timeout;
          return {};
        },
        async deleteFunctionTrigger(name, triggerName) {
          const f = cloud.fn(name);
          f.Triggers = f.Triggers.filter((t) => t.TriggerName !== triggerName);
          return {};
        },
        async getFunctionDownloadUrl(name) {
          const code = cloud.fn(name).code;
          if (!code) throw new Error('no code');
          return { Url: `data:application/zip;base64,${code.toString('base64')}`, CodeSha256: '' };
        },
      },
      storage: {
        async getStorageAcl() {
          return cloud.storageAcl;
        },
        async setStorageAcl(acl) {
          cloud.storageAcl = acl;
          return {};
        },
      },
      commonService() {
        return {
          async call({ Action, Param }) {
            const name = String(Param.CollectionName);
            if (Action === 'DescribeDatabaseACL') return { AclTag: cloud.collection(name).acl };
            if (Action === 'ModifyDatabaseACL') {
              cloud.collection(name).acl = String(Param.AclTag);
              return {};
            }
            throw new Error(`unknown action ${Action}`);
          },
        };
      },
    };
  }

  ci(): MiniprogramCi {
    const cloud = this;
    class Project {
      constructor(readonly options: ProjectOptions) {}
    }
    const optionsOf = (p: object): ProjectOptions => {
      if (!(p instanceof Project)) throw new Error('not a ci.Project');
      return p.options;
    };
    return {
      Project,
      async upload({ project, version }) {
        const o = optionsOf(project);
        cloud.uploads.push({
          appid: o.appid,
          projectPath: o.projectPath,
          version,
          config: fs.readFileSync(path.join(o.projectPath, 'miniprogram', 'config.ts'), 'utf8'),
        });
        return {};
      },
      cloud: {
        async uploadFunction({ name, path: dir }) {
          // miniprogram-ci creates a missing function (with its own defaults) and updates its code.
          if (!cloud.functions.has(name)) cloud.functions.set(name, { Timeout: 3, Runtime: 'Nodejs8.9', Triggers: [], code: null });
          cloud.fn(name).code = zipFolder(dir);
          return { filesCount: fs.readdirSync(dir).length, packSize: 0 };
        },
        async createTimeTrigger({ functionName, triggersConfig }) {
          const f = cloud.fn(functionName);
          for (const t of triggersConfig)
            f.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) });
          return '创建定时触发器成功';
        },
      },
    };
  }

  tools(): LoadedTools {
    return { ci: this.ci(), manager: () => this.manager() };
  }
}
