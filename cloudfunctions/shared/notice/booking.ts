// Which month's notice a record counts in. A record counts in the month it happened, unless that
// month's notice is already published: then it counts in the current month, so a published (or
// settled) notice never changes behind the villagers' backs.
import { C } from '../collections';
import { list } from '../repo';
import { _ } from '../sdk';
import { noticeSchema } from './model';

export function noticeId(villageId: string, month: string): string {
  return `${villageId}:${month}`;
}

/** The months, of those given, whose notice has been published. One read. */
export async function publishedMonths(villageId: string, months: string[]): Promise<Set<string>> {
  const unique = [...new Set(months)];
  if (!unique.length) return new Set();
  const found = await list(C.notices, { _id: _.in(unique.map((m) => noticeId(villageId, m))) }, noticeSchema, { limit: unique.length });
  return new Set(found.map((n) => n.month));
}

export function bookingMonth(month: string, published: Set<string>, currentMonth: string): string {
  return published.has(month) ? currentMonth : month;
}
