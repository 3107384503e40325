// 我家的兑换单: the household's orders, newest first. An open one shows its pickup code large, its QR
// (the keeper scans it: its text is the code), and the day to collect it by; before pickup it can be
// cancelled and the points come back.
import type { MyOrder } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { confirmAction } from '../../../utils/confirm';
import { reload, shell } from '../../../behaviors/page-shell';
import { showError } from '../../../services/cloud';
import { cancelOrder, codeText, myOrders } from '../../../services/shop';
import { timeText } from '../../../utils/china-time';
import { dataString } from '../../../utils/event';
import { deadlineText } from '../format';

interface OrderCard {
  id: string;
  open: boolean;
  status: string;
  statusText: string;
  title: string;
  points: number;
  code: string;
  qr: string;
  when: string;
  deadline: string;
  closed: string;
}

interface OrdersData {
  available: number;
  cards: OrderCard[];
  cancelling: string;
  notice: string;
}

const initial: OrdersData = { available: 0, cards: [], cancelling: '', notice: '' };

function card(o: MyOrder): OrderCard {
  const closedWhat = o.status === 'done' ? '领取' : o.status === 'cancelled' ? '取消' : '过期';
  return {
    id: o.id,
    open: o.status === 'open',
    status: o.status,
    statusText: o.statusText,
    title: `${o.goodsName} × ${o.qty}`,
    points: o.points,
    code: codeText(o.code),
    qr: o.qr,
    when: `${timeText(o.createdAt)} ${o.byName} 兑换`,
    deadline: deadlineText(o.expiresAt),
    closed: o.closedAt
      ? `${timeText(o.closedAt)} ${closedWhat}${o.status === 'done' && o.closedByName ? `（${o.closedByName}）` : ''}`
      : '',
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const res = await myOrders();
      this.setData({ available: res.available, cards: res.orders.map(card) });
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const c = this.data.cards.find((x) => x.id === dataString(e, 'id'));
      if (c?.qr) wx.previewImage({ urls: [c.qr], current: c.qr });
    },
    async onCancel(e: WechatMiniprogram.BaseEvent) {
      const c = this.data.cards.find((x) => x.id === dataString(e, 'id'));
      if (!c || this.data.cancelling) return;
      if (!(await confirmAction('取消兑换', `取消「${c.title}」后，${c.points} 积分会退回您家。`, '取消兑换', '不取消'))) return;
      this.setData({ cancelling: c.id, notice: '' });
      try {
        const res = await cancelOrder(c.id);
        // The list reloaded first: when the notice shows, the order shows 已取消 beside it.
        await reload(this);
        this.setData({ cancelling: '', notice: `已取消，${res.order.points} 积分已退回，现有可用积分 ${res.available}` });
      } catch (err) {
        this.setData({ cancelling: '' });
        showError(err);
        await reload(this);
      }
    },
  },
});
