// 积分公示's view: the rows of the page (each household's line and items, the objections) and the
// texts of what a cadre's action did, as plain functions of what the function answers.
import type { NoticeGetResult, NoticeView, ObjectionView, SettleResult } from '../../../../typings/index';
import { chinaMomentText, monthTitle, objectionStatusText, periodText, stateText, type NoticeState } from '../../../utils/notice-format';
import type { Gate } from '../../../utils/notice-gate';
import { pointsText } from '../../../utils/points-format';

export interface ItemRow {
  recordId: string;
  itemName: string;
  pointsText: string;
  tone: 'up' | 'down' | 'zero';
  date: string;
}

export interface LineRow {
  householdId: string;
  label: string;
  totalText: string;
  tone: 'up' | 'down' | 'zero';
  items: ItemRow[];
  openObjections: number;
  /** The viewer's own household: pinned first and marked 我家. */
  mine: boolean;
}

export interface ObjectionRow {
  id: string;
  target: string;
  reason: string;
  status: ObjectionView['status'];
  statusText: string;
  resolution: string;
  objectorName: string;
  time: string;
  open: boolean;
}

export interface NoticeData {
  gate: Gate;
  month: string;
  title: string;
  villageName: string;
  state: NoticeState;
  stateText: string;
  closing: string;
  period: string;
  households: number;
  totalPoints: number;
  openObjections: number;
  version: number;
  settledAt: string;
  lines: LineRow[];
  /** The lines shown: those matching the filter, the first `limit` of them (more on scrolling down). */
  shown: LineRow[];
  more: number;
  limit: number;
  filter: string;
  mine: ObjectionRow[];
  all: ObjectionRow[];
  canManage: boolean;
  /** The objection sheet. */
  sheetOpen: boolean;
  sheetTarget: string;
  sheetHouseholdId: string;
  sheetRecordId: string;
  reason: string;
  sheetError: string;
  submitting: boolean;
  /** Cadres' reasons being written, by objection id; and what is wrong with them. */
  drafts: Record<string, string>;
  draftErrors: Record<string, string>;
  /** What is running: an objection's id, 'publish' or 'settle'. */
  acting: string;
  /** What the last action did, kept on screen. */
  result: string;
  resultWarn: boolean;
}

export const initial: NoticeData = {
  gate: '',
  month: '',
  title: '',
  villageName: '',
  state: 'open',
  stateText: '',
  closing: '',
  period: '',
  households: 0,
  totalPoints: 0,
  openObjections: 0,
  version: 1,
  settledAt: '',
  lines: [],
  shown: [],
  more: 0,
  limit: 0,
  filter: '',
  mine: [],
  all: [],
  canManage: false,
  sheetOpen: false,
  sheetTarget: '',
  sheetHouseholdId: '',
  sheetRecordId: '',
  reason: '',
  sheetError: '',
  submitting: false,
  drafts: {},
  draftErrors: {},
  acting: '',
  result: '',
  resultWarn: false,
};

/** Households shown at first and added by each "more" (a village has ~150; rendering all at once is slow on old phones). */
export const PAGE_LINES = 40;

function tone(points: number): 'up' | 'down' | 'zero' {
  return points > 0 ? 'up' : points < 0 ? 'down' : 'zero';
}

function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function lineRow(l: NoticeView['lines'][number]): LineRow {
  return {
    householdId: l.householdId,
    label: l.label,
    totalText: pointsText(l.total),
    tone: tone(l.total),
    items: l.items.map((i) => ({
      recordId: i.recordId,
      itemName: i.itemName,
      pointsText: pointsText(i.points),
      tone: tone(i.points),
      date: dayText(i.occurredOn),
    })),
    openObjections: l.openObjections,
    mine: false,
  };
}

export function objectionRow(o: ObjectionView): ObjectionRow {
  return {
    id: o.id,
    target: `${o.householdLabel}${o.itemName ? ` · ${o.itemName}` : ' · 整户'}`,
    reason: o.reason,
    status: o.status,
    statusText: objectionStatusText(o.status),
    resolution: o.resolution,
    objectorName: o.objectorName,
    time: chinaMomentText(o.createdAt),
    open: o.status === 'open',
  };
}

/** The viewer's household first (a villager looks for their own among 150), the rest as published. */
export function pinMine(lines: LineRow[], mine: string | null): LineRow[] {
  const own = lines.filter((l) => l.householdId === mine).map((l) => ({ ...l, mine: true }));
  return [...own, ...lines.filter((l) => l.householdId !== mine)];
}

export function visible(lines: LineRow[], filter: string, limit: number): { shown: LineRow[]; more: number; limit: number } {
  const f = filter.trim();
  const matching = f ? lines.filter((l) => l.label.includes(f)) : lines;
  const max = Math.max(limit, PAGE_LINES);
  return { shown: matching.slice(0, max), more: Math.max(0, matching.length - max), limit: max };
}

/** What the page shows of a notice, keeping the filter and how far the person has scrolled. */
export function noticeFields(res: NoticeGetResult, filter: string, limit: number): Partial<NoticeData> {
  const n = res.notice;
  // The function says whether it is open (by the server's clock, not the phone's).
  const state: NoticeState = n.status === 'settled' ? 'settled' : n.open ? 'open' : 'closed';
  const lines = pinMine(n.lines.map(lineRow), res.myHouseholdId);
  return {
    month: n.month,
    title: `${n.villageName}${monthTitle(n.month)}积分公示`,
    villageName: n.villageName,
    state,
    stateText: stateText(state),
    closing: chinaMomentText(n.closesAt),
    period: periodText(n.publishedAt, n.closesAt),
    households: n.households,
    totalPoints: n.totalPoints,
    openObjections: n.openObjections,
    version: n.version,
    settledAt: n.settledAt ? chinaMomentText(n.settledAt) : '',
    lines,
    ...visible(lines, filter, limit),
    mine: res.mine.map(objectionRow),
    all: res.all.map(objectionRow),
    canManage: res.canManage,
  };
}

/** What a cadre's decision on an objection did, said to the cadre. */
export function resolvedText(status: ObjectionView['status'], target: string, line: LineRow | undefined): string {
  if (status === 'upheld')
    return `异议成立：已更正“${target}”，${line ? `${line.label} 本月合计改为 ${line.totalText} 分` : '公示已更新'}。已通知提出人。`;
  if (status === 'dismissed') return `不予采纳：“${target}”的异议已处理，理由已告知提出人。`;
  return '这条异议还没有处理。';
}

/** What settling did: not yet (and why), already settled (nothing paid twice), or paid out. */
export function settledText(res: SettleResult, month: string, state: NoticeState): string {
  const title = monthTitle(month);
  if (!res.settled) return `还不能结算：${res.reason}。`;
  if (state === 'settled' || (res.households === 0 && res.points === 0)) return `${title}已经结算过了，积分不会重复发放。`;
  return `${title}已结算：${res.households}户共${res.points}分转为可用积分。`;
}
