// One real local cloud per page test file (the built product functions, empty store), with the
// global wx of the page tests and this process's wx-server-sdk (for fixtures) pointed at it.
import cloud from 'wx-server-sdk';
import { sdkEnv, startCloud, type StartOptions, type TestCloud } from '../../support/localcloud';
import type { Database } from '../../support/sdk';
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
