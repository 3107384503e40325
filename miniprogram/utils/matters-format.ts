// 村民说事 on the phone: rows of the lists, stars, rates, and the ways in from 首页.
import type { MatterSummary, MatterStatsRow } from '../../typings/index';
import { timeText } from './china-time';

export interface MatterRow {
  id: string;
  title: string;
  category: string;
  status: string;
  statusName: string;
  private: boolean;
  raiserName: string;
  raisedText: string;
  /** "11月24日（周二）24:00前答复", the assignment's due, or the stars once rated. */
  dueText: string;
  overdue: boolean;
  starsText: string;
  extras: string;
}

/** "★★★★☆" for 4 of 5. */
export function starsText(stars: number | null): string {
  if (stars === null) return '';
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`;
}

export function matterRow(m: MatterSummary): MatterRow {
  const extras = [m.photoCount ? `照片${m.photoCount}张` : '', m.hasVoice ? '有语音' : '', m.locationName ? `📍${m.locationName}` : '', m.round > 1 ? '重新办理' : ''].filter(Boolean);
  return {
    id: m.id,
    title: m.title,
    category: m.category,
    status: m.status,
    statusName: m.overdue ? '已超期' : m.status === 'closed' && m.stars === null ? '待评价' : m.statusName,
    private: !m.public,
    raiserName: m.raiserName,
    raisedText: timeText(m.raisedAt),
    dueText: m.dueText,
    overdue: m.overdue,
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
