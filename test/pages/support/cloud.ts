// One real local cloud per page test file (the built product functions, empty store), with the
// global wx of the page tests and this process's wx-server-sdk (for fixtures) pointed at it.
import cloud from 'wx-server-sdk';
import { sdkEnv, startCloud, type StartOptions, type TestCloud } from '../../support/localcloud';
import { type Database, type Doc, getAll } from '../../support/sdk';
import { pointAt } from './wx';

export interface PageCloud {
  readonly url: string;
  readonly lc: TestCloud;
  /** The in-process wx-server-sdk database of this cloud, for fixtures. */
  readonly db: Database;
  /** Stops the cloud (graceful); the pages' calls then fail as with no network. */
  stop(): Promise<void>;
  /** Starts it again on the same data folder (a new port) and points everything at it. */
  restart(): Promise<void>;
}

/** Registers beforeAll/afterAll that start and stop the cloud; use the answer inside tests. */
export function usePageCloud(opts: StartOptions = {}): PageCloud {
  let lc: TestCloud | null = null;
  let running = false;
  let db: Database | null = null;

  const connect = async (dataDir?: string): Promise<void> => {
    lc = await startCloud(dataDir ? { ...opts, dataDir } : opts);
    running = true;
    sdkEnv(lc.url);
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    db = cloud.database();
    pointAt(lc.url);
  };
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('the local cloud is not started yet (use it inside tests)');
    return v;
  };

  beforeAll(() => connect());
  afterAll(async () => {
    if (lc && running) await lc.stop();
  });

  return {
    get url() {
      return need(lc).url;
    },
    get lc() {
      return need(lc);
    },
    get db() {
      return need(db);
    },
    async stop() {
      const current = need(lc);
      if (running) await current.stop();
      running = false;
    },
    async restart() {
      const current = need(lc);
      if (running) await current.stop();
      running = false;
      await connect(current.dataDir);
    },
  };
}

/** The document `id` of `collection`, or null when there is none. */
async function findDoc(pc: PageCloud, collection: string, id: string): Promise<Doc | null> {
  const [doc] = await getAll(pc.db.collection(collection).where({ _id: id }));
  return doc ?? null;
}

/** The document `id` of `collection` (fails the test when there is none). */
export async function docOf(pc: PageCloud, collection: string, id: string): Promise<Doc> {
  const doc = await findDoc(pc, collection, id);
  if (!doc) throw new Error(`no ${id} in ${collection}`);
  return doc;
}

const passed = (check: unknown): boolean => typeof check === 'object' && check !== null && Reflect.get(check, 'verdict') === 'pass';

/**
 * Waits until WeChat's media check has passed every file of the document `id` of `collection`: its
 * verdict comes by message push a moment after it was asked, and until then only the writer and the
 * cadres see the files.
 */
export async function mediaChecked(pc: PageCloud, collection: string, id: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const checks: unknown = (await findDoc(pc, collection, id))?.mediaChecks;
    if (Array.isArray(checks) && checks.length && checks.every(passed)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${collection} ${id}: its files were never checked`);
}
