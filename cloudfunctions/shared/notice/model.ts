// The documents of 一月一公示 as stored: a village's monthly notice with its lines, and the objections.
import * as z from 'zod';

export const noticeLineSchema = z.object({
  householdId: z.string(),
  label: z.string(),
  gridId: z.string(),
  total: z.number().int(),
  items: z.array(z.object({ recordId: z.string(), itemName: z.string(), points: z.number().int(), occurredOn: z.string() })),
});
export type NoticeLine = z.infer<typeof noticeLineSchema>;

/** 一月一公示: one village's points of one month, open for objections, then settled. */
export const noticeSchema = z.object({
  /** `${villageId}:${month}` */
  _id: z.string(),
  villageId: z.string(),
  month: z.string(),
  status: z.enum(['published', 'settled']),
  publishedAt: z.date(),
  publishedBy: z.string(),
  closesAt: z.date(),
  settledAt: z.date().nullable(),
  /** Bumped by every correction of an upheld objection. */
  version: z.number().int().min(1),
  lines: z.array(noticeLineSchema),
});
export type Notice = z.infer<typeof noticeSchema>;

export const objectionSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  month: z.string(),
  objector: z.string(),
  objectorName: z.string(),
  householdId: z.string(),
  recordId: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedByName: z.string(),
  counterRecordId: z.string().nullable(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});
export type Objection = z.infer<typeof objectionSchema>;
