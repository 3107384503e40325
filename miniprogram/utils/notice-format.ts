// How the notice pages (and the printed notice) say things: months, the notice period in China time,
// the notice's state, objections' outcomes.
import type { NoticeSummary, ObjectionView } from '../../typings/index';
import { chinaDate, dateText } from './china-time';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "2026年11月" of "2026-11". */
export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** "11月" of "2026-11". */
export function monthShort(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

/** The month before "YYYY-MM". */
export function previousMonthOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The China month before the one `at` falls in: the month a cadre publishes at a month's start. */
export function lastChinaMonth(at: number = Date.now()): string {
  return previousMonthOf(chinaDate(at).slice(0, 7));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A moment in China time as people say it: "12月5日 24:00" for midnight that ends the 5th (the notice
 * closes at 24:00 of its last day), otherwise "12月5日 09:30". With the year: "2026年12月5日 24:00".
 */
export function chinaMomentText(iso: string, withYear = false): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const d = new Date(at + CHINA_OFFSET_MS);
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
  const day = midnight ? new Date(at + CHINA_OFFSET_MS - 1) : d;
  const date = `${withYear ? `${day.getUTCFullYear()}年` : ''}${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
  return `${date} ${midnight ? '24:00' : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`}`;
}

/** "2026年12月1日 至 2026年12月5日 24:00": from the day of publication to the closing time. */
export function periodText(publishedAt: string, closesAt: string): string {
  const from = Date.parse(publishedAt);
  if (Number.isNaN(from)) return '';
  return `${dateText(chinaDate(from))} 至 ${chinaMomentText(closesAt, true)}`;
}

export type NoticeState = 'open' | 'closed' | 'settled';

export function noticeState(n: Pick<NoticeSummary, 'status' | 'closesAt'>, now: number = Date.now()): NoticeState {
  if (n.status === 'settled') return 'settled';
  return now < Date.parse(n.closesAt) ? 'open' : 'closed';
}

const STATE_TEXT: Record<NoticeState, string> = { open: '公示中', closed: '公示期已过，待结算', settled: '已结算' };

export function stateText(state: NoticeState): string {
  return STATE_TEXT[state];
}

const OBJECTION_TEXT: Record<ObjectionView['status'], string> = { open: '待处理', upheld: '异议成立', dismissed: '不予采纳' };

export function objectionStatusText(status: ObjectionView['status']): string {
  return OBJECTION_TEXT[status];
}
