// 网格评比: each 微网格's settled points of a month with the grid leader's 50/50 score, and a
// quarter's 金豆 / 银豆 / 铜豆 grids with the bonus each household gets. A cadre awards a quarter
// (once: awarding again changes nothing) after its notices have settled.
import type { GridScoreView, GridsResult, QuarterResult } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import { awardQuarter, getGridScores, getQuarter } from '../../../services/honours';
import { HONOUR_SHORT, monthText, quarterText, shiftMonth, shiftQuarter } from '../../../utils/honours-format';
import { care } from '../../../behaviors/care';
import { confirmAction } from '../../../utils/confirm';
import { shell } from '../../../behaviors/page-shell';

interface GridRow {
  id: string;
  rank: number;
  name: string;
  points: number;
  detail: string;
  leader: string;
}

interface HonourRow {
  id: string;
  rank: number;
  name: string;
  points: number;
  households: number;
  honour: string;
  badgeClass: string;
  bonus: string;
}

interface GridsData {
  villageName: string;
  month: string;
  monthTitle: string;
  settled: boolean;
  grids: GridRow[];
  quarter: string;
  quarterTitle: string;
  status: QuarterResult['status'] | '';
  statusText: string;
  reason: string;
  honours: HonourRow[];
  summary: string;
  bonusText: string;
  canAward: boolean;
  busy: boolean;
}

const initial: GridsData = {
  villageName: '',
  month: '',
  monthTitle: '',
  settled: false,
  grids: [],
  quarter: '',
  quarterTitle: '',
  status: '',
  statusText: '',
  reason: '',
  honours: [],
  summary: '',
  bonusText: '',
  canAward: false,
  busy: false,
};

function leaderText(g: GridScoreView): string {
  const l = g.leader;
  if (!l) return '本网格还没有网格长';
  const own = l.hasHousehold ? `本户 ${l.own} 分` : '未关联本户（按 0 分计）';
  return `网格长 ${l.name}：${own}，所管农户平均 ${l.average.toFixed(1)} 分，得分 ${l.score.toFixed(1)}`;
}

export function gridRows(r: GridsResult): GridRow[] {
  return r.grids.map((g) => ({
    id: g.gridId,
    rank: g.rank,
    name: g.name,
    points: g.points,
    detail: `${g.households} 户，户均 ${g.average.toFixed(1)} 分`,
    leader: leaderText(g),
  }));
}

const STATUS_TEXT: Record<QuarterResult['status'], string> = {
  awarded: '已评定，奖励积分已发放',
  ready: '预评结果（还没有评定）',
  notReady: '暂不能评定',
};

export function quarterView(q: QuarterResult): Partial<GridsData> {
  return {
    quarter: q.quarter,
    quarterTitle: `${quarterText(q.quarter)}网格荣誉`,
    status: q.status,
    statusText: STATUS_TEXT[q.status],
    reason: q.reason,
    canAward: q.canAward && q.status === 'ready',
    honours: q.grids.map((g) => ({
      id: g.gridId,
      rank: g.rank,
      name: g.name,
      points: g.points,
      households: g.households,
      honour: g.honour ? HONOUR_SHORT[g.honour] : '',
      badgeClass: g.honour ? `badge-${g.honour}` : '',
      bonus: g.honour
        ? `奖励 ${g.bonus} 分，${g.households} 户平分，每户 ${g.share} 分${g.remainder ? `（余 ${g.remainder} 分不再分配）` : ''}`
        : '',
    })),
    summary: q.status === 'awarded' ? `共 ${q.households} 户获得奖励积分，合计 ${q.points} 分` : '',
    bonusText: `金豆网格奖励 ${q.bonusSetting.gold} 分，银豆 ${q.bonusSetting.silver} 分，铜豆 ${q.bonusSetting.bronze} 分（每个网格）`,
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      // The month and quarter asked for (none: the current ones); later loads keep what is shown.
      this.setData({ month: query.month ?? '', quarter: query.quarter ?? '' });
    },
    async load() {
      const [g, q] = await Promise.all([getGridScores(this.data.month || undefined), getQuarter(this.data.quarter || undefined)]);
      this.setData({
        villageName: g.villageName,
        month: g.month,
        monthTitle: `${monthText(g.month)}网格积分`,
        settled: g.settled,
        grids: gridRows(g),
        ...quarterView(q),
      });
    },
    async loadMonth(month: string) {
      try {
        const g = await getGridScores(month);
        this.setData({ month: g.month, monthTitle: `${monthText(g.month)}网格积分`, settled: g.settled, grids: gridRows(g) });
      } catch (e) {
        showError(e);
      }
    },
    async loadQuarter(quarter: string) {
      try {
        this.setData(quarterView(await getQuarter(quarter)));
      } catch (e) {
        showError(e);
      }
    },
    onPrevMonth() {
      void this.loadMonth(shiftMonth(this.data.month, -1));
    },
    onNextMonth() {
      void this.loadMonth(shiftMonth(this.data.month, 1));
    },
    onPrevQuarter() {
      void this.loadQuarter(shiftQuarter(this.data.quarter, -1));
    },
    onNextQuarter() {
      void this.loadQuarter(shiftQuarter(this.data.quarter, 1));
    },
    async onAward() {
      if (this.data.busy || !this.data.canAward) return;
      const ok = await confirmAction(
        '评定网格荣誉',
        `确定评定${quarterText(this.data.quarter)}的网格荣誉吗？评定后奖励积分会立即发到各户，不能撤回。`,
      );
      if (!ok) return;
      this.setData({ busy: true });
      try {
        const q = await awardQuarter(this.data.quarter);
        this.setData({ ...quarterView(q), busy: false });
        wx.showToast({ title: '已评定并发放', icon: 'success' });
      } catch (e) {
        this.setData({ busy: false });
        showError(e);
      }
    },
  },
});
