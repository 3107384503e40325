// Who is calling: the x-wx-openid header reaches cloud.getWXContext() in the function, and
// concurrent invocations by different users never see each other's identity, nested calls included.
import { useLocalCloud } from '../support/harness';

// Few instances, so that callers outnumber them: instances are reused between users, and nested
// calls must not wait behind their own callers.
const s = useLocalCloud({ functions: 'test', env: { LOCALCLOUD_MAX_INSTANCES: '4' } });

interface WhoAmI {
  openid: string;
  appid: string;
  env: string;
  source: string;
  after: string;
}

interface Nested {
  before: string;
  inner: WhoAmI;
  after: string;
}

test('the caller, app and environment reach getWXContext()', async () => {
  const reply = await s.lc.call<WhoAmI>('probe', { op: 'whoami' }, 'oAlice');
  expect(reply.status).toBe(200);
  expect(reply.body.result).toEqual({
    openid: 'oAlice',
    appid: 'wxlocalcloud0000000',
    env: 'local-dev',
    source: 'wx_client',
    after: 'oAlice',
    triggerSrc: '',
  });
});

test('the event carries userInfo as WeChat adds it, and the rest of the body as sent', async () => {
  const reply = await s.lc.call<{ event: Record<string, unknown> }>('probe', { hello: '世界', n: 1 }, 'oBob');
  expect(reply.body.result?.event).toEqual({ hello: '世界', n: 1, userInfo: { appId: 'wxlocalcloud0000000', openId: 'oBob' } });
});

test('a call without the header has no OPENID, and does not inherit the previous caller', async () => {
  await s.lc.call('probe', { op: 'whoami' }, 'oCarol');
  const reply = await s.lc.call<WhoAmI>('probe', { op: 'whoami' });
  expect(reply.body.result?.openid).toBe('');
});

test('many concurrent callers each see only their own OPENID, before and after awaiting', async () => {
  const N = 40;
  const replies = await Promise.all(
    Array.from({ length: N }, (_, i) => s.lc.call<WhoAmI>('probe', { op: 'whoami', delayMs: (i * 7) % 60 }, `oUser${i}`)),
  );
  replies.forEach((r, i) => {
    expect(r.status).toBe(200);
    expect({ i, openid: r.body.result?.openid, after: r.body.result?.after }).toEqual({ i, openid: `oUser${i}`, after: `oUser${i}` });
  });
});

test('a nested cloud.callFunction runs as the same user, under concurrency', async () => {
  const N = 8;
  const replies = await Promise.all(
    Array.from({ length: N }, (_, i) => s.lc.call<Nested>('probe', { op: 'nested', delayMs: (i * 11) % 40 }, `oNested${i}`)),
  );
  replies.forEach((r, i) => {
    expect(r.body.errMsg).toBe('cloud.callFunction:ok');
    const id = `oNested${i}`;
    expect({
      i,
      before: r.body.result?.before,
      inner: r.body.result?.inner.openid,
      innerAfter: r.body.result?.inner.after,
      after: r.body.result?.after,
    }).toEqual({
      i,
      before: id,
      inner: id,
      innerAfter: id,
      after: id,
    });
  });
});

test('the app id header is honoured', async () => {
  const res = await fetch(`${s.lc.url}/functions/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'oDave', 'x-wx-appid': 'wxotherapp' },
    body: JSON.stringify({ op: 'whoami' }),
  });
  const body: unknown = await res.json();
  expect(body).toMatchObject({ result: { openid: 'oDave', appid: 'wxotherapp' } });
});
