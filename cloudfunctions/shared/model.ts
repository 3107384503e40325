// The documents as stored, one schema each: reads are parsed with these, so a function never works
// on a shape it does not expect.
import * as z from 'zod';
import { ruleItemSchema } from './rules/template';

export const roleSchema = z.enum(['villager', 'head', 'secretary', 'cadre', 'gridLeader', 'keeper', 'townAdmin']);

export const townSchema = z.object({ _id: z.string(), name: z.string(), city: z.string() });
export type Town = z.infer<typeof townSchema>;

export const villageSchema = z.object({ _id: z.string(), townId: z.string(), name: z.string() });
export type Village = z.infer<typeof villageSchema>;

export const gridSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  /** micro: 微网格 (~50 households); group: 联户小组 (5–10) inside a micro grid. */
  kind: z.enum(['micro', 'group']),
  name: z.string(),
  parentId: z.string().nullable(),
  leaderUserId: z.string().nullable(),
});
export type Grid = z.infer<typeof gridSchema>;

export const householdSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  gridId: z.string(),
  groupId: z.string(),
  /** The household's number in the village, e.g. "3组12号". */
  no: z.string(),
  headName: z.string(),
  address: z.string(),
});
export type Household = z.infer<typeof householdSchema>;

export const memberSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  name: z.string(),
  relation: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  userId: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const userSchema = z.object({
  /** The WeChat openid. */
  _id: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  villageId: z.string().nullable(),
  townId: z.string().nullable(),
  householdId: z.string().nullable(),
  memberId: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** One adopted version of a village's 村规民约积分条款; records keep the version they were scored under. */
export const ruleSetSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  version: z.number().int().min(1),
  /** China-time date (YYYY-MM-DD) from which this version applies. */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  adoption: z.object({
    meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** "三上三下": the rounds of consultation before the vote. */
    rounds: z.number().int().min(1),
    attendees: z.number().int().min(0),
    votesFor: z.number().int().min(0),
    votesAgainst: z.number().int().min(0),
    abstentions: z.number().int().min(0),
  }),
  items: z.array(ruleItemSchema).min(1),
  createdBy: z.string(),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;
