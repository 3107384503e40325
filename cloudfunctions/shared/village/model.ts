// The documents of the village as stored, one schema each: towns, villages and their settings, grids,
// households, members and users, and the joining records (invites, join requests, memberships, imports).
// Reads are parsed with these, so a function never works on a shape it does not expect.
import * as z from 'zod';

export const roleSchema = z.enum(['villager', 'head', 'secretary', 'cadre', 'gridLeader', 'keeper', 'townAdmin', 'supervisor']);

export const townSchema = z.object({ _id: z.string(), name: z.string(), city: z.string() });
export type Town = z.infer<typeof townSchema>;

export const villageSettingsSchema = z.object({
  /** Who reviews a record, in order (e.g. grid leader, then cadre). A cadre's own record passes directly. */
  reviewLevels: z.array(z.enum(['gridLeader', 'cadre'])).min(1),
  /** How many days a monthly notice stays open for objections. */
  noticeDays: z.number().int().min(1).max(30).default(5),
  /** Bonus points per 金豆 / 银豆 / 铜豆 grid each quarter, shared evenly among its households. */
  honourBonus: z
    .object({
      gold: z.number().int().min(0).max(100000),
      silver: z.number().int().min(0).max(100000),
      bronze: z.number().int().min(0).max(100000),
    })
    .default({ gold: 300, silver: 200, bronze: 100 }),
  /** 积分贷: the village's base rate and floor, in basis points (5.00% = 500). */
  loan: z
    .object({ baseRateBp: z.number().int().min(0).max(10000), floorRateBp: z.number().int().min(0).max(10000) })
    .default({ baseRateBp: 500, floorRateBp: 350 }),
  /** The monthly notice names other households' deductions item by item (off: "扣分" and its points only). */
  itemisedDeductions: z.boolean().default(false),
});
export type VillageSettings = z.infer<typeof villageSettingsSchema>;

export const villageSchema = z.object({
  _id: z.string(),
  townId: z.string(),
  name: z.string(),
  settings: villageSettingsSchema.default({
    reviewLevels: ['gridLeader', 'cadre'],
    noticeDays: 5,
    honourBonus: { gold: 300, silver: 200, bronze: 100 },
    loan: { baseRateBp: 500, floorRateBp: 350 },
    itemisedDeductions: false,
  }),
});
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
  /** Moves between grids, oldest first (the household's own history). */
  moves: z
    .array(
      z.object({
        fromGridId: z.string(),
        fromGroupId: z.string(),
        toGridId: z.string(),
        toGroupId: z.string(),
        by: z.string(),
        byName: z.string(),
        at: z.date(),
      }),
    )
    .default([]),
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
  /** A member who left is kept (marked, with the date): history is never deleted. */
  status: z.enum(['active', 'left']).default('active'),
  leftAt: z.date().nullable().default(null),
  leftReason: z.string().default(''),
  /** The open record of `memberships` (their stint in this household); '' before history was kept. */
  membershipId: z.string().default(''),
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
  /** pending: waiting for a cadre's real-name confirmation; left: no longer of the village. */
  status: z.enum(['active', 'pending', 'left']).default('active'),
});
export type User = z.infer<typeof userSchema>;

/** An invite to join a household or take a role; the code is the id (one get by id to use it). */
export const inviteSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townId: z.string(),
  kind: z.enum(['household', 'role', 'secretary']),
  householdId: z.string().nullable(),
  role: z.enum(['secretary', 'cadre', 'keeper']).nullable(),
  /** Role invites name the person they are for. */
  forName: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  maxUses: z.number().int().min(1),
  uses: z.number().int().min(0),
  usedBy: z.array(z.string()),
  revoked: z.boolean(),
  qrFileId: z.string().nullable(),
});
export type Invite = z.infer<typeof inviteSchema>;

/** Someone's request to be a member of a household, waiting for a cadre's real-name confirmation. */
export const joinRequestSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  inviteCode: z.string(),
  openid: z.string(),
  name: z.string(),
  idLast4: z.string(),
  /** The household's member record matched by name and ID last 4, if any. */
  memberId: z.string().nullable(),
  status: z.enum(['pending', 'confirmed', 'refused']),
  reason: z.string(),
  createdAt: z.date(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.date().nullable(),
  /** A role taken with an invite link, waiting for its confirmer; null for joining a household. */
  role: roleSchema.nullable().default(null),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** A person's waiting request (_id: their openid): one at a time. */
export const joinSlotSchema = z.object({ requestId: z.string(), waiting: z.boolean() });

/** One stint of a person in a household: opened when they join or move in, closed (never deleted) when they leave or move out. */
export const membershipSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  memberId: z.string(),
  name: z.string(),
  relation: z.string(),
  /** null: they were in the household before history was kept. */
  from: z.date().nullable(),
  to: z.date().nullable(),
  end: z.enum(['left', 'moved']).nullable(),
  /** The household moved to, or why they left. */
  note: z.string(),
  by: z.string(),
});
export type Membership = z.infer<typeof membershipSchema>;

/** One committed bulk import (who, when, which file, what it did). */
export const villageImportSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  fileId: z.string(),
  by: z.string(),
  at: z.date(),
  counts: z.record(z.string(), z.number().int()),
});
export type VillageImport = z.infer<typeof villageImportSchema>;
