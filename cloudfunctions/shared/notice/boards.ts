// 红黑榜 from a month's notice lines, as plain functions (no database: the notice is all they read).
//
// Red list (红榜) — the month's top households, by name:
// - Only households with a positive month total are ranked (a household with nothing is not "top").
// - Ranking by total, highest first; equal totals share a rank and the next rank skips as many
//   places as shared the one before ("standard competition ranking": 1, 2, 2, 4).
// - Every household whose rank is at most RED_LIST_TOP (10) is listed, so a tie at the 10th place
//   lists all of the tied households: nobody is left off a list of honour by a tie.
// - Within a tie, households are listed by their label in Chinese order (the notice's own order).
//
// Black list (黑榜) — deductions of the month as items and points only, never a name or household:
// - A deduction is an item with negative points that still stands in the notice.
// - An item and its correction cancel each other inside one household's line: the same item and
//   opposite points, whether the correction is named like the item (a counter-record generated into
//   the notice) or "更正：<item>（<date>）" (written into the notice when an objection is upheld).
// - Corrections are never listed themselves. A correction of a record from an earlier month has no
//   twin in the line and, when generated into the notice, bears the item's own name: so an item whose
//   standing entries in the notice are more often positive than negative is taken for a positive
//   item, and its negative entries for such corrections (on a tie it counts as a deduction). Rule
//   items have one sign, so this errs only when a positive item was reversed in a month where no
//   more households earned it than had it reversed.
// - Entries are aggregated by item name (count, points), the most points taken first, then the most
//   frequent, then by name.
import type { BlackListEntry, RedListEntry } from '../../../typings';

export const RED_LIST_TOP = 10;

export interface BoardItem {
  itemName: string;
  points: number;
}

export interface BoardLine {
  label: string;
  total: number;
  items: BoardItem[];
}

const byLabel = (a: { label: string }, b: { label: string }): number => a.label.localeCompare(b.label, 'zh');

/** The red list: households ranked by total with shared ranks, every one ranked `top` or better. */
export function redList(lines: readonly BoardLine[], top: number = RED_LIST_TOP): RedListEntry[] {
  const ranked = lines.filter((l) => l.total > 0).sort((a, b) => b.total - a.total || byLabel(a, b));
  const out: RedListEntry[] = [];
  let rank = 0;
  let previous: number | null = null;
  for (const [i, line] of ranked.entries()) {
    if (line.total !== previous) rank = i + 1;
    previous = line.total;
    if (rank > top) break;
    out.push({ rank, label: line.label, total: line.total });
  }
  return out;
}

const CORRECTION = /^更正：(.+)（\d{4}-\d{2}-\d{2}）$/;

interface Entry {
  /** The item the entry is of: its own name, or the corrected item's for a correction. */
  item: string;
  points: number;
  correction: boolean;
  cancelled: boolean;
}

function entryOf(i: BoardItem): Entry {
  const m = CORRECTION.exec(i.itemName);
  return { item: m?.[1] ?? i.itemName, points: i.points, correction: Boolean(m), cancelled: false };
}

/** The entries of one household's line that still stand: item/correction pairs cancelled, corrections dropped. */
export function standingItems(items: readonly BoardItem[]): BoardItem[] {
  const entries = items.map(entryOf);
  for (const e of entries) {
    if (e.cancelled) continue;
    const twin = entries.find((o) => o !== e && !o.cancelled && o.item === e.item && o.points === -e.points);
    if (twin) {
      e.cancelled = true;
      twin.cancelled = true;
    }
  }
  return entries.filter((e) => !e.cancelled && !e.correction).map((e) => ({ itemName: e.item, points: e.points }));
}

/** The black list: every standing deduction of the month by item, with no trace of who. */
export function blackList(lines: readonly BoardLine[]): BlackListEntry[] {
  const standing = lines.map((l) => standingItems(l.items));
  const sign = new Map<string, number>();
  for (const items of standing) for (const i of items) sign.set(i.itemName, (sign.get(i.itemName) ?? 0) + Math.sign(i.points));
  const byItem = new Map<string, BlackListEntry>();
  for (const items of standing) {
    for (const d of items) {
      if (d.points >= 0 || (sign.get(d.itemName) ?? 0) > 0) continue;
      const e = byItem.get(d.itemName) ?? { itemName: d.itemName, count: 0, points: 0 };
      byItem.set(d.itemName, { ...e, count: e.count + 1, points: e.points + d.points });
    }
  }
  return [...byItem.values()].sort((a, b) => a.points - b.points || b.count - a.count || a.itemName.localeCompare(b.itemName, 'zh'));
}

/** Both lists, and the month's deductions in all. */
export function boards(
  lines: readonly BoardLine[],
  top: number = RED_LIST_TOP,
): { red: RedListEntry[]; black: BlackListEntry[]; deductions: { count: number; points: number } } {
  const black = blackList(lines);
  return {
    red: redList(lines, top),
    black,
    deductions: { count: black.reduce((n, b) => n + b.count, 0), points: black.reduce((s, b) => s + b.points, 0) },
  };
}
