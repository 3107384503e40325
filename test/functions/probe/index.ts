// A test-only cloud function: reports who called it, and runs a few SDK calls named by the event,
// so the conformance suite can drive wx-server-sdk from inside a real function instance.
import cloud from 'wx-server-sdk';
import { add, callFunction, count, isSdkError, settled } from '../../support/sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

interface ProbeEvent {
  op?: string;
  delayMs?: number;
  name?: string;
  data?: Record<string, unknown>;
  coll?: string;
  id?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function main(event: ProbeEvent): Promise<unknown> {
  const ctx = cloud.getWXContext();
  if (event.delayMs) await sleep(event.delayMs);
  const db = cloud.database();
  switch (event.op) {
    case 'whoami':
      return {
        openid: ctx.OPENID,
        appid: ctx.APPID,
        env: ctx.ENV,
        source: ctx.SOURCE,
        after: cloud.getWXContext().OPENID,
        triggerSrc: process.env.TRIGGER_SRC ?? '',
      };
    case 'count': {
      await add(db.collection('probe'), { at: db.serverDate() });
      return { total: await count(db.collection('probe')) };
    }
    case 'call':
      return callFunction(cloud, event.name ?? 'probe', event.data ?? { op: 'whoami' });
    case 'nested': {
      // Who am I before, inside and after a nested call that itself waits a little.
      const before = cloud.getWXContext().OPENID;
      const inner = await callFunction(cloud, 'probe', { op: 'whoami', delayMs: Math.floor(Math.random() * 30) });
      return { before, inner, after: cloud.getWXContext().OPENID };
    }
    case 'callCatch':
      try {
        return { result: await callFunction(cloud, event.name ?? 'probe', event.data ?? {}) };
      } catch (e) {
        return isSdkError(e) ? { errCode: e.errCode, errMsg: e.errMsg } : { thrown: String(e) };
      }
    case 'inc': {
      const res = await settled(
        db
          .collection(event.coll ?? 'probe')
          .doc(event.id ?? 'counter')
          .update({ data: { n: db.command.inc(1) } }),
      );
      return { updated: res.stats.updated };
    }
    case 'throw':
      throw new Error('probe failed on purpose');
    case 'hang':
      return new Promise(() => undefined);
    default:
      return { event };
  }
}
