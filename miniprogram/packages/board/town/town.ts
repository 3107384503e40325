// 全镇村庄情况 (the town admin): every village of the town with its figures of the period — 书记公开信,
// 村民说事 and how many were answered within two working days, points participation, 积分超市 use,
// 财务公开 — and its stars (星级村庄), with the criteria written out as the function applies them.
import type { StarCriterion, StarKey, TownResult, TownVillageRow } from '../../../../typings/index';
import { CloudError, showError } from '../../../services/cloud';
import { getTown } from '../../../services/board';
import { percentText, starsText } from '../../../utils/board-format';
import { pageUrl } from '../../../utils/board-share';
import { chinaDate } from '../../../utils/china-time';
import { dataString } from '../../../utils/event';
import { care } from '../../../behaviors/care';

type Period = 'lastMonth' | 'quarter' | 'year';

interface PeriodOption {
  key: Period;
  name: string;
}

const PERIODS: PeriodOption[] = [
  { key: 'lastMonth', name: '上个月' },
  { key: 'quarter', name: '近三个月' },
  { key: 'year', name: '今年' },
];

function shift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = (y ?? 1970) * 12 + (m ?? 1) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months of a period choice, by China time today. */
export function periodMonths(period: Period, today: string = chinaDate()): { from: string; to: string } {
  const month = today.slice(0, 7);
  if (period === 'lastMonth') return { from: shift(month, -1), to: shift(month, -1) };
  if (period === 'year') return { from: `${month.slice(0, 4)}-01`, to: month };
  return { from: shift(month, -2), to: month };
}

interface CheckRow {
  key: StarKey;
  title: string;
  met: boolean;
  value: string;
}

interface VillageCard {
  id: string;
  name: string;
  stars: string;
  starCount: number;
  lines: string[];
  checks: CheckRow[];
}

interface TownData {
  loading: boolean;
  failed: boolean;
  loadError: string;
  periods: PeriodOption[];
  period: Period;
  periodText: string;
  townName: string;
  criteria: StarCriterion[];
  villages: VillageCard[];
}

const initial: TownData = { loading: true, failed: false, loadError: '', periods: PERIODS, period: 'quarter', periodText: '', townName: '', criteria: [], villages: [] };

function card(v: TownVillageRow, criteria: StarCriterion[]): VillageCard {
  const titles = new Map(criteria.map((c) => [c.key, c.title]));
  return {
    id: v.id,
    name: v.name,
    stars: starsText(v.stars),
    starCount: v.stars,
    lines: [
      `农户 ${v.households} 户`,
      `书记公开信 ${v.letters} 封（每月 ${v.lettersPerMonth} 封）`,
      `村民说事 ${v.matters.raised} 件，按时答复率 ${percentText(v.matters.responseRate)}（${v.matters.respondedInTime}/${v.matters.due}）`,
      `积分参与率 ${percentText(v.participation.rate)}（${v.participation.active}/${v.households} 户）`,
      `积分超市 兑换 ${v.shop.orders} 单、${v.shop.points} 分，${v.shop.households} 户（${percentText(v.shop.rate)}）`,
      `财务公开 ${v.finance} 条`,
    ],
    checks: v.checks.map((c) => ({ key: c.key, title: titles.get(c.key) ?? c.key, met: c.met, value: c.value })),
  };
}

function monthText(m: string): string {
  return `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
}

Component({
  behaviors: [care],
  data: initial,
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ loading: true, failed: false, loadError: '' });
      try {
        const res: TownResult = await getTown(periodMonths(this.data.period));
        this.setData({
          loading: false,
          townName: res.town.name,
          periodText: res.from === res.to ? monthText(res.from) : `${monthText(res.from)}至${monthText(res.to)}`,
          criteria: res.criteria,
          villages: res.villages.map((v) => card(v, res.criteria)),
        });
      } catch (e) {
        this.setData({ loading: false, failed: true, loadError: e instanceof CloudError ? e.message : '没有加载成功' });
        showError(e);
      }
    },
    onRetry() {
      void this.load();
    },
    onPeriod(e: WechatMiniprogram.BaseEvent) {
      const key = dataString(e, 'key');
      const picked = PERIODS.find((p) => p.key === key);
      if (!picked || picked.key === this.data.period) return;
      this.setData({ period: picked.key });
      void this.load();
    },
    onLetters(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: pageUrl('letters/letters', { villageId: dataString(e, 'id') }) });
    },
  },
});
