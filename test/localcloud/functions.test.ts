// Running built functions: POST /functions/<name> answers as wx.cloud.callFunction does, errors
// (-504002), timeouts (-504003), cloud.callFunction from a function, timer triggers, and the accounting of
// database requests per invocation.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { startCloud } from '../support/localcloud';
import { sleep, useLocalCloud } from '../support/harness';
import { count, getAll, isRecord } from '../support/sdk';

const s = useLocalCloud({ functions: 'test' });

beforeAll(async () => {
  // The collections the test functions write to.
  await s.db.createCollection('probe');
  await s.db.createCollection('ticks');
});

interface InvocationRecord {
  id: string;
  name: string;
  caller: { openid: string } | null;
  trigger: string;
  parent: string | null;
  dbRequests: number;
  durationMs: number | null;
  ok: boolean | null;
}

describe('POST /functions/<name>', () => {
  test('answers { result } with errMsg ok, as wx.cloud.callFunction does', async () => {
    const reply = await s.lc.call<{ event: unknown }>('probe', { a: [1, 2], b: { c: '值' } }, 'oA');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ errMsg: 'cloud.callFunction:ok', result: { event: { a: [1, 2], b: { c: '值' } } } });
  });

  test('a function that throws answers errCode -504002 with its message', async () => {
    const reply = await s.lc.call('probe', { op: 'throw' }, 'oA');
    expect(reply.body.errCode).toBe(-504002);
    expect(reply.body.errMsg).toMatch(/^cloud\.callFunction:fail -504002 .*probe failed on purpose/);
    expect(reply.body.result).toBeUndefined();
    // The instance survives a thrown error.
    expect((await s.lc.call('probe', { op: 'whoami' }, 'oA')).status).toBe(200);
  });

  test('an unknown function answers errCode -501000', async () => {
    const reply = await s.lc.call('no_such_function', {}, 'oA');
    expect(reply.status).toBe(404);
    expect(reply.body.errCode).toBe(-501000);
    expect(reply.body.errMsg).toMatch(/no_such_function/);
  });

  test('a body that is not JSON is refused', async () => {
    const res = await fetch(`${s.lc.url}/functions/probe`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errCode: -501007 });
  });
});

