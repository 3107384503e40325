// Function `notice`: 一月一公示 — the monthly notice, objections and settlement.

export interface NoticeItemView {
  recordId: string;
  itemName: string;
  points: number;
  occurredOn: string;
}

export interface NoticeLineView {
  householdId: string;
  label: string;
  total: number;
  items: NoticeItemView[];
  /** Objections to this line still waiting for a cadre. */
  openObjections: number;
}

export interface NoticeSummary {
  id: string;
  /** YYYY-MM */
  month: string;
  status: 'published' | 'settled';
  /** ISO times. */
  publishedAt: string;
  closesAt: string;
  settledAt: string | null;
  households: number;
  totalPoints: number;
}

export interface NoticeView extends NoticeSummary {
  version: number;
  villageName: string;
  /** Whether villagers may still object. */
  open: boolean;
  openObjections: number;
  lines: NoticeLineView[];
}

export interface ObjectionView {
  id: string;
  month: string;
  householdId: string;
  householdLabel: string;
  recordId: string | null;
  itemName: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string;
  /** Shown to cadres only; empty for others. */
  objectorName: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface NoticeGetResult {
  notice: NoticeView;
  /** The caller's own objections to this notice. */
  mine: ObjectionView[];
  /** Every objection, for cadres; empty for others. */
  all: ObjectionView[];
  canManage: boolean;
  /** The caller's own household (pinned first on the notice as 我家); null without one. */
  myHouseholdId: string | null;
}

export interface SettleResult {
  settled: boolean;
  /** Why not, in Chinese, when not settled. */
  reason: string;
  households: number;
  points: number;
}

/** 红黑榜, red side: a household of the month's top by points, named. */
export interface RedListEntry {
  /** Competition ranking: equal totals share a rank, the next rank skips ("1, 2, 2, 4"). */
  rank: number;
  /** The household as the notice names it ("3组12号 李长青"). */
  label: string;
  total: number;
}

/** 红黑榜, black side: one deduction item of the month, never who. */
export interface BlackListEntry {
  itemName: string;
  /** How many times it was deducted this month (corrections taken off). */
  count: number;
  /** The points it took, negative. */
  points: number;
}

export interface BoardsResult {
  month: string;
  villageName: string;
  status: 'published' | 'settled';
  /** Whether the notice is still open for objections (the lists may still change). */
  open: boolean;
  version: number;
  /** Ranks up to this make the red list (all households tied at it included). */
  top: number;
  red: RedListEntry[];
  black: BlackListEntry[];
  /** All deductions of the month: how many, how many points (negative). */
  deductions: { count: number; points: number };
}

export interface NoticeApi {
  list: { req: Record<string, never>; res: { notices: NoticeSummary[]; canManage: boolean } };
  get: { req: { month: string }; res: NoticeGetResult };
  publish: { req: { month: string }; res: NoticeView };
  object: { req: { clientKey: string; month: string; householdId: string; recordId?: string; reason: string }; res: ObjectionView };
  resolve: { req: { objectionId: string; decision: 'uphold' | 'dismiss'; reason: string; clientKey: string }; res: ObjectionView };
  settle: { req: { month: string }; res: SettleResult };
  /** 红黑榜 of a published month, from its notice's lines. */
  boards: { req: { month: string }; res: BoardsResult };
}
