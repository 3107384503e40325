// Editing the items of the rules for a new version (packages/points/adopt): rows as the page shows
// them, and back to items, with the first problem in Chinese.
import type { RuleItemView } from '../../typings/index';

export interface ItemRow {
  code: string;
  category: string;
  name: string;
  points: string;
  capTimes: string;
  photo: boolean;
  kept: boolean;
}

export function toRow(i: RuleItemView): ItemRow {
  return {
    code: i.code,
    category: i.category,
    name: i.name,
    points: String(i.points),
    capTimes: i.cap ? String(i.cap.times) : '',
    photo: i.evidence === 'photo',
    kept: true,
  };
}

export function wholeNumber(text: string): number | null {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** One kept row as an item of the new version (what it does not edit comes from the version it was based on), or its problem. */
function itemOf(r: ItemRow, base: RuleItemView[]): RuleItemView | string {
  const points = wholeNumber(r.points);
  if (points === null || points === 0 || Math.abs(points) > 100) return `「${r.name}」的分值要填 -100 到 100 之间的整数，不能为 0`;
  const times = r.capTimes.trim() ? wholeNumber(r.capTimes) : null;
  if (r.capTimes.trim() && (times === null || times < 1)) return `「${r.name}」的次数上限要填正整数，不限次数就空着`;
  const was = base.find((b) => b.code === r.code);
  return {
    code: r.code,
    category: was?.category ?? '本村特色',
    name: r.name,
    points,
    unit: was?.unit ?? '每次',
    cap: times ? { period: was?.cap?.period ?? 'month', times } : null,
    evidence: r.photo ? 'photo' : 'none',
    // A deduction is recorded by cadres only.
    recordedBy: points < 0 ? ['cadre'] : (was?.recordedBy ?? ['self', 'gridLeader', 'cadre']),
  };
}

/** The rows as the items of the new version; the Chinese problem of the first bad row otherwise. */
export function itemsOf(rows: ItemRow[], base: RuleItemView[]): RuleItemView[] | string {
  const out: RuleItemView[] = [];
  for (const r of rows.filter((x) => x.kept)) {
    const item = itemOf(r, base);
    if (typeof item === 'string') return item;
    out.push(item);
  }
  return out.length ? out : '至少要保留一项';
}

export function nextLocalCode(rows: ItemRow[]): string {
  const used = rows.filter((r) => r.code.startsWith('X')).map((r) => Number(r.code.slice(1)));
  return `X${String(Math.max(0, ...used) + 1).padStart(2, '0')}`;
}
