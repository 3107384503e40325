// The monthly report for the village's accounts: what went out (handed over in the month), the
// points spent, per goods and per household, and what came back (cancelled or expired).
import type { ReportGoodsLine, ReportHouseholdLine, ReportResult } from '../../../typings';
import type { ShopOrder } from './model';

export type ReportFigures = Pick<ReportResult, 'totals' | 'goods' | 'households' | 'returned'>;

/** Folds the orders closed in a month into the report's figures (lines sorted by points, then name). */
export function reportFigures(closed: ShopOrder[]): ReportFigures {
  const done = closed.filter((o) => o.status === 'done');
  const goods = new Map<string, ReportGoodsLine>();
  const households = new Map<string, ReportHouseholdLine>();
  for (const o of done) {
    const g = goods.get(o.goodsId) ?? { goodsId: o.goodsId, name: o.goodsName, qty: 0, points: 0 };
    g.qty += o.qty;
    g.points += o.points;
    goods.set(o.goodsId, g);
    const h = households.get(o.householdId) ?? { householdId: o.householdId, label: o.householdLabel, orders: 0, qty: 0, points: 0 };
    h.orders += 1;
    h.qty += o.qty;
    h.points += o.points;
    households.set(o.householdId, h);
  }
  const byPoints =
    <T extends { points: number }>(key: (x: T) => string) =>
    (a: T, b: T) =>
      b.points - a.points || key(a).localeCompare(key(b), 'zh');
  const returned = closed.filter((o) => o.status === 'cancelled' || o.status === 'expired');
  return {
    totals: {
      orders: done.length,
      qty: done.reduce((s, o) => s + o.qty, 0),
      points: done.reduce((s, o) => s + o.points, 0),
      households: households.size,
    },
    goods: [...goods.values()].sort(byPoints((g) => g.name)),
    households: [...households.values()].sort(byPoints((h) => h.label)),
    returned: {
      cancelled: returned.filter((o) => o.status === 'cancelled').length,
      expired: returned.filter((o) => o.status === 'expired').length,
      points: returned.reduce((s, o) => s + o.points, 0),
    },
  };
}

/** "2026年3月". */
export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * A cell as a spreadsheet must never run it: text starting with = + - @ (or a tab / CR) is a
 * formula to Excel, so it is prefixed with an apostrophe.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type Cell = string | number;

/** The report as sheets of rows: 汇总 (totals and goods), 分户 (per household), 明细 (every order). */
export function reportSheets(report: ReportResult, timeText: (iso: string) => string): { name: string; rows: Cell[][] }[] {
  const title = `${report.villageName} 积分超市 ${monthTitle(report.month)} 兑换报表`;
  return [
    {
      name: '汇总',
      rows: [
        [title],
        [],
        ['兑出单数', report.totals.orders],
        ['兑出件数', report.totals.qty],
        ['消耗积分', report.totals.points],
        ['兑换户数', report.totals.households],
        ['取消单数', report.returned.cancelled],
        ['过期单数', report.returned.expired],
        ['退回积分', report.returned.points],
        [],
        ['商品', '兑出件数', '消耗积分'],
        ...report.goods.map((g) => [safeCell(g.name), g.qty, g.points]),
        ['合计', report.totals.qty, report.totals.points],
      ],
    },
    {
      name: '分户',
      rows: [
        ['户号 户主', '兑换单数', '兑出件数', '消耗积分'],
        ...report.households.map((h) => [safeCell(h.label), h.orders, h.qty, h.points]),
        ['合计', report.totals.orders, report.totals.qty, report.totals.points],
      ],
    },
    {
      name: '明细',
      rows: [
        ['取货码', '户号 户主', '商品', '数量', '单价', '积分', '兑换人', '兑换时间', '领取时间', '经办人'],
        ...report.orders.map((o) => [
          o.code,
          safeCell(o.householdLabel),
          safeCell(o.goodsName),
          o.qty,
          o.price,
          o.points,
          safeCell(o.byName),
          timeText(o.createdAt),
          o.closedAt ? timeText(o.closedAt) : '',
          safeCell(o.closedByName),
        ]),
      ],
    },
  ];
}
