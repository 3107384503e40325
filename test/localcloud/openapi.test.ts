// WeChat's server APIs called from a function through cloud.openapi: subscribeMessage.send is
// recorded in the outbox, security.msgSecCheck (v2) answers "risky" for configured words.
import { useLocalCloud } from '../support/harness';

const s = useLocalCloud({ functions: 'test', env: { LOCALCLOUD_RISKY_WORDS: '违禁词, 刷单 ,' } });

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
  const reply = await s.lc.call('wxapi', { op: 'send', touser: 'oVillager', templateId: 'TPL_MEETING', page: 'pages/notice/index?id=1', data }, 'oSecretary');
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
