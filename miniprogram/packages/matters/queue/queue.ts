// 说事待办 (cadres): every matter not yet closed, overdue first with "已超期 N 天", then the soonest deadline;
// held ones wait for a look at their content. A tap opens 办理.
import { askSubscribe, MATTER_TEMPLATES, matterQueue } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { dataString } from '../../../utils/event';
import { queueRows, type MatterRow } from '../../../utils/matters-format';

interface QueueData {
  items: MatterRow[];
  overdue: number;
  held: number;
  waiting: number;
}

const initial: QueueData = { items: [], overdue: 0, held: 0, waiting: 0 };

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const q = await matterQueue();
      const items = queueRows(q.items, Date.now());
      this.setData({
        items,
        overdue: q.overdue,
        held: items.filter((i) => i.status === 'held').length,
        waiting: items.filter((i) => i.status === 'open' || i.status === 'held').length,
      });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/matters/handle/handle?id=${dataString(e, 'id')}` });
    },
    onSubscribe() {
      void askSubscribe(MATTER_TEMPLATES.cadre);
    },
  },
});
