// 村民说事: the village's public matters, newest first, with status, deadline and stars; the ways
// to raise one, to one's own, and (cadres) to the queue and the statistics.
import { getMe } from '../../../services/account';
import { showError } from '../../../services/cloud';
import { publicMatters } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { dataString } from '../../../utils/event';
import { matterRow, type MatterRow } from '../../../utils/matters-format';

interface ListData {
  items: MatterRow[];
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
  cadre: boolean;
  townAdmin: boolean;
}

const initial: ListData = {
  items: [],
  page: 0,
  hasMore: false,
  loadingMore: false,
  cadre: false,
  townAdmin: false,
};

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const [me, page] = await Promise.all([getMe(), publicMatters(0)]);
      const roles = me.joined ? me.roles : [];
      this.setData({
        items: page.items.map(matterRow),
        page: 0,
        hasMore: page.hasMore,
        cadre: roles.includes('cadre') || roles.includes('secretary'),
        townAdmin: roles.includes('townAdmin'),
      });
    },
    async onMore() {
      if (this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      try {
        const next = await publicMatters(this.data.page + 1);
        this.setData({
          items: [...this.data.items, ...next.items.map(matterRow)],
          page: this.data.page + 1,
          hasMore: next.hasMore,
          loadingMore: false,
        });
      } catch (e) {
        this.setData({ loadingMore: false });
        showError(e);
      }
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/detail/detail?id=${dataString(e, 'id')}` });
    },
    onGo(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/${dataString(e, 'to')}` });
    },
  },
});
