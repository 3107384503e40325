// The documents of the points system as stored, one schema each: the adopted rule sets, the records
// with their review steps, the append-only ledger, the balances and the cap counters.
import * as z from 'zod';
import { ruleItemSchema } from '../rules/template';
import { mediaCheckSchema } from '../media-verdict';

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
