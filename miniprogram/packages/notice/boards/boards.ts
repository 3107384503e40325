// 红黑榜 of a month (?month=YYYY-MM; the latest notice's month without it): the red list names the
// month's top households (top 10, equal totals share a rank, everyone tied at the 10th place listed);
// the black list shows deduction items and their points only, never a name or a household. Shared
// to the village group and to 朋友圈.
import type { BoardsResult } from '../../../../typings/index';
import { getBoards } from '../../../services/notice';
import { monthShort, monthTitle, stateText } from '../../../utils/notice-format';
import { behindGate, type Gate } from '../../../utils/notice-gate';
import { noticePage } from '../notice-page';
import { monthOrLatest, monthParam } from '../month';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';

interface RedRow {
  key: string;
  rank: number;
  /** "并列" when the rank is shared. */
  tie: boolean;
  label: string;
  total: string;
}

interface BlackRow {
  itemName: string;
  count: string;
  points: string;
}

interface BoardsData {
  gate: Gate;
  month: string;
  title: string;
  villageName: string;
  stateText: string;
  open: boolean;
  top: number;
  red: RedRow[];
  black: BlackRow[];
  deductions: string;
}

const initial: BoardsData = {
  gate: '',
  month: '',
  title: '',
  villageName: '',
  stateText: '',
  open: false,
  top: 10,
  red: [],
  black: [],
  deductions: '',
};

export function redRows(b: BoardsResult): RedRow[] {
  return b.red.map((r, i) => ({
    key: `${r.rank}-${i}`,
    rank: r.rank,
    tie: b.red.filter((x) => x.rank === r.rank).length > 1,
    label: r.label,
    total: `${r.total}分`,
  }));
}

export function blackRows(b: BoardsResult): BlackRow[] {
  return b.black.map((x) => ({ itemName: x.itemName, count: `${x.count}次`, points: `${x.points}分` }));
}

Component({
  behaviors: [care, shell, noticePage],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ month: monthParam(query) });
      if (typeof wx.showShareMenu === 'function') wx.showShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] });
    },
    async load() {
      const { gate, value: b } = await behindGate(async () => {
        const month = await monthOrLatest(this.data.month);
        return month ? getBoards(month) : null;
      });
      // No month to show (the village has no notice yet) is a gate too.
      this.setData({ gate: b ? '' : gate || 'notFound' });
      if (!b) return;
      this.setData({
        month: b.month,
        title: `${b.villageName}${monthTitle(b.month)}红黑榜`,
        villageName: b.villageName,
        stateText: stateText(b.status === 'settled' ? 'settled' : b.open ? 'open' : 'closed'),
        open: b.open,
        top: b.top,
        red: redRows(b),
        black: blackRows(b),
        deductions: b.deductions.count ? `本月共扣分 ${b.deductions.count} 次，合计 ${b.deductions.points} 分` : '',
      });
    },
    shareTitle(): string {
      const { villageName, month } = this.data;
      return villageName && month ? `${villageName}${monthShort(month)}红黑榜` : '红黑榜';
    },
    onShareAppMessage() {
      const { month } = this.data;
      return { title: this.shareTitle(), path: `/packages/notice/boards/boards${month ? `?month=${month}` : ''}` };
    },
    onShareTimeline() {
      const { month } = this.data;
      return { title: this.shareTitle(), query: month ? `month=${month}` : '' };
    },
  },
});
