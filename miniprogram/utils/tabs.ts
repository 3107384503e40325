// The four tabs (app.json tabBar.list, in the same order) and how a tab page marks its own.
export interface Tab {
  key: 'home' | 'work' | 'public' | 'mine';
  text: string;
  url: string;
}

export const TABS: Tab[] = [
  { key: 'home', text: '首页', url: '/pages/home/home' },
  { key: 'work', text: '办事', url: '/pages/work/work' },
  { key: 'public', text: '公开', url: '/pages/public/public' },
  { key: 'mine', text: '我的', url: '/pages/mine/mine' },
];

interface TabPage {
  getTabBar?: () => { setData(data: Record<string, unknown>): void } | null | undefined;
}

/**
 * Marks `key` selected in the custom tab bar (each tab page has its own instance) and shows the
 * count of what waits on 办事. Outside WeChat (tests, previews) there is no tab bar: nothing to do.
 */
export function markTab(page: TabPage, key: Tab['key'], waiting = 0): void {
  const bar = typeof page.getTabBar === 'function' ? page.getTabBar() : null;
  bar?.setData({ selected: TABS.findIndex((t) => t.key === key), badge: waiting });
}
