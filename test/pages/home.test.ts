// 首页 and 我的 against the real `account` and `board` functions on a real local cloud: page → services/cloud.ts →
// wx.request / wx.cloud → HTTP → local cloud → built function → wx-server-sdk → local store.
import { C } from '../../cloudfunctions/shared/collections';
import { gridSchema, householdSchema, townSchema, userSchema, villageSchema, type User } from '../../cloudfunctions/shared/village/model';
import { settled } from '../support/sdk';
import { usePageCloud } from './support/cloud';
import { navigation } from './support/device';
import { loadPage, waitFor, openAs, openPage } from './support/page';
import { asUser, exchanges, pullDownStops, toasts } from './support/wx';

const relaunched: string[] = [];
beforeAll(() => {
  Object.assign(
    wx,
    navigation(['reLaunch'], (_, url) => relaunched.push(url)),
  );
});

const pc = usePageCloud();

const TOWN = townSchema.parse({ _id: 'town-bailu', name: '白鹭镇', city: '江城市' });
const VILLAGE = villageSchema.parse({ _id: 'village-xinghua', townId: TOWN._id, name: '杏花村' });
const OTHER_VILLAGE = villageSchema.parse({ _id: 'village-taoyuan', townId: TOWN._id, name: '桃源村' });
const MICRO = gridSchema.parse({
  _id: 'grid-1',
  villageId: VILLAGE._id,
  kind: 'micro',
  name: '第一网格',
  parentId: null,
  leaderUserId: null,
});
const GROUP = gridSchema.parse({
  _id: 'grid-1-1',
  villageId: VILLAGE._id,
  kind: 'group',
  name: '第一联户小组',
  parentId: MICRO._id,
  leaderUserId: null,
});
const HOUSEHOLDS = [
  householdSchema.parse({
    _id: 'hh-1',
    villageId: VILLAGE._id,
    gridId: MICRO._id,
    groupId: GROUP._id,
    no: '3组12号',
    headName: '李长青',
    address: '杏花村3组12号',
  }),
  householdSchema.parse({
    _id: 'hh-2',
    villageId: VILLAGE._id,
    gridId: MICRO._id,
    groupId: GROUP._id,
    no: '3组13号',
    headName: '王大山',
    address: '杏花村3组13号',
  }),
];

const user = (u: Partial<User> & Pick<User, '_id' | 'name' | 'roles'>): User =>
  userSchema.parse({ villageId: null, townId: null, householdId: null, memberId: null, ...u });

/** The head of a household of 杏花村. */
const head = (_id: string, name: string, householdId: string): User =>
  user({ _id, name, roles: ['head', 'villager'], villageId: VILLAGE._id, townId: TOWN._id, householdId });
/** An admin of 白鹭镇. */
const townAdmin = (_id: string, name: string): User => user({ _id, name, roles: ['townAdmin'], townId: TOWN._id });

const VILLAGER = head('o-villager', '李长青', 'hh-1');
const TOWN_ADMIN = townAdmin('o-town-admin', '周文');

function openids(list: unknown): unknown[] {
  const items: unknown[] = Array.isArray(list) ? list : [];
  return items.map((i) => (typeof i === 'object' && i !== null && 'openid' in i ? i.openid : null));
}

async function insert(collection: string, docs: object[]): Promise<void> {
  await settled(pc.db.collection(collection).add({ data: docs }));
}

beforeAll(async () => {
  await insert(C.towns, [TOWN]);
  await insert(C.villages, [VILLAGE, OTHER_VILLAGE]);
  await insert(C.grids, [MICRO, GROUP]);
  await insert(C.households, HOUSEHOLDS);
  await insert(C.users, [VILLAGER, TOWN_ADMIN]);
});

test('a villager sees their name and village on 首页, and household and roles on 我的', async () => {
  asUser(VILLAGER._id);
  const page = await loadPage('pages/home/home');
  expect(page.text()).toContain('正在加载');
  await page.settled();

  expect(page.textOf('#village-name')).toBe('杏花村');
  expect(page.textOf('#user-name')).toBe('李长青');
  // The household's points on the first screen, leading to the archive.
  expect(page.textOf('#entry-archive')).toMatch(/^我家可用积分0分累计 0 分待公示 0 分查看明细$/);
  expect(page.textsOf('.quick-item')).toEqual(['自报积分', '我要说事', '积分超市']);
  expect(page.$('#waiting')).toBeNull();
  expect(page.$('.town')).toBeNull();
  expect(page.$('#state >>> .retry')).toBeNull();

  const mine = await openPage('pages/mine/mine');
  expect(mine.textOf('.village')).toContain('杏花村 · 白鹭镇 · 共 2 户');
  expect(mine.textsOf('.tag')).toEqual(['户主', '村民']);
  expect(mine.textOf('.household')).toContain('我家：3组12号（户主 李长青）');
  expect(mine.textOf('.household')).toContain('所在网格：第一网格');
  expect(mine.$('#family-first')).toBeNull();
  expect(toasts()).toEqual([]);
});

