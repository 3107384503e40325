import { matterStats } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { addDays, chinaDate, dateText } from '../../../utils/china-time';
import { dataString } from '../../../utils/event';
import { statsView, type StatsView } from '../../../utils/matters-format';

type Preset = 'month' | 'quarter' | 'year';

interface StatsData {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  preset: Preset | '';
  village: StatsView | null;
  cadres: StatsView[];
  villages: StatsView[];
}

function periodOf(preset: Preset, today: string): { from: string; to: string } {
  if (preset === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (preset === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { from: addDays(today, -89), to: today };
}

const today = chinaDate();
const month = periodOf('month', today);

const initial: StatsData = {
  from: month.from,
  to: month.to,
  fromLabel: dateText(month.from),
  toLabel: dateText(month.to),
  preset: 'month',
  village: null,
  cadres: [],
  villages: [],
};

function isPreset(v: string): v is Preset {
  return v === 'month' || v === 'quarter' || v === 'year';
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const s = await matterStats(this.data.from, this.data.to);
      this.setData({
        village: s.village ? statsView(s.village.name, s.village) : null,
        cadres: s.cadres.map((c) => statsView(c.name, c)),
        villages: s.villages.map((v) => statsView(v.name, v)),
      });
    },
    onPreset(e: WechatMiniprogram.BaseEvent) {
      const p = dataString(e, 'preset');
      if (!isPreset(p)) return;
      const { from, to } = periodOf(p, chinaDate());
      this.setData({ preset: p, from, to, fromLabel: dateText(from), toLabel: dateText(to) });
      void reload(this);
    },
    onFrom(e: WechatMiniprogram.PickerChange) {
      const from = String(e.detail.value);
      this.setData({ from, fromLabel: dateText(from), preset: '' });
      void reload(this);
    },
    onTo(e: WechatMiniprogram.PickerChange) {
      const to = String(e.detail.value);
      this.setData({ to, toLabel: dateText(to), preset: '' });
      void reload(this);
    },
  },
});
