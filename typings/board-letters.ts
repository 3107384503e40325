// Function `board`, 书记公开信: letters with their reads and likes, comments with their moderation
// and the secretary's reply, and who read a letter. Part of the contract of typings/board.ts.
import type { BoardViewer, BoardVillage, DecideHeldRequest } from './board';
import type { HoldView } from './hold';

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

/** The letters' actions of function `board` (its BoardApi takes them in). */
export interface LetterApi {
  letters: { req: LettersRequest; res: LettersResult };
  letter: { req: { id: string }; res: LetterDetail };
  saveLetter: { req: SaveLetterRequest; res: LetterDetail };
  like: { req: { id: string; liked: boolean }; res: { liked: boolean; likes: number } };
  comment: { req: CommentRequest; res: CommentResult };
  moderate: { req: ModerateRequest; res: CommentView };
  reply: { req: ReplyRequest; res: CommentView };
  readers: { req: { id: string }; res: ReadersResult };
  /** Release or withdraw a held letter. */
  decideLetter: { req: DecideHeldRequest; res: LetterDetail };
}