test('首页 opens with one cloud call (account.home), the village home data included', async () => {
  asUser(VILLAGER._id);
  const before = exchanges().length;
  const page = await openPage('pages/home/home');
  const calls = exchanges()
    .slice(before)
    .filter((x) => x.api === 'cloud.callFunction' || x.url.includes('/functions/'))
    .map((x) => x.url.replace(/^.*\/functions\//, ''));
  expect(calls).toEqual(['account']);
  // The village home data is in it: the household's points on the first screen.
  expect(page.textOf('#entry-archive')).toContain('我家可用积分');
});

test('the same page in cloud mode reaches the function through wx.cloud.callFunction', async () => {
  const page = await openAs(VILLAGER._id, 'pages/home/home', { mode: 'cloud' });
  expect(page.textOf('#village-name')).toBe('杏花村');
  // No demo identity picker outside local mode.
  const mine = await openPage('pages/mine/mine', { mode: 'cloud' });
  expect(mine.data.localMode).toBe(false);
  expect(mine.$('.demo')).toBeNull();
});

test("a town admin sees the town card and the town's ranking", async () => {
  const page = await openAs(TOWN_ADMIN._id, 'pages/home/home');
  expect(page.textOf('#town-name')).toBe('白鹭镇');
  expect(page.textOf('.town')).toContain('管辖 2 个村');
  expect(page.textOf('#entry-town')).toBe('全镇村庄排名');
  expect(page.$('#village-name')).toBeNull();
  expect(page.$('#entry-archive')).toBeNull();
  const mine = await openPage('pages/mine/mine');
  expect(mine.textsOf('.tag')).toEqual(['乡镇管理员']);
  expect(mine.$('.household')).toBeNull();
});

test('an unknown user is asked to join a village', async () => {
  const page = await openAs('o-stranger', 'pages/home/home');
  expect(page.textOf('#not-joined')).toContain('您还没有加入村庄');
  expect(page.$('#user-name')).toBeNull();
  expect(toasts()).toEqual([]);
});

test('coming back to 首页 and pulling down both reload from the store', async () => {
  const page = await openAs(VILLAGER._id, 'pages/home/home');
  await settled(
    pc.db
      .collection(C.villages)
      .doc(VILLAGE._id)
      .update({ data: { name: '杏花新村' } }),
  );
  try {
    page.call('onPullDownRefresh');
    await waitFor(() => pullDownStops() === 1, 'wx.stopPullDownRefresh');
    expect(page.textOf('#village-name')).toBe('杏花新村');
    await settled(
      pc.db
        .collection(C.villages)
        .doc(VILLAGE._id)
        .update({ data: { name: '杏花村' } }),
    );
    // Back from another page: onShow refreshes without blanking the page.
    page.call('onShow');
    expect(page.data.loading).toBe(false);
    await waitFor(() => page.textOf('#village-name') === '杏花村', 'the page to show the name again');
  } finally {
    await settled(
      pc.db
        .collection(C.villages)
        .doc(VILLAGE._id)
        .update({ data: { name: VILLAGE.name } }),
    );
  }
});

test('when the function fails, the page offers a retry and shows its message', async () => {
  // A user document the function cannot read (an unknown role) makes it answer COMMON.INTERNAL.
  const broken = {
    ...user({ _id: 'o-broken', name: '赵四', roles: ['villager'], villageId: VILLAGE._id, townId: TOWN._id }),
    roles: ['mayor'],
  };
  await insert(C.users, [broken]);
  const page = await openAs(broken._id, 'pages/home/home');
  expect(page.data.failed).toBe(true);
  expect(page.textOf('#state >>> #load-error')).toBe('系统繁忙，请稍后再试');
  expect(toasts()).toEqual([{ title: '系统繁忙，请稍后再试', icon: 'none', duration: 2500 }]);

  await settled(
    pc.db
      .collection(C.users)
      .doc(broken._id)
      .update({ data: { roles: ['villager'] } }),
  );
  await page.tap('#state >>> .retry');
  await page.settled();
  expect(page.textOf('#user-name')).toBe('赵四');
});

test('with the local cloud down, the page offers a retry that reaches the function once it is back', async () => {
  asUser(VILLAGER._id);
  await pc.stop();
  const page = await openPage('pages/home/home');
  expect(page.data.failed).toBe(true);
  expect(page.textOf('#state >>> #failed')).toBe('没有加载成功');
  expect(page.textOf('#state >>> .retry')).toBe('重新加载');
  expect(page.$('#village-name')).toBeNull();
  expect(toasts()).toEqual([{ title: '网络不太好，请稍后再试', icon: 'none', duration: 2500 }]);

  await pc.restart(); // same data folder, a new port: the harness points the page's config at it
  await page.tap('#state >>> .retry');
  expect(page.data.loading).toBe(true);
  await page.settled();
  expect(page.data.failed).toBe(false);
  expect(page.textOf('#village-name')).toBe('杏花村');
  expect(page.$('#state >>> .retry')).toBeNull();
  expect(toasts()).toHaveLength(1);
});

describe('local mode: the demo identity picker on 我的', () => {
  // GET /_localcloud/demo-identities lists the demo identities the store holds: add two of them.
  const HEAD = head('demo-head', '王大山', 'hh-2');
  const TOWN_DEMO = townAdmin('demo-town', '陈学文');

  beforeAll(async () => {
    await insert(C.users, [HEAD, TOWN_DEMO]);
  });

  test('lists the identities the local cloud offers and starts again as the one picked', async () => {
    const page = await openAs(HEAD._id, 'pages/mine/mine');
    expect(page.textOf('.household')).toContain('我家：3组13号（户主 王大山）');
    expect(openids(page.data.identities)).toEqual(['demo-head', 'demo-town']);
    // The picker shows the current identity's label (labels are the demo village's own names).
    expect(page.textOf('#identity')).toMatch(/^户主 \S+ ▾$/);

    // The picker's own element is not selectable in simulate: its change bubbles up from the view
    // inside it, which the user taps.
    await page.dispatch('#identity', 'change', { value: '1' });
    expect(relaunched).toEqual(['/pages/home/home']);
    const home = await openPage('pages/home/home');
    expect(home.textOf('#user-name')).toBe('陈学文');
    expect(home.textOf('#town-name')).toBe('白鹭镇');
  });
});
