// Reading what a page shows without trusting its shape: its data's lists as records, figures as numbers.
import type { PageHandle } from '../support/page';

export type Card = Record<string, unknown>;

function isRecord(v: unknown): v is Card {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The records of a list in a page's data (anything else in it is skipped). */
export function cards(list: unknown): Card[] {
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** A card's string field ('' when absent). */
export const field = (card: Card | undefined, key: string): string => {
  const v = card?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};

/** The number an element shows ("待公示积分 5" → 5). */
export function numberIn(page: PageHandle, selector: string): number {
  return Number(page.textOf(selector).replace(/[^\d-]/g, ''));
}
