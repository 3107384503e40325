// Function `board`: 书记公开信 (the secretary's open letters: reads, likes, moderated comments and
// replies), the village notice board (三务公开 — 党务, 村务, 财务 signed off by the 村务监督委员会 —,
// 村庄大事记, 通知 pushed by subscribe message), the village home data, and the town's view with its
// star rating of villages. Every time is an ISO string (a UTC instant); days are China-time
// YYYY-MM-DD, months YYYY-MM.
//
// Public mode: given a villageId (a shared card carries it), someone who is not a member of that
// village reads its published letters and notice board items — never drafts, held comments, who
// read, or any person's name beyond "村民".

import type { HoldDecision, HoldView } from './hold';

export type BoardKind = 'party' | 'village' | 'finance' | 'chronicle' | 'notice';

export interface BoardVillage {
  id: string;
  name: string;
  townName: string;
}

/** What the caller is to the village whose content they read, and so may do. */
export interface BoardViewer {
  /** A member (joined, confirmed) of this village. false: public mode (show a way to join). */
  member: boolean;
  /** The village's secretary: writes letters, moderates comments, replies. */
  secretary: boolean;
  /** Cadres and the secretary: write and publish notice board items. */
  cadre: boolean;
  /** The 村务监督委员 of this village: signs off finance items. */
  supervisor: boolean;
}

/** held: published by the secretary but not passed by the content check, until another cadre decides. */
export type LetterStatus = 'draft' | 'held' | 'published';

export interface LetterSummary {
  id: string;
  title: string;
  /** The start of the body. */
  excerpt: string;
  /** The first picture (cloud file ID), or null. */
  cover: string | null;
  pictureCount: number;
  status: LetterStatus;
  /** Held: why (shown as 待审核 to the secretary and the cadres). */
  hold: HoldView | null;
  publishedAt: string | null;
  authorName: string;
  /** Households of which at least one member has read it. */
  readHouseholds: number;
  likes: number;
  /** Comments shown to everyone. */
  commentCount: number;
}

export type CommentStatus = 'visible' | 'held' | 'rejected';

export interface CommentReplyView {
  text: string;
  /** e.g. "村书记 王建国" (members), "村书记" (public). */
  byName: string;
  at: string;
}

export interface CommentView {
  id: string;
  /** The commenter's name for members of the village; "村民" in public mode. */
  authorName: string;
  mine: boolean;
  text: string;
  status: CommentStatus;
  /** 待审核 / 未通过 / '' (visible). */
  statusText: string;
  /** Why it was not shown (to its author and the secretary). */
  reason: string;
  createdAt: string;
  reply: CommentReplyView | null;
}

export interface LetterDetail extends LetterSummary {
  body: string;
  pictures: string[];
  village: BoardVillage;
  viewer: BoardViewer;
  /** Households of the village (for "已读 86 / 150 户"). */
  households: number;
  liked: boolean;
  /** Shown comments, newest first, plus the caller's own held or rejected ones. */
  comments: CommentView[];
  /** The secretary's queue: comments held by the content check, to approve or reject. */
  held: CommentView[];
  /** What the caller may do. */
  can: {
    like: boolean;
    comment: boolean;
    reply: boolean;
    moderate: boolean;
    edit: boolean;
    readers: boolean;
    /** Held: publish it as it is (a cadre who did not write it). */
    release: boolean;
    /** Held: take it back to a draft (such a cadre, or its author). */
    withdraw: boolean;
  };
}

export interface LettersRequest {
  /** Public mode (a shared card): the village to read; members may omit it. */
  villageId?: string;
  /** 0-based page of 20. */
  page?: number;
}

export interface LettersResult {
  village: BoardVillage;
  viewer: BoardViewer;
  letters: LetterSummary[];
  /** Unpublished letters (first page only): the secretary's drafts, and held letters for the secretary and the cadres. */
  drafts: LetterSummary[];
  hasMore: boolean;
}

export interface SaveLetterRequest {
  /** Made once per form: a retried save of a new letter makes one letter. */
  clientKey: string;
  /** Omitted for a new letter; a draft's id to edit it. */
  id?: string;
  title: string;
  body: string;
  /** Cloud file IDs of pictures already uploaded, at most 9. */
  pictures: string[];
  /** true: publish to the village now; false: keep as a draft. */
  publish: boolean;
}

export interface CommentRequest {
  clientKey: string;
  letterId: string;
  text: string;
}

export interface CommentResult {
  comment: CommentView;
  /** Held for the secretary: the content check found it unsuitable to show as it is. */
  held: boolean;
}

export interface ModerateRequest {
  commentId: string;
  decision: 'approve' | 'reject';
  /** Required to reject: the commenter sees it. */
  reason?: string;
}

