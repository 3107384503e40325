import type { NoticeSummary, NoticeView, ObjectionView } from '../../typings';
import type { Notice, Objection } from '../shared/model';

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

export function noticeView(n: Notice, villageName: string, objections: Objection[], now: Date): NoticeView {
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
      items: l.items,
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
