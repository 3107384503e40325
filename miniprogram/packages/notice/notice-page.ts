// What the notice pages (公示, 红黑榜, 打印, the list) share: the month of their link (?month=YYYY-MM,
// kept in `month`; a page that does more on load writes its own onLoad), and the ways out: the gate's
// 申请加入本村 and 回到首页 (notice-gate.ts), 看其他月份, and from one month's page to its others.
import { goHome, goJoin } from '../../utils/notice-gate';
import { monthParam } from './month';

interface MonthHost {
  data: { month?: string };
  setData(data: { month: string }): void;
}

function toMonth(host: MonthHost, page: 'notice' | 'boards' | 'print'): void {
  wx.navigateTo({ url: `/packages/notice/${page}/${page}?month=${host.data.month ?? ''}` });
}

export const noticePage = Behavior({
  methods: {
    onLoad(this: MonthHost, query: Record<string, string | undefined>) {
      this.setData({ month: monthParam(query) });
    },
    onJoin() {
      goJoin();
    },
    onHome() {
      goHome();
    },
    onToList() {
      wx.navigateTo({ url: '/packages/notice/list/list' });
    },
    onToNotice(this: MonthHost) {
      toMonth(this, 'notice');
    },
    onToBoards(this: MonthHost) {
      toMonth(this, 'boards');
    },
    onToPrint(this: MonthHost) {
      toMonth(this, 'print');
    },
  },
});
