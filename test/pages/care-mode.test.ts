// 关怀模式 as a person uses it: the switch on 我的 enlarges the page at once, is remembered, and
// every page opened afterwards is enlarged too; WeChat's own large font turns it on by itself.
import { usePageCloud } from './support/cloud';
import { type PageHandle, openAs, openPage } from './support/page';

usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });

/** The classes of the page's root view (simulate prefixes a page's classes with "main--"). */
function rootClasses(page: PageHandle): string[] {
  const root = page.dom.firstElementChild;
  return Array.from(root?.classList ?? []).map((c) => c.replace(/^main--/, ''));
}

/** Whether the switch on 我的 shows on (its `checked` as the template sets it). */
function switchOn(page: PageHandle): unknown {
  const found = page.comp.querySelector('#care-switch');
  return found?.toJSON().attrs.find((a) => a.name === 'checked')?.value;
}

let originalBaseInfo: unknown;
beforeEach(() => {
  originalBaseInfo = Reflect.get(wx, 'getAppBaseInfo');
});
afterEach(() => {
  Reflect.set(wx, 'getAppBaseInfo', originalBaseInfo);
});

test('the switch on 我的 enlarges the page at once, and the pages opened after it', async () => {
  const home = await openAs('demo-head', 'pages/mine/mine');
  expect(rootClasses(home)).toEqual(['page', 'tab-page']);
  expect(switchOn(home)).toBe(false);
  expect(home.textOf('.care-card')).toContain('关怀模式');

  await home.dispatch('#care-switch', 'change', { value: true });
  expect(rootClasses(home)).toEqual(['page', 'tab-page', 'care']);
  expect(switchOn(home)).toBe(true);
  expect(wx.getStorageSync('hm.careMode')).toBe('on');

  // Another page, opened afterwards (the storage is the phone's: it carries over).
  const archive = await openPage('packages/points/archive/archive');
  expect(rootClasses(archive)).toContain('care');

  // Back on 我的 the switch shows it on; turning it off restores the standard size.
  const again = await openPage('pages/mine/mine');
  expect(switchOn(again)).toBe(true);
  await again.dispatch('#care-switch', 'change', { value: false });
  expect(rootClasses(again)).toEqual(['page', 'tab-page']);
  expect(wx.getStorageSync('hm.careMode')).toBe('off');
});

test("WeChat's font set large: 首页 opens in 关怀模式, and 我的 shows the switch on", async () => {
  Reflect.set(wx, 'getAppBaseInfo', () => ({
    SDKVersion: '3.7.0',
    language: 'zh_CN',
    version: '8.0.50',
    fontSizeSetting: 20,
    fontSizeScaleFactor: 1.18,
  }));
  const home = await openAs('demo-villager', 'pages/home/home');
  expect(rootClasses(home)).toEqual(['page', 'tab-page', 'care']);
  const mine = await openPage('pages/mine/mine');
  expect(switchOn(mine)).toBe(true);
});
