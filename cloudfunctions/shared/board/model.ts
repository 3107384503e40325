// The documents of 书记公开信 and the notice board as stored, one schema each (kept beside the
// feature, as 村民说事 does): letters with their counters, reads and likes (ids that make them
// idempotent), comments with their moderation and reply, notice board items with the finance
// sign-off, and each user's subscribe-message grants.
import * as z from 'zod';
import { holdSchema } from '../hold';
import { mediaCheckSchema } from '../media-verdict';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a letter and a board item both go through: drafted by their author, then published, or held
 * when the content check did not pass them (a cadre, another one for an item, releases or withdraws it).
 */
const publication = {
  status: z.enum(['draft', 'held', 'published']),
  /** Why it is held (older ones have none). */
  hold: holdSchema.nullable().optional(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
  /** China-time day of publication (the town's view by period). */
  publishedOn: day.nullable(),
};

export const letterSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  /** Copied from the village: the town's view counts letters per town and period. */
  townId: z.string(),
  title: z.string(),
  body: z.string(),
  /** Cloud file IDs, at most 9. */
  pictures: z.array(z.string()),
  /** WeChat's media check of each picture: others see a picture once its check passed (older letters have none: insiders only). */
  mediaChecks: z.array(mediaCheckSchema).optional(),
  ...publication,
  /** Households with at least one member who read it (counted once, by the household's read document). */
  readHouseholds: z.number().int().min(0),
  /** Users who read it (counted once each). */
  readUsers: z.number().int().min(0),
  likes: z.number().int().min(0),
  /** Comments shown to everyone. */
  commentCount: z.number().int().min(0),
  clientKey: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;

/** `${letterId}|u|${openid}` or `${letterId}|h|${householdId}`: written once, so a count never doubles. */
export const readSchema = z.object({
  _id: z.string(),
  letterId: z.string(),
  villageId: z.string(),
  kind: z.enum(['user', 'household']),
  userId: z.string().nullable(),
  householdId: z.string().nullable(),
  at: z.date(),
});
export type Read = z.infer<typeof readSchema>;

/** `${letterId}|${openid}`: present while the user likes the letter. */
export const likeSchema = z.object({ _id: z.string(), letterId: z.string(), userId: z.string(), at: z.date() });
export type Like = z.infer<typeof likeSchema>;

export const commentReplySchema = z.object({ text: z.string(), by: z.string(), byName: z.string(), at: z.date() });

export const commentSchema = z.object({
  _id: z.string(),
  letterId: z.string(),
  villageId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  /** visible: shown to all; held: the content check did not pass it, waiting for the secretary; rejected: not shown. */
  status: z.enum(['visible', 'held', 'rejected']),
  /** What the content check answered (pass, review, risky). */
  check: z.string(),
  /** Why the secretary rejected it (its author sees it). */
  reason: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  reply: commentReplySchema.nullable(),
  clientKey: z.string(),
  createdAt: z.date(),
});
export type Comment = z.infer<typeof commentSchema>;

export const boardKindSchema = z.enum(['party', 'village', 'finance', 'chronicle', 'notice']);
export type BoardKindValue = z.infer<typeof boardKindSchema>;

export const attachmentSchema = z.object({ fileId: z.string(), name: z.string(), type: z.enum(['pdf', 'image', 'file']) });
export type Attachment = z.infer<typeof attachmentSchema>;

export const signOffSchema = z.object({ by: z.string(), byName: z.string(), at: z.date(), note: z.string() });
export type SignOff = z.infer<typeof signOffSchema>;

export const boardItemSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townId: z.string(),
  kind: boardKindSchema,
  title: z.string(),
  body: z.string(),
  attachments: z.array(attachmentSchema),
  /** WeChat's media check of each image attachment: others see one once its check passed. */
  mediaChecks: z.array(mediaCheckSchema).optional(),
  /** 大事记: the day it happened; null for other kinds. */
  eventDate: day.nullable(),
  ...publication,
  publishedBy: z.string().nullable(),
  /** Finance: the 村务监督委员's sign-off of this very content (an edit clears it). */
  signOff: signOffSchema.nullable(),
  /** 通知: how many subscribe messages went out when it was published. */
  pushed: z.number().int().min(0),
  clientKey: z.string(),
});
export type BoardItem = z.infer<typeof boardItemSchema>;

/** A user's subscribe-message grants (one message per acceptance), by template key. _id: the openid. */
export const subscriptionSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  grants: z.record(z.string(), z.number().int().min(0)),
  updatedAt: z.date(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
