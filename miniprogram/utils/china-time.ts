// China time (UTC+8, no daylight saving) on the phone, whatever zone the phone is set to: a
// village's day and month are China ones, as the functions count them.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD of an instant in China. */
export function chinaDate(at: number = Date.now()): string {
  const d = new Date(at + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A YYYY-MM-DD date moved by `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return chinaDate(Date.parse(`${date}T12:00:00+08:00`) + days * DAY_MS);
}

/** "2026年11月20日". */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y ?? ''}年${m ?? ''}月${d ?? ''}日`;
}

/** "11月20日 09:05" in China time, from an ISO instant. */
export function timeText(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const d = new Date(at + CHINA_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "3月" of "2026-03". */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}
