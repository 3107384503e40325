// WeChat's server APIs called from a function through cloud.openapi: only those its config.json
// declares (permissions.openapi), others refused with -604101; subscribeMessage.send is recorded in
// the outbox, security.msgSecCheck (v2) answers "risky" for configured words, imgSecCheck and
// mediaCheckAsync (its result pushed to the function later) for configured media markers, and
// phonenumber.getPhoneNumber gives the caller's configured number.
import { sleep, useLocalCloud } from '../support/harness';
import { getAll } from '../support/sdk';

const s = useLocalCloud({
  functions: 'test',
  env: {
    LOCALCLOUD_RISKY_WORDS: '违禁词, 刷单 ,',
    LOCALCLOUD_RISKY_MEDIA: 'bad-photo,EVIL',
    LOCALCLOUD_PHONE_NUMBERS: 'oPhone=13912345678',
  },
});

interface OutboxEntry {
  kind: string;
  seq: number;
  at: string;
  [key: string]: unknown;
}

async function outbox(): Promise<OutboxEntry[]> {
  return (await s.lc.control<{ entries: OutboxEntry[] }>('GET', '/_localcloud/outbox')).entries;
}

beforeEach(async () => {
  await s.lc.control('DELETE', '/_localcloud/outbox');
});

test('subscribeMessage.send answers ok and is recorded with its caller', async () => {
  const data = { thing1: { value: '村民大会' }, time2: { value: '2024-05-01 09:00' } };
  const reply = await s.lc.call(
    'wxapi',
    { op: 'send', touser: 'oVillager', templateId: 'TPL_MEETING', page: 'pages/notice/index?id=1', data },
    'oSecretary',
  );
  expect(reply.body.result).toMatchObject({ ok: true, res: { errCode: 0 } });
  const entries = await outbox();
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    kind: 'subscribeMessage',
    touser: 'oVillager',
    templateId: 'TPL_MEETING',
    page: 'pages/notice/index?id=1',
    data,
    caller: 'oSecretary',
  });
});

test('subscribeMessage.send without a template is refused and not recorded', async () => {
  const reply = await s.lc.call<{ ok: boolean; err: { errCode?: number } }>('wxapi', { op: 'send', touser: 'oVillager' }, 'oSecretary');
  expect(reply.body.result?.ok).toBe(false);
  expect(reply.body.result?.err.errCode).toBe(47003);
  expect(await outbox()).toEqual([]);
});

test('msgSecCheck passes ordinary text and answers risky for a configured word', async () => {
  const pass = await s.lc.call('wxapi', { op: 'check', content: '明天上午九点在村委会开会' }, 'oAuthor');
  expect(pass.body.result).toMatchObject({ ok: true, res: { errCode: 0, result: { suggest: 'pass' } } });
  const risky = await s.lc.call('wxapi', { op: 'check', content: '招人刷单，日结' }, 'oAuthor');
  expect(risky.body.result).toMatchObject({ ok: true, res: { errCode: 0, result: { suggest: 'risky' } } });
  const other = await s.lc.call('wxapi', { op: 'check', content: '这里有违禁词' }, 'oAuthor');
  expect(other.body.result).toMatchObject({ res: { result: { suggest: 'risky' } } });
  // The configured list replaces the default one.
  const fromDefaults = await s.lc.call('wxapi', { op: 'check', content: '赌博' }, 'oAuthor');
  expect(fromDefaults.body.result).toMatchObject({ res: { result: { suggest: 'pass' } } });
  const entries = await outbox();
  expect(entries.map((e) => [e.kind, e.content, e.suggest, e.openid])).toEqual([
    ['msgSecCheck', '明天上午九点在村委会开会', 'pass', 'oAuthor'],
    ['msgSecCheck', '招人刷单，日结', 'risky', 'oAuthor'],
    ['msgSecCheck', '这里有违禁词', 'risky', 'oAuthor'],
    ['msgSecCheck', '赌博', 'pass', 'oAuthor'],
  ]);
});

test('the outbox keeps order across concurrent senders, and DELETE empties it', async () => {
  await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      s.lc.call('wxapi', { op: 'send', touser: `oUser${i}`, templateId: 'TPL', data: { thing1: { value: String(i) } } }, `oSender${i}`),
    ),
  );
  const entries = await outbox();
  expect(entries).toHaveLength(6);
  expect(entries.map((e) => e.touser).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `oUser${i}`));
  for (const e of entries) expect(e.caller).toBe(String(e.touser).replace('oUser', 'oSender'));
  const seqs = entries.map((e) => e.seq);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  await s.lc.control('DELETE', '/_localcloud/outbox');
  expect(await outbox()).toEqual([]);
});

