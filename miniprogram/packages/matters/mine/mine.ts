// 我的说事: what the caller raised (public or not), newest first; the ones waiting for their rating
// say so.
import { showError } from '../../../services/cloud';
import { myMatters } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { dataString } from '../../../utils/event';
import { matterRow, type MatterRow } from '../../../utils/matters-format';

interface MineData {
  items: MatterRow[];
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
  toRate: number;
}

const initial: MineData = { items: [], page: 0, hasMore: false, loadingMore: false, toRate: 0 };

function toRate(items: MatterRow[]): number {
  return items.filter((i) => i.statusName === '待评价').length;
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const page = await myMatters(0);
      const items = page.items.map(matterRow);
      this.setData({ items, page: 0, hasMore: page.hasMore, toRate: toRate(items) });
    },
    async onMore() {
      if (this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      try {
        const next = await myMatters(this.data.page + 1);
        const items = [...this.data.items, ...next.items.map(matterRow)];
        this.setData({ items, page: this.data.page + 1, hasMore: next.hasMore, toRate: toRate(items), loadingMore: false });
      } catch (e) {
        this.setData({ loadingMore: false });
        showError(e);
      }
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/detail/detail?id=${dataString(e, 'id')}` });
    },
    onRaise() {
      wx.navigateTo({ url: '/packages/matters/raise/raise' });
    },
  },
});
