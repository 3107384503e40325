// Calling the product's functions on a local cloud the way the mini-program does, with the envelope
// unpacked: `ok(...)` for a call that must succeed, `refused(...)` for one that must fail.
import type { ActionName, AppErrorBody, FunctionName, RequestOf, ResponseOf } from '../../typings';
import { userSchema, type User } from '../../cloudfunctions/shared/village/model';
import { sdkEnv, startCloud, type TestCloud } from '../support/localcloud';
import { isEnvelope } from '../support/envelope';
import type { Cloud, Database } from '../support/sdk';

export interface Reply<T> {
  envelope: { ok: true; data: T } | { ok: false; error: AppErrorBody };
  dbRequests: number;
}

export function caller(cloud: TestCloud) {
  async function call<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    payload: RequestOf<F, A>,
  ): Promise<Reply<ResponseOf<F, A>>> {
    const reply = await cloud.call<unknown>(fn, { action, payload }, openid);
    const result = reply.body.result;
    if (reply.status !== 200 || !isEnvelope<ResponseOf<F, A>>(result))
      throw new Error(`${fn}.${action} failed: ${JSON.stringify(reply.body)}`);
    return { envelope: result, dbRequests: reply.dbRequests };
  }

  async function ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    payload: RequestOf<F, A>,
  ): Promise<ResponseOf<F, A>> {
    const { envelope } = await call(openid, fn, action, payload);
    if (!envelope.ok) throw new Error(`${fn}.${action} as ${openid} refused: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.data;
  }

  async function refused<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    payload: RequestOf<F, A>,
  ): Promise<AppErrorBody> {
    const { envelope } = await call(openid, fn, action, payload);
    if (envelope.ok) throw new Error(`${fn}.${action} as ${openid} should have been refused`);
    return envelope.error;
  }

  return { call, ok, refused };
}

export interface DemoCloud {
  cloud: TestCloud;
  /** The real wx-server-sdk, pointed at this cloud, and its database. */
  sdk: Cloud;
  db: Database;
  api: ReturnType<typeof caller>;
}

/**
 * A local cloud with the demo village (for a test file's beforeAll; stop it in afterAll), the real
 * SDK pointed at it, and a caller of the product's functions. `env` adds or overrides settings.
 */
export async function useDemoCloud(env: Record<string, string> = {}): Promise<DemoCloud> {
  const cloud = await startCloud({ env: { LOCALCLOUD_SEED: 'demo', ...env } });
  sdkEnv(cloud.url);
  const sdk = await import('wx-server-sdk');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  return { cloud, sdk, db: sdk.database(), api: caller(cloud) };
}

/**
 * Registers this file's beforeAll and afterAll: the demo cloud of useDemoCloud started, then stopped.
 * Its fields are read inside tests (they throw before it has started).
 */
export function demoCloudPerFile(env: Record<string, string> = {}): DemoCloud {
  let started: DemoCloud | null = null;
  beforeAll(async () => {
    started = await useDemoCloud(env);
  });
  afterAll(async () => {
    await started?.cloud.stop();
  });
  const need = (): DemoCloud => {
    if (!started) throw new Error('the demo cloud starts in beforeAll: use it inside tests and hooks');
    return started;
  };
  return {
    get cloud() {
      return need().cloud;
    },
    get sdk() {
      return need().sdk;
    },
    get db() {
      return need().db;
    },
    get api() {
      return need().api;
    },
  };
}

/** A user of 清溪镇 (the demo's town) for a fixture, with no household or member unless given. */
export const townUser = (u: Partial<User> & Pick<User, '_id' | 'name' | 'roles' | 'villageId'>): User =>
  userSchema.parse({ townId: 'town-qingxi', householdId: null, memberId: null, ...u });
