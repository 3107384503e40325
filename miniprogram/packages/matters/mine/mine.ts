import { myMatters } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { loadMore } from '../../../behaviors/more';
import { shell } from '../../../behaviors/page-shell';
import { dataString } from '../../../utils/event';
import { matterRow, type MatterRow } from '../../../utils/matters-format';

interface MineData {
  rows: MatterRow[];
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
  toRate: number;
}

const initial: MineData = { rows: [], page: 0, hasMore: false, loadingMore: false, toRate: 0 };

function toRate(items: MatterRow[]): number {
  return items.filter((i) => i.statusName === '待评价').length;
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const page = await myMatters(0);
      const rows = page.items.map(matterRow);
      this.setData({ rows, page: 0, hasMore: page.hasMore, toRate: toRate(rows) });
    },
    async onMore() {
      await loadMore(this, async (page) => {
        const next = await myMatters(page);
        return { rows: next.items.map(matterRow), hasMore: next.hasMore };
      });
      this.setData({ toRate: toRate(this.data.rows) });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/detail/detail?id=${dataString(e, 'id')}` });
    },
    onRaise() {
      wx.navigateTo({ url: '/packages/matters/raise/raise' });
    },
  },
});
