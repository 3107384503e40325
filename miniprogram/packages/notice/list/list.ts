// 积分公示 by month: every notice of the village, newest first, with its state, closing time (China
// time) and figures; a month opens its notice, or its 红黑榜. Cadres publish last month's notice here.
import type { NoticeSummary } from '../../../../typings/index';
import { listNotices } from '../../../services/notice';
import { dataString } from '../../../utils/event';
import { chinaMomentText, lastChinaMonth, monthTitle, noticeState, stateText, type NoticeState } from '../../../utils/notice-format';
import { behindGate, type Gate } from '../../../utils/notice-gate';
import { noticePage } from '../notice-page';
import { publishLastMonth } from '../publish';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';

interface MonthRow {
  month: string;
  title: string;
  state: NoticeState;
  stateText: string;
  when: string;
  figures: string;
}

interface ListData {
  gate: Gate;
  rows: MonthRow[];
  canManage: boolean;
  publishing: boolean;
  publishMonth: string;
  result: string;
  resultWarn: boolean;
}

const initial: ListData = {
  gate: '',
  rows: [],
  canManage: false,
  publishing: false,
  publishMonth: '',
  result: '',
  resultWarn: false,
};

export function monthRow(n: NoticeSummary, now: number = Date.now()): MonthRow {
  const state = noticeState(n, now);
  return {
    month: n.month,
    title: monthTitle(n.month),
    state,
    stateText: stateText(state),
    when:
      state === 'open'
        ? `提异议截止 ${chinaMomentText(n.closesAt)}`
        : state === 'settled' && n.settledAt
          ? `${chinaMomentText(n.settledAt)} 结算`
          : `公示期已于 ${chinaMomentText(n.closesAt)} 结束`,
    figures: `${n.households}户 · 合计${n.totalPoints}分`,
  };
}

Component({
  behaviors: [care, shell, noticePage],
  data: initial,
  methods: {
    onLoad() {
      this.setData({ publishMonth: monthTitle(lastChinaMonth()) });
    },
    async load() {
      const { gate, value } = await behindGate(() => listNotices());
      this.setData({ gate, ...(value ? { rows: value.notices.map((n) => monthRow(n)), canManage: value.canManage } : {}) });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const month = dataString(e, 'month');
      if (month) wx.navigateTo({ url: `/packages/notice/notice/notice?month=${month}` });
    },
    onBoards(e: WechatMiniprogram.BaseEvent) {
      const month = dataString(e, 'month');
      if (month) wx.navigateTo({ url: `/packages/notice/boards/boards?month=${month}` });
    },
    async onPublish() {
      if (this.data.publishing) return;
      this.setData({ publishing: true, result: '' });
      const done = await publishLastMonth();
      this.setData({ publishing: false, ...(done ? { result: done.text, resultWarn: done.warn } : {}) });
      if (done?.notice) await reload(this);
    },
  },
});
