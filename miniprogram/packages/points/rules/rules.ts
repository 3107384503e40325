// 积分规则: the 村规民约积分条款 in force, grouped by the five common categories and 本村特色, with
// the adoption record (三上三下, the assembly's vote) and every version. Readable by every villager.
import type { RuleCategory, RuleItemView, RulesResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { getRules } from '../../../services/points';
import { dateText } from '../../../utils/china-time';
import { capText, pointsText, recordersText } from '../../../utils/points-format';

const CATEGORIES: RuleCategory[] = ['爱国守法', '生态宜居', '产业兴旺', '乡风文明', '共建共治', '本村特色'];

interface RuleRow {
  code: string;
  name: string;
  pointsText: string;
  up: boolean;
  unit: string;
  capText: string;
  photo: boolean;
  recorders: string;
}

interface RuleGroup {
  category: RuleCategory;
  items: RuleRow[];
}

interface AdoptionRow {
  meeting: string;
  rounds: number;
  attendees: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

interface VersionRow {
  id: string;
  version: number;
  from: string;
  current: boolean;
}

interface RulesData {
  error: string;
  /** No version adopted yet. */
  empty: boolean;
  version: number;
  effectiveFrom: string;
  itemCount: number;
  adoption: AdoptionRow | null;
  groups: RuleGroup[];
  versions: VersionRow[];
  /** The secretary may record a newly adopted version. */
  canAdopt: boolean;
}

const initial: RulesData = {
  error: '',
  empty: false,
  version: 0,
  effectiveFrom: '',
  itemCount: 0,
  adoption: null,
  groups: [],
  versions: [],
  canAdopt: false,
};

function row(i: RuleItemView): RuleRow {
  return {
    code: i.code,
    name: i.name,
    pointsText: pointsText(i.points),
    up: i.points > 0,
    unit: i.unit,
    capText: capText(i.cap),
    photo: i.evidence === 'photo',
    recorders: recordersText(i.recordedBy),
  };
}

export function rulesView(res: RulesResult): Omit<RulesData, 'loading' | 'failed' | 'error'> {
  const current = res.current;
  const versions = res.versions.map((v) => ({
    id: v.id,
    version: v.version,
    from: dateText(v.effectiveFrom),
    current: v.id === current?.id,
  }));
  if (!current) return { ...initial, empty: true, versions, canAdopt: res.canAdopt };
  const a = current.adoption;
  return {
    canAdopt: res.canAdopt,
    empty: false,
    version: current.version,
    effectiveFrom: dateText(current.effectiveFrom),
    itemCount: current.items.length,
    adoption: {
      meeting: dateText(a.meetingDate),
      rounds: a.rounds,
      attendees: a.attendees,
      votesFor: a.votesFor,
      votesAgainst: a.votesAgainst,
      abstentions: a.abstentions,
    },
    groups: CATEGORIES.map((category) => ({ category, items: current.items.filter((i) => i.category === category).map(row) })).filter(
      (g) => g.items.length > 0,
    ),
    versions,
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      this.setData({ error: '' });
      const res = await getRules();
      this.setData({ ...rulesView(res) });
    },
    onAdopt() {
      void wx.navigateTo({ url: '/packages/points/adopt/adopt' });
    },
  },
});
