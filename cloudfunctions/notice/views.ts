import type { NoticeSummary, NoticeView, ObjectionView } from '../../typings';
import type { Notice, Objection } from '../shared/notice/model';

export function summary(n: Notice): NoticeSummary {
  return {
    id: n._id,
    month: n.month,
    status: n.status,
    publishedAt: n.publishedAt.toISOString(),
    closesAt: n.closesAt.toISOString(),
    settledAt: n.settledAt?.toISOString() ?? null,
    households: n.lines.length,
    totalPoints: n.lines.reduce((s, l) => s + l.total, 0),
  };
}

/** Who reads a notice: their own household and the cadres see every item; others see another household's deductions as "扣分" unless the village itemises them. */
export interface NoticeReader {
  householdId: string | null;
  seesAll: boolean;
  itemisedDeductions: boolean;
}

const EVERYTHING: NoticeReader = { householdId: null, seesAll: true, itemisedDeductions: true };

/** Privacy by default: a deduction of another household shows as a deduction and its points, without the item. */
function itemsFor(reader: NoticeReader, householdId: string, items: Notice['lines'][number]['items']): Notice['lines'][number]['items'] {
  if (reader.seesAll || reader.itemisedDeductions || reader.householdId === householdId) return items;
  return items.map((i) => (i.points < 0 ? { ...i, itemName: '扣分' } : i));
}

export function noticeView(
  n: Notice,
  villageName: string,
  objections: Objection[],
  now: Date,
  reader: NoticeReader = EVERYTHING,
): NoticeView {
  const open = objections.filter((o) => o.status === 'open');
  return {
    ...summary(n),
    version: n.version,
    villageName,
    open: n.status === 'published' && now < n.closesAt,
    openObjections: open.length,
    lines: n.lines.map((l) => ({
      householdId: l.householdId,
      label: l.label,
      total: l.total,
      items: itemsFor(reader, l.householdId, l.items),
      openObjections: open.filter((o) => o.householdId === l.householdId).length,
    })),
  };
}

export function objectionView(o: Objection, n: Notice | null, showObjector: boolean): ObjectionView {
  const line = n?.lines.find((l) => l.householdId === o.householdId);
  return {
    id: o._id,
    month: o.month,
    householdId: o.householdId,
    householdLabel: line?.label ?? '',
    recordId: o.recordId,
    itemName: line?.items.find((i) => i.recordId === o.recordId)?.itemName ?? '',
    reason: o.reason,
    status: o.status,
    resolution: o.resolution,
    objectorName: showObjector ? o.objectorName : '',
    createdAt: o.createdAt.toISOString(),
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
  };
}
