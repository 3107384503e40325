// The documents of grid honours and 积分贷 as stored: a quarter's award, the loan certificates and
// the failed verifications they count.
import * as z from 'zod';

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
