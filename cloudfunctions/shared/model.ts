// The documents as stored, one schema each: reads are parsed with these, so a function never works
// on a shape it does not expect.
import * as z from 'zod';
import { ruleItemSchema } from './rules/template';
import { holdSchema } from './hold';
import { mediaCheckSchema } from './media-verdict';

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

const recorderSchema = z.enum(['self', 'gridLeader', 'cadre']);

export const reviewStepSchema = z.object({
  by: z.string(),
  byName: z.string(),
  role: z.string(),
  decision: z.enum(['submitted', 'approved', 'rejected', 'reversed']),
  reason: z.string(),
  at: z.date(),
});
export type ReviewStep = z.infer<typeof reviewStepSchema>;

/** One scored item for one household. Never deleted: a wrong one is reversed by a counter-record. */
export const pointRecordSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  gridId: z.string(),
  ruleSetId: z.string(),
  ruleVersion: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  category: z.enum(['爱国守法', '生态宜居', '产业兴旺', '乡风文明', '共建共治', '本村特色']),
  points: z.number().int(),
  occurredOn: z.string(),
  /** YYYY-MM of occurredOn: the monthly notice it belongs to. */
  month: z.string(),
  year: z.number().int(),
  status: z.enum(['pending', 'approved', 'rejected']),
  /** Index into the village's review levels of the reviewer who acts next (while pending). */
  level: z.number().int().min(0),
  source: recorderSchema,
  recordedBy: z.string(),
  recordedByName: z.string(),
  proxyFor: z.string().nullable(),
  note: z.string(),
  reason: z.string(),
  evidence: z.array(z.string()),
  /** WeChat's media check of each evidence photo (a batch's records share them): others than the recorder and the cadres see a photo once it passed. */
  mediaChecks: z.array(mediaCheckSchema).optional(),
  reverses: z.string().nullable(),
  reversedBy: z.string().nullable(),
  /** Set by the monthly notice's settlement: its points moved from pending to earned. */
  settled: z.boolean(),
  steps: z.array(reviewStepSchema),
  clientKey: z.string(),
  createdAt: z.date(),
});
export type PointRecord = z.infer<typeof pointRecordSchema>;

/** The append-only ledger: every change of a balance, with the record that caused it. */
export const ledgerEventSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  recordId: z.string().nullable(),
  kind: z.enum(['approve', 'reverse', 'settle', 'redeem', 'refund', 'bonus']),
  pending: z.number().int(),
  earned: z.number().int(),
  available: z.number().int(),
  year: z.number().int(),
  month: z.string(),
  by: z.string(),
  at: z.date(),
});
export type LedgerEvent = z.infer<typeof ledgerEventSchema>;

/** A household's balances, changed only in the transaction that appends the ledger event. */
export const balanceSchema = z.object({
  /** The household id. */
  _id: z.string(),
  villageId: z.string(),
  gridId: z.string(),
  pending: z.number().int(),
  earned: z.number().int(),
  available: z.number().int(),
  years: z.record(z.string(), z.object({ earned: z.number().int(), pending: z.number().int() })),
  /** Months (YYYY-MM) whose points this household has settled: makes settlement safe to run twice. */
  settledMonths: z.array(z.string()).default([]),
  /**
   * Quarters (YYYY-Qn) whose grid-honour bonus this household has been booked: makes the award safe
   * to run twice. Optional (missing = none) so that every existing balance and literal stays valid.
   */
  bonusQuarters: z.array(z.string()).optional(),
});
export type Balance = z.infer<typeof balanceSchema>;

/** How often a household has scored a capped item in one period ("hh|item|period"). */
export const capCounterSchema = z.object({ _id: z.string(), count: z.number().int().min(0) });

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

// ---- 积分超市 ------------------------------------------------------------------------------------

export const goodsLimitSchema = z.object({ period: z.enum(['month', 'quarter', 'year']), qty: z.number().int().min(1) });

