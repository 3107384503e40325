// 首页, 办事 and 公开 show the one answer of account.home each their own way: a tab page adds
// `tabPage('home', show)` to its behaviors, where `show` turns the answer into the page's data and
// the count of what waits for the tab bar. The load runs in the page shell (on show, pull-down, retry).
import { getHomeData, type HomeData } from '../services/home';
import { markTab, type Tab } from '../utils/tabs';

export interface TabView<D> {
  data: D;
  /** What waits for the person, as the badge on 办事 (0: none). */
  waiting?: number;
}

interface TabHost<D> {
  setData(data: D): void;
  getTabBar?: () => { setData(data: Record<string, unknown>): void } | null | undefined;
}

/** The behavior that gives a tab page its `load()`: the home answer, shown by `show`, and the tab marked. */
export function tabPage<D>(key: Tab['key'], show: (home: HomeData) => TabView<D>) {
  return Behavior({
    methods: {
      async load(this: TabHost<D>) {
        const { data, waiting } = show(await getHomeData());
        this.setData(data);
        markTab(this, key, waiting);
      },
    },
  });
}
