// 积分公示 by month: every notice of the village, newest first, with its state, closing time (China
// time) and figures; a month opens its notice, or its 红黑榜. Cadres publish last month's notice here.
import type { NoticeSummary } from '../../../../typings/index';
import { errorText, showError } from '../../../services/cloud';
import { listNotices, publishNotice } from '../../../services/notice';
import { dataString } from '../../../utils/event';
import { chinaMomentText, lastChinaMonth, monthTitle, noticeState, stateText, type NoticeState } from '../../../utils/notice-format';
import { gateOf, goHome, goJoin, type Gate } from '../../../utils/notice-gate';
import { care } from '../../../behaviors/care';

interface MonthRow {
  month: string;
  title: string;
  state: NoticeState;
  stateText: string;
  when: string;
  figures: string;
}

interface ListData {
  loading: boolean;
  failed: boolean;
  loadError: string;
  gate: Gate;
  rows: MonthRow[];
  canManage: boolean;
  publishing: boolean;
  publishMonth: string;
  result: string;
  resultWarn: boolean;
}

const initial: ListData = {
  loading: true,
  failed: false,
  loadError: '',
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
  behaviors: [care],
  data: initial,
  methods: {
    onLoad() {
      this.setData({ publishMonth: monthTitle(lastChinaMonth()) });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ loading: true, failed: false, loadError: '', gate: '' });
      try {
        const { notices, canManage } = await listNotices();
        this.setData({ rows: notices.map((n) => monthRow(n)), canManage, loading: false });
      } catch (e) {
        const gate = gateOf(e);
        if (gate) {
          this.setData({ loading: false, gate });
          return;
        }
        this.setData({ loading: false, failed: true, loadError: errorText(e) });
        showError(e);
      }
    },
    onRetry() {
      void this.load();
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
      try {
        const n = await publishNotice(lastChinaMonth());
        this.setData({
          publishing: false,
          result: `${monthTitle(n.month)}积分公示已发布：共${n.households}户，合计${n.totalPoints}分，异议截止${chinaMomentText(n.closesAt)}。`,
          resultWarn: false,
        });
        const { notices, canManage } = await listNotices();
        this.setData({ rows: notices.map((x) => monthRow(x)), canManage });
      } catch (e) {
        this.setData({ publishing: false, result: `没有发布：${errorText(e)}`, resultWarn: true });
      }
    },
    onJoin() {
      goJoin();
    },
    onHome() {
      goHome();
    },
  },
});
