// account.home, 首页's one call, answers exactly what account.me and board.home answer, for every
// demo role, and within three round trips to the database.
import { demoCloudPerFile } from './support';

const demo = demoCloudPerFile({ LOCALCLOUD_DB_LATENCY_MS: '5' });

const WHO = [
  'demo-villager',
  'demo-head',
  'demo-cadre-1',
  'demo-grid-2',
  'demo-secretary',
  'demo-supervisor',
  'demo-keeper',
  'demo-town',
  'o-stranger',
];

test.each(WHO)('%s: account.home = account.me + board.home', async (openid) => {
  const [screen, me] = await Promise.all([demo.api.ok(openid, 'account', 'home', {}), demo.api.ok(openid, 'account', 'me', {})]);
  expect(screen.me).toEqual(me);
  if (me.joined && me.village) expect(screen.board).toEqual(await demo.api.ok(openid, 'board', 'home', {}));
  else expect(screen.board).toBeNull();
});

test('account.home takes at most three sequential round trips to the database', async () => {
  for (const openid of ['demo-villager', 'demo-grid-2', 'demo-secretary']) {
    const reply = await demo.cloud.call<unknown>('account', { action: 'home', payload: {} }, openid);
    const trips = Number(
      (await demo.cloud.control<{ dbRoundTrips: number }>('GET', `/_localcloud/invocations/${reply.invocation}`)).dbRoundTrips,
    );
    expect([openid, trips]).toEqual([openid, expect.any(Number)]);
    expect(trips).toBeLessThanOrEqual(3);
  }
});
