// The custom tabBar (app.json tabBar.custom): 首页 · 办事 · 公开 · 我的. Custom so that it follows
// 关怀模式 like the pages (the care behavior gives it careClass; its own sizes scale with it), which
// WeChat's native tabBar cannot. Each tab page marks its tab on show (tabs.ts, markTab).
import { care } from '../behaviors/care';
import { TABS } from '../utils/tabs';

Component({
  behaviors: [care],
  data: { selected: 0, tabs: TABS, badge: 0 },
  methods: {
    onTap(e: WechatMiniprogram.TouchEvent) {
      const index = Number(e.currentTarget.dataset.index);
      const tab = TABS[index];
      if (!tab || index === this.data.selected) return;
      wx.switchTab({ url: tab.url });
    },
  },
});
