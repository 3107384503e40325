// 村民说事: the village's public matters, newest first, with status, deadline and stars; the ways
// to raise one, to one's own, and (cadres) to the queue and the statistics.
import { getMe } from '../../../services/account';
import { publicMatters } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { loadMore } from '../../../behaviors/more';
import { shell } from '../../../behaviors/page-shell';
import { dataString } from '../../../utils/event';
import { matterRow, type MatterRow } from '../../../utils/matters-format';

interface ListData {
  rows: MatterRow[];
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
  cadre: boolean;
  townAdmin: boolean;
}

const initial: ListData = {
  rows: [],
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
        rows: page.items.map(matterRow),
        page: 0,
        hasMore: page.hasMore,
        cadre: roles.includes('cadre') || roles.includes('secretary'),
        townAdmin: roles.includes('townAdmin'),
      });
    },
    onMore() {
      return loadMore(this, async (page) => {
        const next = await publicMatters(page);
        return { rows: next.items.map(matterRow), hasMore: next.hasMore };
      });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/detail/detail?id=${dataString(e, 'id')}` });
    },
    onGo(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/${dataString(e, 'to')}` });
    },
  },
});
