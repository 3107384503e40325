// 兑换活动 (redemption days): a village may open its shop only inside the windows it sets. Days are
// China-time dates, both ends included.
import type { RedemptionEventView, ShopMode, ShopStatus } from '../../../typings';

export interface ShopCalendar {
  mode: ShopMode;
  events: RedemptionEventView[];
}

function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function eventText(e: RedemptionEventView): string {
  return e.from === e.to ? `${e.title}（${dayText(e.from)}）` : `${e.title}（${dayText(e.from)}至${dayText(e.to)}）`;
}

/** Whether the shop is open on a China-time date, and what to tell the villager about it. */
export function shopStatus(cal: ShopCalendar, today: string): ShopStatus {
  const sorted = [...cal.events].sort((a, b) => a.from.localeCompare(b.from));
  const current = sorted.find((e) => e.from <= today && today <= e.to) ?? null;
  const next = sorted.find((e) => e.from > today) ?? null;
  if (cal.mode === 'always') return { open: true, note: '', event: current };
  if (current) return { open: true, note: `正在进行：${eventText(current)}`, event: current };
  return {
    open: false,
    note: next
      ? `本村积分超市只在兑换活动期间开放，下一次：${eventText(next)}`
      : '本村积分超市只在兑换活动期间开放，下一次活动时间请留意村里通知',
    event: next,
  };
}

/** Refuses windows that make no sense: an end before the start. */
export function badEvent(e: Pick<RedemptionEventView, 'from' | 'to'>): boolean {
  return e.to < e.from;
}
