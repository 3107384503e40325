// The words of 村民说事 as people read them: state and event names, a deadline as a date and weekday,
// names masked for others, and the start of a matter's text for lists.
import { chinaDate, weekday } from '../china-time';
import type { Matter, MatterEvent, MatterStatusValue } from './model';

const WEEKDAYS = '日一二三四五六';

/** "10月9日（周三）24:00" for a deadline instant (24:00 of the day before it). */
export function deadlineText(at: Date): string {
  const day = chinaDate(new Date(at.getTime() - 1));
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日（周${WEEKDAYS.charAt(weekday(day))}）24:00`;
}

export const STATUS_NAMES: Record<MatterStatusValue, string> = {
  held: '待审核',
  open: '待答复',
  responded: '已答复',
  assigned: '办理中',
  closed: '已办结',
};

export const EVENT_NAMES: Record<MatterEvent['kind'], string> = {
  raised: '提出',
  held: '内容待审核',
  released: '审核通过',
  madePrivate: '转为仅干部可见',
  responded: '答复',
  note: '内部讨论',
  summary: '议事结果',
  assigned: '交办',
  progress: '办理进展',
  closed: '办结',
  rated: '评价',
  reopened: '申请重新办理',
  escalated: '超期督办',
};

/** A name as others see it: the surname and stars ("王**"). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0] ?? ''}${'*'.repeat(chars.length - 1)}`;
}

/** The start of a matter's text for lists. */
export function titleOf(m: Pick<Matter, 'text' | 'voice' | 'category'>): string {
  const text = m.text.replace(/\s+/g, ' ').trim();
  if (!text) return m.voice ? `${m.category}（语音说事）` : m.category;
  const chars = [...text];
  return chars.length > 30 ? `${chars.slice(0, 29).join('')}…` : text;
}
