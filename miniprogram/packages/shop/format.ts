// Text of the 积分超市 pages, and the goods' tile they all show.
import type { GoodsView } from '../../../typings/index';
import { initialOf } from '../../services/shop';
import { fileUrl } from '../../services/upload';
import { timeText } from '../../utils/china-time';

/** A goods as the shop and 商品管理 show it: its photo, or the first character of its name without one. */
export interface GoodsTile {
  id: string;
  name: string;
  photo: string;
  initial: string;
  price: number;
}

export function goodsTile(g: GoodsView): GoodsTile {
  return { id: g.id, name: g.name, photo: g.photo ? fileUrl(g.photo) : '', initial: initialOf(g.name), price: g.price };
}

/** "3月10日 24:00": a pickup deadline is the end of a China day, shown as that day's 24:00. */
export function deadlineText(iso: string): string {
  const end = timeText(new Date(Date.parse(iso) - 60_000).toISOString());
  return end ? `${end.split(' ')[0] ?? ''} 24:00` : '';
}

/** "2026年3月" of "2026-03". */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
