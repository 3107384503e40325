// A test-only cloud function: reports who called it, and runs a few SDK calls named by the event,
// so the conformance suite can drive wx-server-sdk from inside a real function instance.
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export async function main(event: { op?: string; delayMs?: number; name?: string; data?: unknown }): Promise<unknown> {
  const ctx = cloud.getWXContext();
  if (event.delayMs) await new Promise((r) => setTimeout(r, event.delayMs));
  const db = cloud.database();
  switch (event.op) {
    case 'whoami':
      return { openid: ctx.OPENID, appid: ctx.APPID, env: ctx.ENV, after: cloud.getWXContext().OPENID };
    case 'count': {
      await db.collection('probe').add({ data: { at: db.serverDate() } });
      const { total } = await db.collection('probe').count();
      return { total };
    }
    case 'call':
      return (await cloud.callFunction({ name: event.name ?? 'probe', data: event.data ?? { op: 'whoami' } })).result;
    case 'throw':
      throw new Error('probe failed on purpose');
    case 'hang':
      return new Promise(() => undefined);
    default:
      return { event };
  }
}