export interface ReplyRequest {
  commentId: string;
  text: string;
}

export interface ReaderRow {
  householdId: string;
  /** e.g. "3组12号 李长青" */
  label: string;
}

export interface ReadersResult {
  total: number;
  read: ReaderRow[];
  unread: ReaderRow[];
}

export interface BoardAttachment {
  /** Cloud file ID. */
  fileId: string;
  /** e.g. "2026年10月收支明细.pdf" */
  name: string;
  type: 'pdf' | 'image' | 'file';
}

/** held: to be published but not passed by the content check, until another cadre decides. */
export type BoardItemStatus = 'draft' | 'held' | 'published';

export interface SignOffView {
  byName: string;
  at: string;
  note: string;
}

export interface BoardItemSummary {
  id: string;
  kind: BoardKind;
  /** 党务公开 / 村务公开 / 财务公开 / 村庄大事记 / 通知 */
  kindName: string;
  title: string;
  excerpt: string;
  /** 大事记: the day it happened. */
  eventDate: string | null;
  status: BoardItemStatus;
  /** Held: why (shown as 待审核). */
  hold: HoldView | null;
  publishedAt: string | null;
  /** Finance: the 村务监督委员's sign-off, null until signed. */
  signOff: SignOffView | null;
  attachmentCount: number;
}

export interface BoardItemDetail extends BoardItemSummary {
  body: string;
  attachments: BoardAttachment[];
  village: BoardVillage;
  viewer: BoardViewer;
  authorName: string;
  /** The version of the content: a sign-off names the version the supervisor saw. */
  updatedAt: string;
  /** release, withdraw: a held item (a cadre who did not write it; its author may withdraw it). */
  can: { edit: boolean; signOff: boolean; publish: boolean; release: boolean; withdraw: boolean };
}

/** A cadre's decision on held content (a letter, a board item, goods). */
export interface DecideHeldRequest {
  id: string;
  decision: HoldDecision;
}

export interface ItemsRequest {
  villageId?: string;
  kind: BoardKind;
  page?: number;
}

export interface ItemsResult {
  village: BoardVillage;
  viewer: BoardViewer;
  items: BoardItemSummary[];
  /** Cadres and the supervisor: unpublished items of this kind, held ones included (first page only). */
  drafts: BoardItemSummary[];
  hasMore: boolean;
}

export interface SaveItemRequest {
  clientKey: string;
  /** A draft's id to edit it; omitted for a new item. */
  id?: string;
  kind: BoardKind;
  title: string;
  body: string;
  attachments: BoardAttachment[];
  /** Required for 大事记. */
  eventDate?: string;
  /** Publish now (refused for finance until the 村务监督委员 has signed it off). */
  publish: boolean;
}

export interface SubscribeTemplate {
  /** e.g. "notice" */
  key: string;
  /** The template ID for wx.requestSubscribeMessage. */
  id: string;
  /** What the villager is agreeing to, in Chinese. */
  title: string;
}

export interface SubscribedResult {
  /** Messages of each template the caller may still receive (WeChat grants one per acceptance). */
  grants: Record<string, number>;
}

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

export interface BoardApi {
  home: { req: { villageId?: string }; res: HomeResult };
  letters: { req: LettersRequest; res: LettersResult };
  letter: { req: { id: string }; res: LetterDetail };
  saveLetter: { req: SaveLetterRequest; res: LetterDetail };
  like: { req: { id: string; liked: boolean }; res: { liked: boolean; likes: number } };
  comment: { req: CommentRequest; res: CommentResult };
  moderate: { req: ModerateRequest; res: CommentView };
  reply: { req: ReplyRequest; res: CommentView };
  readers: { req: { id: string }; res: ReadersResult };
  items: { req: ItemsRequest; res: ItemsResult };
  item: { req: { id: string }; res: BoardItemDetail };
  saveItem: { req: SaveItemRequest; res: BoardItemDetail };
  /** `updatedAt`: the version the supervisor read; an item changed since is refused (read it again). */
  signOff: { req: { id: string; updatedAt: string; note?: string }; res: BoardItemDetail };
  publishItem: { req: { id: string }; res: BoardItemDetail };
  /** Release or withdraw a held letter. */
  decideLetter: { req: DecideHeldRequest; res: LetterDetail };
  /** Release or withdraw a held board item. */
  decideItem: { req: DecideHeldRequest; res: BoardItemDetail };
  subscribeTemplates: { req: Record<string, never>; res: { templates: SubscribeTemplate[] } };
  subscribed: { req: { accepted: string[] }; res: SubscribedResult };
  town: { req: TownRequest; res: TownResult };
}
