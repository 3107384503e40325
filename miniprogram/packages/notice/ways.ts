// The ways out of a notice page, one set for 公示, 红黑榜, 打印 and the list: the gate's 申请加入本村 and
// 回到首页 (notice-gate.ts), 看其他月份, and from one month's page to the same month's others.
import { goHome, goJoin } from '../../utils/notice-gate';

interface MonthHost {
  data: { month?: string };
}

function toMonth(host: MonthHost, page: 'notice' | 'boards' | 'print'): void {
  wx.navigateTo({ url: `/packages/notice/${page}/${page}?month=${host.data.month ?? ''}` });
}

export const noticeWays = Behavior({
  methods: {
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