describe('timeouts', () => {
  // WeChat: `cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds`
  // (https://github.com/Mint-green/UnlearnableWord/issues/10); SCF's words for status 433 TimeLimitReached.
  test('a function past its config.json timeout fails with -504003 in SCF’s words, and the next call runs', async () => {
    const started = Date.now();
    const reply = await s.lc.call('slow', { ms: 5000 }, 'oA');
    const took = Date.now() - started;
    expect(reply.body.errCode).toBe(-504003);
    expect(reply.body.errMsg).toBe('cloud.callFunction:fail -504003 | errMsg: Invoking task timed out after 1 seconds');
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(4000);
    const next = await s.lc.call<{ sleptMs: number }>('slow', { ms: 10 }, 'oA');
    expect(next.body.result).toEqual({ sleptMs: 10 });
  });

  test("a function without a timeout in its config.json fails after 3 s, the cloud's default", async () => {
    const started = Date.now();
    const reply = await s.lc.call('hang', {}, 'oA');
    expect(reply.body.errCode).toBe(-504003);
    expect(reply.body.errMsg).toMatch(/Invoking task timed out after 3 seconds$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(Date.now() - started).toBeLessThan(8000);
    expect((await s.lc.call('probe', { op: 'whoami' }, 'oA')).status).toBe(200);
  });
});

describe('config.json as the cloud reads it', () => {
  test("two timer triggers are refused with the docs' words: every call fails, and no timer is served", async () => {
    const reply = await s.lc.call('twotimers', {}, 'oA');
    expect(reply.body.errCode).toBe(-504002);
    expect(reply.body.errMsg).toContain('目前仅支持一个触发器，即数组只能填写一个，不可添加多个');
    expect((await fetch(`${s.lc.url}/_localcloud/timers/twotimers/overdue`, { method: 'POST' })).status).toBe(404);
  });

  test('an unknown key is refused', async () => {
    const reply = await s.lc.call('badconfig', {}, 'oA');
    expect(reply.body.errCode).toBe(-504002);
    expect(reply.body.errMsg).toMatch(/config\.json of badconfig: 不支持的字段: memory/);
  });
});

describe('cloud.callFunction from a function', () => {
  test('the callee sees the same user, with SOURCE "wx_client,scf"', async () => {
    const direct = await s.lc.call<{ source: string; triggerSrc: string }>('probe', { op: 'whoami' }, 'oNest');
    expect(direct.body.result).toMatchObject({ source: 'wx_client', triggerSrc: '' });
    const nested = await s.lc.call<{ openid: string; source: string }>(
      'probe',
      { op: 'call', name: 'probe', data: { op: 'whoami' } },
      'oNest',
    );
    expect(nested.body.result).toMatchObject({ openid: 'oNest', source: 'wx_client,scf' });
  });

  test('returns the called function result', async () => {
    const reply = await s.lc.call<{ openid: string }>('probe', { op: 'call', name: 'probe', data: { op: 'whoami' } }, 'oNest');
    expect(reply.body.result).toMatchObject({ openid: 'oNest' });
  });

  test('rejects when the called function throws or does not exist', async () => {
    const thrown = await s.lc.call<{ errCode: number; errMsg: string }>(
      'probe',
      { op: 'callCatch', name: 'probe', data: { op: 'throw' } },
      'oNest',
    );
    expect(thrown.body.result?.errCode).toBeLessThan(0);
    expect(thrown.body.result?.errMsg).toMatch(/probe failed on purpose/);
    const missing = await s.lc.call<{ errCode: number; errMsg: string }>('probe', { op: 'callCatch', name: 'no_such_function' }, 'oNest');
    expect(missing.body.result?.errCode).toBeLessThan(0);
    expect(missing.body.result?.errMsg).toMatch(/no_such_function/);
  });
});

describe('timer triggers', () => {
  test('fire on demand with the timer event, as no user, SOURCE wx_trigger and TRIGGER_SRC timer, the clock at the firing time', async () => {
    const asked = Date.now();
    const res = await fetch(`${s.lc.url}/_localcloud/timers/ticker/nightly`, {
      method: 'POST',
      body: JSON.stringify({ time: '2024-05-01T15:30:00.000Z' }),
    });
    const waited = Date.now() - asked;
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(body).toMatchObject({
      result: {
        event: { Type: 'Timer', TriggerName: 'nightly', Time: '2024-05-01T15:30:00.000Z' },
        openid: '',
        source: 'wx_trigger',
        triggerSrc: 'timer',
      },
      invocation: { name: 'ticker', trigger: 'timer', source: 'wx_trigger', caller: null, ok: true, dbRequests: 1 },
    });
    const now = isRecord(body) && isRecord(body.result) && typeof body.result.now === 'string' ? Date.parse(body.result.now) : NaN;
    expect(now - Date.parse('2024-05-01T15:30:00.000Z')).toBeGreaterThanOrEqual(0);
    // The run's clock starts at the firing time (a cold start on a busy machine runs it a little later).
    expect(now - Date.parse('2024-05-01T15:30:00.000Z')).toBeLessThanOrEqual(waited);
    const ticks = await getAll(s.db.collection('ticks').where({ trigger: 'nightly' }));
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ trigger: 'nightly', time: '2024-05-01T15:30:00.000Z', openid: '' });
  });

  test('an unknown trigger or function is 404', async () => {
    expect((await fetch(`${s.lc.url}/_localcloud/timers/ticker/hourly`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${s.lc.url}/_localcloud/timers/probe/nightly`, { method: 'POST' })).status).toBe(404);
  });

  test('run on schedule when timers are on', async () => {
    const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-manifest-')), 'database.json');
    fs.writeFileSync(manifest, JSON.stringify({ collections: [{ name: 'ticks' }] }));
    const scheduled = await startCloud({ functions: 'test', manifest, env: { LOCALCLOUD_TIMERS: 'on' } });
    try {
      // heartbeat's "everySecond" is "* * * * * * *": within a few seconds it has run, with no request from us.
      let runs = 0;
      for (let waited = 0; waited < 8000 && runs < 2; waited += 250) {
        await sleep(250);
        const reply = await fetch(`${scheduled.url}/admin?env=local-dev&seqId=x`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'database.calculateDocument', collectionName: 'ticks', query: '{"trigger":"everySecond"}' }),
        });
        const body: unknown = await reply.json();
        const data = isRecord(body) ? body.data : null;
        runs = isRecord(data) && typeof data.total === 'number' ? data.total : 0;
      }
      expect(runs).toBeGreaterThanOrEqual(2);
      expect(scheduled.output()).toMatch(/timer ticker\/nightly "0 30 23 \* \* \* \*" next at \d{4}-\d\d-\d\dT15:30:00/);
      // A function whose config.json WeChat would refuse is refused at load, in the docs' words.
      expect(scheduled.output()).toMatch(/config\.json of twotimers: .*目前仅支持一个触发器，即数组只能填写一个，不可添加多个/);
    } finally {
      await scheduled.stop();
    }
    // Timers are off in the suite's own cloud: nothing ran there on schedule.
    expect(await count(s.db.collection('ticks').where({ trigger: 'everySecond' }))).toBe(0);
  });
});

describe('database request accounting', () => {
  test('each invocation reports the database requests it made, in a header and by id', async () => {
    const reply = await s.lc.call<{ total: number }>('probe', { op: 'count' }, 'oCounter');
    expect(reply.status).toBe(200);
    expect(reply.dbRequests).toBe(2);
    const record = await s.lc.control<InvocationRecord>('GET', `/_localcloud/invocations/${reply.invocation}`);
    expect(record).toMatchObject({
      id: reply.invocation,
      name: 'probe',
      caller: { openid: 'oCounter' },
      trigger: 'call',
      parent: null,
      dbRequests: 2,
      ok: true,
    });
    expect(typeof record.durationMs).toBe('number');
    const none = await s.lc.call('probe', { op: 'whoami' }, 'oCounter');
    expect(none.dbRequests).toBe(0);
  });

  test('a nested call counts toward its caller', async () => {
    const reply = await s.lc.call('probe', { op: 'call', name: 'probe', data: { op: 'count' } }, 'oCounter');
    expect(reply.dbRequests).toBe(2);
  });

  test('concurrent invocations are counted apart, and requests from outside any function are not counted', async () => {
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => s.lc.call('probe', { op: i % 2 ? 'count' : 'whoami' }, `o${i}`)),
    );
    expect(replies.map((r) => r.body.errMsg)).toEqual(Array.from({ length: 12 }, () => 'cloud.callFunction:ok'));
    expect(replies.map((r) => r.dbRequests)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? 2 : 0)));
    await count(s.db.collection('probe'));
    const again = await Promise.all(replies.map((r) => s.lc.control<InvocationRecord>('GET', `/_localcloud/invocations/${r.invocation}`)));
    expect(again.map((r) => r.dbRequests)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? 2 : 0)));
  });

  test('a failed invocation is still accounted, and an unknown id is 404', async () => {
    const reply = await s.lc.call('probe', { op: 'throw' }, 'oCounter');
    const record = await s.lc.control<InvocationRecord>('GET', `/_localcloud/invocations/${reply.invocation}`);
    expect(record).toMatchObject({ ok: false, dbRequests: 0 });
    expect((await fetch(`${s.lc.url}/_localcloud/invocations/0123456789abcdef`)).status).toBe(404);
  });
});
