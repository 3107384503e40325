// Function `board`: 书记公开信 (the secretary's open letters: reads, likes, moderated comments and
// replies), the village notice board (三务公开 — 党务, 村务, 财务 signed off by the 村务监督委员会 —,
// 村庄大事记, 通知 pushed by subscribe message), the village home data, and the town's view with its
// star rating of villages. Every time is an ISO string (a UTC instant); days are China-time
// YYYY-MM-DD, months YYYY-MM.
//
// Public mode: given a villageId (a shared card carries it), someone who is not a member of that
// village reads its published letters and notice board items — never drafts, held comments, who
// read, or any person's name beyond "村民".
//
// The letters (with their actions) and the home and town views are in board-letters.ts and
// board-home.ts; this file re-exports them, so the function's whole contract is imported from here.
import type { HomeResult, TownRequest, TownResult } from './board-home';
import type { LetterApi } from './board-letters';

export type * from './board-home';
export type * from './board-letters';

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

/** Every action of function `board`: the letters' (board-letters.ts) and these. */
export interface BoardApi extends LetterApi {
  home: { req: { villageId?: string }; res: HomeResult };
  items: { req: ItemsRequest; res: ItemsResult };
  item: { req: { id: string }; res: BoardItemDetail };
  saveItem: { req: SaveItemRequest; res: BoardItemDetail };
  /** `updatedAt`: the version the supervisor read; an item changed since is refused (read it again). */
  signOff: { req: { id: string; updatedAt: string; note?: string }; res: BoardItemDetail };
  publishItem: { req: { id: string }; res: BoardItemDetail };
  /** Release or withdraw a held board item. */
  decideItem: { req: DecideHeldRequest; res: BoardItemDetail };
  subscribeTemplates: { req: Record<string, never>; res: { templates: SubscribeTemplate[] } };
  subscribed: { req: { accepted: string[] }; res: SubscribedResult };
  town: { req: TownRequest; res: TownResult };
}
