// Text of the 积分超市 pages.
import { timeText } from '../../utils/china-time';

/** "3月10日 24:00": a pickup deadline is the end of a China day, shown as that day's 24:00. */
export function deadlineText(iso: string): string {
  const end = timeText(new Date(Date.parse(iso) - 60_000).toISOString());
  return end ? `${end.split(' ')[0] ?? ''} 24:00` : '';
}

/** "2026年3月" of "2026-03". */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
