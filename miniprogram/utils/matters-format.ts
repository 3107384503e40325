// 村民说事 on the phone: rows of the lists, stars, rates, and the ways in from 首页.
import type { MatterSummary, MatterStatsRow } from '../../typings/index';
import { timeText } from './china-time';

/** What a matter's row in a list and its detail both show first. */
export interface MatterHead {
  id: string;
  title: string;
  category: string;
  status: string;
  statusName: string;
  overdue: boolean;
  raiserName: string;
  raisedText: string;
  /** "11月24日（周二）24:00前答复", the assignment's due, or the stars once rated. */
  dueText: string;
}

export interface MatterRow extends MatterHead {
  private: boolean;
  starsText: string;
  extras: string;
}

type HeadFields = 'id' | 'title' | 'category' | 'status' | 'statusName' | 'overdue' | 'stars' | 'raiserName' | 'raisedAt' | 'dueText';

/**
 * The head of a matter: 已超期 says more than its status, and a closed matter not rated yet waits
 * for its rating (`unrated`: a list's short word, the detail's longer one).
 */
export function matterHead(m: Pick<MatterSummary, HeadFields>, unrated: string): MatterHead {
  return {
    id: m.id,
    title: m.title,
    category: m.category,
    status: m.status,
    statusName: m.overdue ? '已超期' : m.status === 'closed' && m.stars === null ? unrated : m.statusName,
    overdue: m.overdue,
    raiserName: m.raiserName,
    raisedText: timeText(m.raisedAt),
    dueText: m.dueText,
  };
}

/** "★★★★☆" for 4 of 5. */
export function starsText(stars: number | null): string {
  if (stars === null) return '';
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`;
}

export function matterRow(m: MatterSummary): MatterRow {
  const extras = [
    m.photoCount ? `照片${m.photoCount}张` : '',
    m.hasVoice ? '有语音' : '',
    m.locationName ? `📍${m.locationName}` : '',
    m.round > 1 ? '重新办理' : '',
  ].filter(Boolean);
  return {
    ...matterHead(m, '待评价'),
    private: !m.public,
    starsText: starsText(m.stars),
    extras: extras.join(' · '),
  };
}

/** "96.5%" of 0.965; "—" when nothing counts. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

export interface StatsView {
  name: string;
  raised: number;
  responseRate: string;
  resolutionRate: string;
  averageStars: string;
  goodShare: string;
  /** e.g. "应答复 10 件，按期 9 件". */
  detail: string;
}

export function statsView(name: string, r: MatterStatsRow): StatsView {
  return {
    name,
    raised: r.raised,
    responseRate: percent(r.responseRate),
    resolutionRate: percent(r.resolutionRate),
    averageStars: r.averageStars === null ? '—' : `${r.averageStars.toFixed(1)}星`,
    goodShare: percent(r.goodShare),
    detail: `提出 ${r.raised} 件，应答复 ${r.due} 件，按期答复 ${r.respondedInTime} 件，办结 ${r.closed} 件，评价 ${r.rated} 件`,
  };
}

const DAY_MS = 24 * 3600 * 1000;

/** "已超期 3 天": whole days past the deadline, counting a day begun (1 from the first minute). */
export function overdueText(due: string, now: number): string {
  const days = Math.max(1, Math.ceil((now - Date.parse(due)) / DAY_MS));
  return `已超期 ${days} 天`;
}

/**
 * The cadres' queue in the order to work it: overdue first (longest overdue on top), then what is
 * due, soonest first, then what waits for nothing from them (answered, in progress without a date).
 */
export function queueRows(items: MatterSummary[], now: number): MatterRow[] {
  const rank = (m: MatterSummary): number => (m.overdue ? 0 : m.dueText ? 1 : 2);
  return [...items]
    .sort((a, b) => rank(a) - rank(b) || Date.parse(a.due) - Date.parse(b.due))
    .map((m) => ({ ...matterRow(m), dueText: m.overdue ? overdueText(m.due, now) : m.dueText }));
}
