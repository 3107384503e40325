// 全镇村庄情况 (the town admin): the town's villages as a ranking table of the period — stars, 书记公开信
// a month, 村民说事 answered within two working days, points participation, 积分超市 use — then each
// village's stars criterion by criterion (each figure once), with the criteria written out.
import type { StarCriterion, StarKey, TownResult, TownVillageRow } from '../../../../typings/index';
import { getTown } from '../../../services/board';
import { percentText, starsText } from '../../../utils/board-format';
import { pageUrl } from '../../../utils/board-share';
import { chinaDate } from '../../../utils/china-time';
import { dataString } from '../../../utils/event';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';

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
  households: number;
  /** The ranking table's cells: each figure once. */
  rank: number;
  letters: string;
  response: string;
  participation: string;
  shop: string;
  checks: CheckRow[];
}

interface TownData {
  periods: PeriodOption[];
  period: Period;
  periodText: string;
  townName: string;
  criteria: StarCriterion[];
  villages: VillageCard[];
}

const initial: TownData = {
  periods: PERIODS,
  period: 'quarter',
  periodText: '',
  townName: '',
  criteria: [],
  villages: [],
};

function card(v: TownVillageRow, criteria: StarCriterion[]): VillageCard {
  const titles = new Map(criteria.map((c) => [c.key, c.title]));
  return {
    id: v.id,
    name: v.name,
    stars: starsText(v.stars),
    starCount: v.stars,
    households: v.households,
    rank: 0,
    letters: `${v.lettersPerMonth}`,
    response: percentText(v.matters.responseRate),
    participation: percentText(v.participation.rate),
    shop: percentText(v.shop.rate),
    checks: v.checks.map((c) => ({ key: c.key, title: titles.get(c.key) ?? c.key, met: c.met, value: c.value })),
  };
}

/** The ranking: most stars first, then the better answer rate; competition ranks (1, 2, 2, 4). */
export function ranked(cards: VillageCard[], rows: TownVillageRow[]): VillageCard[] {
  const rate = new Map(rows.map((r) => [r.id, r.matters.responseRate ?? -1]));
  const key = (c: VillageCard): [number, number] => [c.starCount, rate.get(c.id) ?? -1];
  const sorted = [...cards].sort((a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1]);
  return sorted.map((c) => ({
    ...c,
    rank: 1 + sorted.filter((o) => key(o)[0] > key(c)[0] || (key(o)[0] === key(c)[0] && key(o)[1] > key(c)[1])).length,
  }));
}

function monthText(m: string): string {
  return `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const res: TownResult = await getTown(periodMonths(this.data.period));
      this.setData({
        townName: res.town.name,
        periodText: res.from === res.to ? monthText(res.from) : `${monthText(res.from)}至${monthText(res.to)}`,
        criteria: res.criteria,
        villages: ranked(
          res.villages.map((v) => card(v, res.criteria)),
          res.villages,
        ),
      });
    },
    onPeriod(e: WechatMiniprogram.BaseEvent) {
      const key = dataString(e, 'key');
      const picked = PERIODS.find((p) => p.key === key);
      if (!picked || picked.key === this.data.period) return;
      this.setData({ period: picked.key });
      void reload(this);
    },
    onLetters(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: pageUrl('letters/letters', { villageId: dataString(e, 'id') }) });
    },
  },
});