/** Goods of one village's 积分超市. Never deleted: taken off the shelf instead. */
export const shopGoodsSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  name: z.string(),
  /** Cloud file ID of the photo, '' when none was uploaded yet. */
  photo: z.string(),
  /** Points per piece. */
  price: z.number().int().min(1),
  stock: z.number().int().min(0),
  limit: goodsLimitSchema.nullable(),
  onShelf: z.boolean(),
  /** Its name did not pass the content check: off the shelf for villagers until another cadre releases it. */
  hold: holdSchema.nullable().optional(),
  clientKey: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ShopGoods = z.infer<typeof shopGoodsSchema>;

/**
 * One redemption: its points and stock were taken with it (in one transaction, with the ledger
 * event `<id>:redeem`); handed over (done), or cancelled / expired with the points back (`<id>:refund`).
 */
export const shopOrderSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  goodsId: z.string(),
  goodsName: z.string(),
  photo: z.string(),
  price: z.number().int(),
  qty: z.number().int().min(1),
  points: z.number().int(),
  /** The pickup code, unique in the village. */
  code: z.string(),
  status: z.enum(['open', 'done', 'cancelled', 'expired']),
  by: z.string(),
  byName: z.string(),
  clientKey: z.string(),
  createdAt: z.date(),
  /** YYYY-MM (China) of createdAt. */
  month: z.string(),
  /** The key of the limit period the order counted in (e.g. 2026-03), '' for goods without a limit. */
  limitKey: z.string(),
  expiresAt: z.date(),
  closedAt: z.date().nullable(),
  /** YYYY-MM (China) of closedAt: the month of the report it belongs to. */
  closedMonth: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedByName: z.string(),
});
export type ShopOrder = z.infer<typeof shopOrderSchema>;

/** What a household took in one limit period ("hh|2026-03"), per goods. */
export const shopUsageSchema = z.object({
  _id: z.string(),
  householdId: z.string(),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type ShopUsage = z.infer<typeof shopUsageSchema>;

export const redemptionEventSchema = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** A village's 积分超市 settings; _id is the village id. A village without one is open every day. */
export const shopSettingsSchema = z.object({
  _id: z.string(),
  mode: z.enum(['always', 'events']),
  /** Days a household has to collect an order before it expires. */
  pickupDays: z.number().int().min(1).max(60),
  events: z.array(redemptionEventSchema),
  updatedBy: z.string(),
  updatedAt: z.date(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

// ---- Grid honours and 积分贷 --------------------------------------------------------------------

export const honourSchema = z.enum(['gold', 'silver', 'bronze']);

/** One grid's place in a quarter's award, with the households that shared its bonus. */
export const awardGridSchema = z.object({
  gridId: z.string(),
  name: z.string(),
  points: z.number().int(),
  rank: z.number().int().min(1),
  honour: honourSchema.nullable(),
  bonus: z.number().int().min(0),
  share: z.number().int().min(0),
  remainder: z.number().int().min(0),
  /** The grid's households when the award was decided (they got `share` each). */
  householdIds: z.array(z.string()),
});
export type AwardGrid = z.infer<typeof awardGridSchema>;

/**
 * A quarter's 金豆 / 银豆 / 铜豆 grids of one village (`${villageId}:${quarter}`). Written before the
 * bonus is booked, so a second run (by hand or by the timer) books exactly what the first decided.
 */
export const honourAwardSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  year: z.number().int(),
  status: z.enum(['booking', 'done']),
  grids: z.array(awardGridSchema),
  by: z.string(),
  at: z.date(),
  doneAt: z.date().nullable(),
});
export type HonourAward = z.infer<typeof honourAwardSchema>;

/** A 积分证明; _id is its verification code. States only what the bank may see. */
export const loanCertificateSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  headName: z.string(),
  earnedPoints: z.number().int(),
  rateBp: z.number().int(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  issuedAt: z.date(),
  expiresAt: z.date(),
  issuedBy: z.string(),
  clientKey: z.string(),
  revokedAt: z.date().nullable(),
  revokedBy: z.string().nullable(),
});
export type LoanCertificate = z.infer<typeof loanCertificateSchema>;

/** Failed verifications of one caller in one China hour (`${openid}|YYYY-MM-DDTHH`). */
export const certificateAttemptSchema = z.object({ _id: z.string(), failures: z.number().int().min(0) });
