// 节假日设置: which years the holiday calendar (chinese-days) covers, the town's and the village's
// dated overrides (a holiday, or a make-up working day) for what it lacks, and the warning that next
// year's arrangement is missing. The town admin edits the town's; cadres their village's.
import type { CalendarDayKind, CalendarResult } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import { askSubscribe, holidayCalendar, MATTER_TEMPLATES, setHolidayOverride } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { addDays, chinaDate, dateText } from '../../../utils/china-time';
import { dataString } from '../../../utils/event';

interface OverrideRow {
  key: string;
  date: string;
  dateLabel: string;
  kindName: string;
  holiday: boolean;
  name: string;
  scope: 'village' | 'town';
  scopeName: string;
  canRemove: boolean;
}

interface CalendarData {
  coverage: { year: number; text: string; missing: boolean }[];
  libraryText: string;
  warnings: { year: number; message: string }[];
  overrides: OverrideRow[];
  canEditVillage: boolean;
  canEditTown: boolean;
  scope: 'village' | 'town';
  date: string;
  dateLabel: string;
  kind: CalendarDayKind;
  name: string;
  saving: boolean;
  error: string;
}

const tomorrow = addDays(chinaDate(), 1);

const initial: CalendarData = {
  coverage: [],
  libraryText: '',
  warnings: [],
  overrides: [],
  canEditVillage: false,
  canEditTown: false,
  scope: 'village',
  date: tomorrow,
  dateLabel: dateText(tomorrow),
  kind: 'holiday',
  name: '',
  saving: false,
  error: '',
};

const COVERAGE_TEXT = {
  library: '已收录国家法定节假日安排',
  overrides: '已按本镇录入的日期计算',
  none: '尚未收录，答复期限只按周末计算',
} as const;

function rows(c: CalendarResult): Partial<CalendarData> {
  const years = c.libraryYears;
  return {
    coverage: c.coverage.map((y) => ({ year: y.year, text: COVERAGE_TEXT[y.source], missing: y.source === 'none' })),
    libraryText: years.length ? `节假日数据收录了 ${years[0]}–${years[years.length - 1]} 年` : '',
    warnings: c.warnings.map((w) => ({ year: w.year, message: w.message })),
    overrides: c.overrides.map((o) => ({
      key: `${o.scope}|${o.date}`,
      date: o.date,
      dateLabel: dateText(o.date),
      kindName: o.kind === 'holiday' ? '放假' : '调休上班',
      holiday: o.kind === 'holiday',
      name: o.name,
      scope: o.scope,
      scopeName: o.scope === 'town' ? '全镇' : '本村',
      canRemove: o.scope === 'town' ? c.canEditTown : c.canEditVillage,
    })),
    canEditVillage: c.canEditVillage,
    canEditTown: c.canEditTown,
    scope: c.canEditTown ? 'town' : 'village',
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      this.setData(rows(await holidayCalendar()));
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const date = String(e.detail.value);
      this.setData({ date, dateLabel: dateText(date) });
    },
    onKind(e: WechatMiniprogram.BaseEvent) {
      const kind = dataString(e, 'kind');
      if (kind === 'holiday' || kind === 'workday') this.setData({ kind });
    },
    onName(e: WechatMiniprogram.Input) {
      this.setData({ name: e.detail.value });
    },
    async save(date: string, kind: CalendarDayKind | 'none', scope: 'village' | 'town', name: string) {
      if (this.data.saving) return;
      this.setData({ saving: true, error: '' });
      try {
        const c = await setHolidayOverride({ scope, date, kind, name });
        this.setData({ ...rows(c), saving: false, name: '' });
        wx.showToast({ title: kind === 'none' ? '已删除' : '已保存', icon: 'none' });
      } catch (e) {
        this.setData({ saving: false });
        showError(e);
      }
    },
    onAdd() {
      if (this.data.canEditTown) void askSubscribe(MATTER_TEMPLATES.town);
      void this.save(this.data.date, this.data.kind, this.data.scope, this.data.name.trim());
    },
    onRemove(e: WechatMiniprogram.BaseEvent) {
      const scope = dataString(e, 'scope');
      if (scope === 'village' || scope === 'town') void this.save(dataString(e, 'date'), 'none', scope, '');
    },
  },
});
