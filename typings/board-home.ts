// Function `board`: the village home (what is new, the caller's household and what waits for them) and the
// town's view with its star rating of villages. Part of the contract of typings/board.ts.
import type { BoardItemSummary, BoardViewer, BoardVillage } from './board';
import type { LetterSummary } from './board-letters';

export interface HomeWaiting {
  /** Point records waiting for the caller's review. */
  reviews: number | null;
  /** 村民说事 waiting for an answer or result whose deadline is within a day or past. */
  mattersNearDeadline: number | null;
  /** Open objections to published monthly notices. */
  objections: number | null;
  /** The secretary: comments held by the content check. */
  heldComments: number | null;
  /** The 村务监督委员: finance items waiting for sign-off. */
  financeToSignOff: number | null;
  /** Cadres: signed-off finance items not yet published. */
  financeToPublish: number | null;
  /** Cadres: 村民说事 waiting for an answer or result whose deadline has passed (also in mattersNearDeadline). */
  mattersOverdue: number | null;
  /** The 积分超市 keeper: orders waiting to be picked up. */
  pickups: number | null;
}

export interface HomeHousehold {
  id: string;
  label: string;
  /** Settled points, all time. */
  earned: number;
  /** Spendable in the 积分超市. */
  available: number;
  /** Approved, waiting for the month's notice to settle. */
  pending: number;
}

export interface HomeResult {
  village: BoardVillage;
  viewer: BoardViewer;
  /** The newest published letters. */
  letters: LetterSummary[];
  /** The newest published notice board items (三务公开 and 通知). */
  items: BoardItemSummary[];
  /** The newest 大事记. */
  chronicle: BoardItemSummary[];
  /** The caller's household and its points; null in public mode or without a household. */
  household: HomeHousehold | null;
  /** What waits for the caller (cadres, secretary, supervisor, grid leaders); null for others. */
  waiting: HomeWaiting | null;
}

export type StarKey = 'letters' | 'response' | 'participation' | 'shop' | 'finance';

/** One criterion of the star rating, written down as shown to everyone. */
export interface StarCriterion {
  key: StarKey;
  title: string;
  /** The rule in words, e.g. "平均每月至少发布 2 封书记公开信". */
  rule: string;
}

export interface StarCheck {
  key: StarKey;
  met: boolean;
  /** The village's figure, e.g. "2.5 封/月", "无到期说事". */
  value: string;
}

export interface TownVillageRow {
  id: string;
  name: string;
  households: number;
  letters: number;
  lettersPerMonth: number;
  /** 村民说事 raised in the period. */
  matters: { raised: number; due: number; respondedInTime: number; responseRate: number | null };
  /** Households with at least one approved, not reversed, positive record in the period. */
  participation: { active: number; rate: number | null };
  /** 积分超市: orders handed over in the period. */
  shop: { orders: number; points: number; households: number; rate: number | null };
  /** Finance items published (signed off) in the period. */
  finance: number;
  stars: number;
  checks: StarCheck[];
}

export interface TownRequest {
  /** YYYY-MM, inclusive; at most 12 months. */
  from: string;
  to: string;
}

export interface TownResult {
  town: { id: string; name: string };
  from: string;
  to: string;
  months: number;
  criteria: StarCriterion[];
  villages: TownVillageRow[];
}
