// How the board pages write things: the kinds' names, dates, counts, stars.
import type { BoardKind } from '../../typings/index';
import { param } from './board-share';
import { dateText, timeText } from './china-time';

/**
 * The board's kinds of item, as the pages name them: the tabs need them before anything loads. The
 * function has the same names (cloudfunctions/shared/board/policy.ts); the upload holds only
 * miniprogram/, so the pages keep their own.
 */
export const KIND_NAMES: Record<BoardKind, string> = {
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  chronicle: '村庄大事记',
  notice: '通知',
};

export function isKind(v: string): v is BoardKind {
  return Object.keys(KIND_NAMES).includes(v);
}

/** The kind a page's link names (`?tab=`, `?kind=`), or `fallback` when it names none we know. */
export function kindParam(query: Record<string, string | undefined>, key: string, fallback: BoardKind): BoardKind {
  const v = param(query, key);
  return isKind(v) ? v : fallback;
}

/** "11月20日 09:05", or '' without a time. */
export function whenText(iso: string | null): string {
  return iso ? timeText(iso) : '';
}

/** "2026年11月20日", or '' without a date. */
export function dayText(date: string | null): string {
  return date ? dateText(date) : '';
}

/** "★★★☆☆" of 0–5 stars. */
export function starsText(stars: number, of = 5): string {
  const n = Math.max(0, Math.min(of, Math.round(stars)));
  return `${'★'.repeat(n)}${'☆'.repeat(of - n)}`;
}

/** "92.3%" of a fraction, "—" for none. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
