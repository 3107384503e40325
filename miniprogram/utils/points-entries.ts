// The home page's ways into the points pages, by role: a household's members see their archive,
// the rules and self-reporting; grid leaders and cadres also record for households and review.
import type { MeResult } from '../../typings/index';

export interface PointsEntry {
  id: string;
  text: string;
  url: string;
}

const ROOT = '/packages/points';

export function pointsEntries(me: MeResult | null): PointsEntry[] {
  if (!me?.joined || !me.village) return [];
  const leads = me.roles.some((r) => r === 'gridLeader' || r === 'cadre' || r === 'secretary');
  const entries: PointsEntry[] = [];
  if (me.household) {
    entries.push({ id: 'entry-archive', text: '我家档案', url: `${ROOT}/archive/archive` });
    entries.push({ id: 'entry-self', text: '自报积分', url: `${ROOT}/record/record` });
  }
  if (leads) {
    entries.push({ id: 'entry-record', text: '记录积分', url: `${ROOT}/record/record?mode=households` });
    entries.push({ id: 'entry-review', text: '积分审核', url: `${ROOT}/review/review` });
  }
  entries.push({ id: 'entry-rules', text: '积分规则', url: `${ROOT}/rules/rules` });
  return entries;
}
