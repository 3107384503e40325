// The documents of 村民说事 as stored, one schema each (kept beside the feature rather than in the
// shared model file): a matter with its whole timeline, the dated holiday overrides, and the
// calendar warnings of a town.
import * as z from 'zod';
import { mediaCheckSchema } from '../media-verdict';

export const MATTER_CATEGORIES = [
  '道路交通',
  '环境卫生',
  '水电设施',
  '邻里纠纷',
  '政策咨询',
  '产业发展',
  '治安消防',
  '干部作风',
  '其他',
] as const;
export const matterCategorySchema = z.enum(MATTER_CATEGORIES);

export const matterStatusSchema = z.enum(['held', 'open', 'responded', 'assigned', 'closed']);
export type MatterStatusValue = z.infer<typeof matterStatusSchema>;

export const voiceSchema = z.object({ fileId: z.string(), seconds: z.number().int().min(1).max(60) });
export const locationSchema = z.object({
  name: z.string(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const matterEventSchema = z.object({
  /** Derived from the client's key of the action that wrote it: a retry finds it. */
  id: z.string(),
  kind: z.enum([
    'raised',
    'held',
    'released',
    'madePrivate',
    'responded',
    'note',
    'summary',
    'assigned',
    'progress',
    'closed',
    'rated',
    'reopened',
    'escalated',
  ]),
  /** An openid, or "system" (the timer). */
  by: z.string(),
  byName: z.string(),
  /** villager, cadre, secretary, gridLeader (an assignee), system (the timer). */
  role: z.enum(['villager', 'cadre', 'secretary', 'gridLeader', 'system']),
  text: z.string(),
  photos: z.array(z.string()),
  /** Internal notes of the cadres' discussion: never shown to the raiser or the public. */
  internal: z.boolean(),
  stars: z.number().int().min(1).max(5).nullable(),
  assignee: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Who was told (escalations), for the record. */
  told: z.array(z.string()),
  at: z.date(),
});
export type MatterEvent = z.infer<typeof matterEventSchema>;

export const assigneeSchema = z.object({
  kind: z.enum(['person', 'body']),
  userId: z.string().nullable(),
  /** The person's id as views name them (shared/users.ts personIdOf; never the openid). */
  personId: z.string().nullable().default(null),
  name: z.string(),
  dueDate: z.string(),
  dueAt: z.date(),
});
export type StoredAssignee = z.infer<typeof assigneeSchema>;

export const ratingSchema = z.object({ stars: z.number().int().min(1).max(5), comment: z.string(), at: z.date(), round: z.number().int() });
export type Rating = z.infer<typeof ratingSchema>;

export const matterSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townId: z.string(),
  raisedBy: z.string(),
  raiserName: z.string(),
  householdId: z.string().nullable(),
  householdLabel: z.string(),
  text: z.string(),
  photos: z.array(z.string()),
  voice: voiceSchema.nullable(),
  category: matterCategorySchema,
  /** The raiser's choice: every villager of the village, or the cadres only. */
  public: z.boolean(),
  location: locationSchema.nullable(),
  status: matterStatusSchema,
  /** In the public list: public and not held. */
  listed: z.boolean(),
  /**
   * Who handles it: every cadre of the village; for a complaint about cadres (干部作风, or naming a
   * cadre) the secretary and the supervisors only; about the secretary, the supervisors and the town admin.
   */
  audience: z.enum(['village', 'cadres', 'secretary']).default('village'),
  /** The cadres a complaint names: they never read it. */
  concerns: z.array(z.string()).default([]),
  /** A cadre has looked at it: a public matter's photos and voice are shown to others from then on. */
  mediaCleared: z.boolean(),
  /** WeChat's media check of each photo and the voice note (older matters have none: their media stays with insiders). */
  mediaChecks: z.array(mediaCheckSchema).default([]),
  raisedAt: z.date(),
  /** China-time day raised (statistics by period). */
  raisedOn: z.string(),
  /** The first round's response deadline (statistics). */
  deadlineAt: z.date(),
  /** The first response (statistics): when, by whom, within the deadline. */
  respondedAt: z.date().nullable(),
  respondedBy: z.string().nullable(),
  respondedInTime: z.boolean().nullable(),
  /** The cadre the matter is counted for: the first responder, or the cadre it was assigned to. */
  handlerId: z.string().nullable(),
  round: z.number().int().min(1),
  /** The current round's deadline: its response deadline, or the assignment's due time. */
  dueAt: z.date(),
  /** The current round's response deadline (shown). */
  roundDeadlineAt: z.date(),
  /** Not closed: in the cadres' queue. */
  active: z.boolean(),
  /** Waiting for the overdue timer at dueAt (cleared when it escalates, or the wait is over). */
  armed: z.boolean(),
  assignee: assigneeSchema.nullable(),
  closedAt: z.date().nullable(),
  /** Latest rating (statistics). */
  stars: z.number().int().min(1).max(5).nullable(),
  rating: ratingSchema.nullable(),
  ratings: z.array(ratingSchema),
  reopens: z.number().int().min(0),
  events: z.array(matterEventSchema),
  /** Optimistic concurrency: every change is conditional on the version read, and increments it. */
  version: z.number().int().min(0),
  clientKey: z.string(),
});
export type Matter = z.infer<typeof matterSchema>;

/** What the lists read (the timeline left out). */
export const matterRowSchema = matterSchema.omit({ events: true });
export type MatterRow = z.infer<typeof matterRowSchema>;

/** A dated holiday or working day laid over the library's calendar. _id: `${scope}|${date}`. */
export const holidayOverrideSchema = z.object({
  _id: z.string(),
  /** "village:<id>" or "town:<id>". */
  scope: z.string(),
  townId: z.string(),
  villageId: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.date(),
});
export type HolidayOverride = z.infer<typeof holidayOverrideSchema>;

/** A town's calendar is missing a year (checked from December, or met when a deadline fell back). _id: `${townId}|${year}`. */
export const calendarWarningSchema = z.object({
  _id: z.string(),
  townId: z.string(),
  year: z.number().int(),
  message: z.string(),
  /** The town admins told by subscribe message. */
  told: z.array(z.string()),
  at: z.date(),
});
export type CalendarWarning = z.infer<typeof calendarWarningSchema>;
