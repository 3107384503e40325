// 一年一评优: a household's year — the points it earned (settled points and grid bonus), its rank
// in the village, its honours (文明家庭, the 金豆 / 银豆 / 铜豆 grids it shared in) and the 积分贷
// rate it qualifies for. Grid leaders and cadres open another household with ?householdId=.
import type { AnnualResult } from '../../../../typings/index';
import { getAnnual } from '../../../services/honours';
import { rateText } from '../../../utils/honours-format';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';

interface AnnualData {
  householdId: string;
  year: number;
  thisYear: number;
  title: string;
  household: AnnualResult['household'] | null;
  earned: number;
  bonusText: string;
  rankText: string;
  honours: AnnualResult['honours'];
  civilizedText: string;
  rate: string;
  final: boolean;
}

const initial: AnnualData = {
  householdId: '',
  year: 0,
  thisYear: 0,
  title: '',
  household: null,
  earned: 0,
  bonusText: '',
  rankText: '',
  honours: [],
  civilizedText: '',
  rate: '',
  final: false,
};

export function annualView(a: AnnualResult): Partial<AnnualData> {
  return {
    year: a.year,
    title: `${a.year}年${a.final ? '' : '（截至今天）'}`,
    household: a.household,
    earned: a.earned,
    bonusText: a.bonus ? `其中网格荣誉奖励 ${a.bonus} 分` : '',
    rankText: `全村第 ${a.rank.rank} 名 / 共 ${a.rank.of} 户`,
    honours: a.honours,
    civilizedText: `全村年度积分前 ${a.civilizedPlaces} 名（前10%，积分相同的并列）评为文明家庭。`,
    rate: rateText(a.loanRateBp),
    final: a.final,
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const year = Number(query.year);
      this.setData({ householdId: query.householdId ?? '', year: Number.isInteger(year) && year > 2000 ? year : 0 });
    },
    async load() {
      const a = await getAnnual(this.data.year || undefined, this.data.householdId || undefined);
      this.setData({ ...annualView(a), thisYear: this.data.thisYear || a.year });
    },
    onPrevYear() {
      this.setData({ year: this.data.year - 1 });
      void reload(this);
    },
    onNextYear() {
      if (this.data.year >= this.data.thisYear) return;
      this.setData({ year: this.data.year + 1 });
      void reload(this);
    },
    onOpenLoan() {
      wx.navigateTo({ url: '/packages/honours/loan/loan' });
    },
  },
});