describe('permissions.openapi', () => {
  test("a cloud call the function does not declare is refused with -604101, in the SDK's words for it", async () => {
    const reply = await s.lc.call<{ ok: boolean; err: { errCode?: number; errMsg?: string } }>('wxapi', { op: 'qr' }, 'oA');
    expect(reply.body.result?.ok).toBe(false);
    expect(reply.body.result?.err.errCode).toBe(-604101);
    expect(reply.body.result?.err.errMsg).toBe('system error: error code: -604101');
  });

  test('from outside any function (no invocation) every cloud call is refused', async () => {
    const form = new FormData();
    form.set('action', 'wx.openApi');
    form.set('apiName', 'security.msgSecCheck');
    const res = await fetch(`${s.lc.url}/admin?env=local-dev&seqId=nobody`, { method: 'POST', body: form });
    // CommOpenApiResp { errorCode (3) = -604101 }: tag 0x18, then the varint of the negative int32.
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes[0]).toBe(0x18);
    expect(bytes.length).toBeGreaterThan(1);
  });
});

describe('security.imgSecCheck', () => {
  test('passes an ordinary image and refuses a risky one with 87014', async () => {
    const pass = await s.lc.call<{ ok: boolean; res: { errCode: number } }>('wxapi', { op: 'img', content: 'PNG ordinary bytes' }, 'oA');
    expect(pass.body.result).toMatchObject({ ok: true, res: { errCode: 0 } });
    const risky = await s.lc.call<{ ok: boolean; err: { errCode?: number } }>('wxapi', { op: 'img', content: 'PNG EVIL bytes' }, 'oA');
    expect(risky.body.result?.ok).toBe(false);
    expect(risky.body.result?.err.errCode).toBe(87014);
  });
});

describe('security.mediaCheckAsync', () => {
  beforeAll(async () => {
    await s.db.createCollection('media_checks');
  });

  async function pushed(traceId: string): Promise<Record<string, unknown> | undefined> {
    for (let waited = 0; waited < 5000; waited += 100) {
      const [found] = await getAll(s.db.collection('media_checks').where({ 'push.trace_id': traceId }));
      if (found) return found;
      await sleep(100);
    }
    return undefined;
  }

  test('answers a trace id at once; the result arrives later as a wxa_media_check push to the function', async () => {
    const ok = await s.lc.call<{ ok: boolean; res: { errCode: number; traceId: string } }>(
      'wxapi',
      { op: 'media', url: 'https://files.local/photo-1.jpg', mediaType: 2 },
      'oUploader',
    );
    expect(ok.body.result).toMatchObject({ ok: true, res: { errCode: 0 } });
    const traceId = ok.body.result?.res.traceId ?? '';
    expect(traceId).toMatch(/^[0-9a-f]{24}$/);
    const push = await pushed(traceId);
    expect(push).toMatchObject({
      openid: 'oUploader',
      source: 'wx_message',
      push: {
        MsgType: 'event',
        Event: 'wxa_media_check',
        FromUserName: 'oUploader',
        trace_id: traceId,
        version: 2,
        result: { suggest: 'pass' },
      },
    });
  });

  test('a file matching the risky list is reported risky, and voice (media_type 1) is checked too', async () => {
    const risky = await s.lc.call<{ res: { traceId: string } }>(
      'wxapi',
      { op: 'media', url: 'cloud://env/bad-photo.jpg', mediaType: 2 },
      'oUploader',
    );
    expect(await pushed(risky.body.result?.res.traceId ?? '')).toMatchObject({
      push: { result: { suggest: 'risky' }, detail: [{ suggest: 'risky' }] },
    });
    const voice = await s.lc.call<{ res: { traceId: string } }>(
      'wxapi',
      { op: 'media', url: 'cloud://env/voice.mp3', mediaType: 1 },
      'oUploader',
    );
    expect(await pushed(voice.body.result?.res.traceId ?? '')).toMatchObject({ push: { result: { suggest: 'pass' } } });
  });

  test('a call without a url or with an unknown media type is refused', async () => {
    const bad = await s.lc.call<{ ok: boolean; err: { errCode?: number } }>(
      'wxapi',
      { op: 'media', url: 'cloud://env/x.jpg', mediaType: 3 },
      'oUploader',
    );
    expect(bad.body.result?.ok).toBe(false);
    expect(bad.body.result?.err.errCode).toBe(47001);
  });
});

describe('phonenumber.getPhoneNumber', () => {
  test("gives the caller's configured number, a default for others, and refuses an empty code", async () => {
    const mine = await s.lc.call<{ ok: boolean; res: { errCode: number; phoneInfo: { phoneNumber: string; countryCode: string } } }>(
      'wxapi',
      { op: 'phone', code: 'c0de' },
      'oPhone',
    );
    expect(mine.body.result).toMatchObject({
      ok: true,
      res: { errCode: 0, phoneInfo: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' } },
    });
    const other = await s.lc.call<{ res: { phoneInfo: { phoneNumber: string } } }>('wxapi', { op: 'phone', code: 'c0de' }, 'oOther');
    expect(other.body.result?.res.phoneInfo.phoneNumber).toBe('13800138000');
    const none = await s.lc.call<{ ok: boolean; err: { errCode?: number } }>('wxapi', { op: 'phone', code: '' }, 'oPhone');
    expect(none.body.result?.err.errCode).toBe(40029);
  });
});
