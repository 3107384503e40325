// 积分贷: the household's rate (honours.loan), and the 积分证明 — issued and revoked by the household
// head, verified by anyone with its code (a bank officer is not a villager). A certificate states the
// household label, the head's name, earned points, rate, issue and expiry dates: nothing else (no ID
// number, phone or address), and only while it is valid.
import { randomInt } from 'node:crypto';
import type { CertificateFacts, CertificateView, LoanResult, VerifyResult } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { balanceSchema } from '../shared/points/model';
import { certificateAttemptSchema, loanCertificateSchema, type LoanCertificate } from '../shared/honours/model';
import { householdSchema, type Household } from '../shared/village/model';
import {
  attemptsId,
  CERTIFICATE_DAYS,
  certificateStatus,
  isWellFormedCode,
  loanRate,
  MAX_FAILED_VERIFICATIONS,
  newCode,
  normalizeCode,
  validity,
} from '../shared/honours/loan';
import { getById, list } from '../shared/repo';
import { db } from '../shared/sdk';
import { isDuplicateKey, txGet, withTransaction } from '../shared/tx';
import type { VillageContext as HonoursContext } from '../shared/village-context';
import { isHeadOf } from '../shared/access';

function facts(c: LoanCertificate): CertificateFacts {
  return {
    code: c._id,
    householdLabel: c.householdLabel,
    headName: c.headName,
    earnedPoints: c.earnedPoints,
    rateBp: c.rateBp,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
  };
}

function certificateView(c: LoanCertificate, now: Date): CertificateView {
  return { ...facts(c), status: certificateStatus(c, now), revokedOn: c.revokedAt ? chinaDate(c.revokedAt) : null };
}

async function ownHousehold(ctx: HonoursContext): Promise<Household> {
  const id = ctx.user.householdId;
  if (!id) throw new AppError('AUTH.NOT_JOINED', '您还没有加入任何一户');
  const household = await getById(C.households, id, householdSchema);
  if (!household || household.villageId !== ctx.village._id) throw new AppError('COMMON.NOT_FOUND', '没有找到您家的信息');
  return household;
}

function householdCertificates(householdId: string): Promise<LoanCertificate[]> {
  return list(C.loanCertificates, { householdId }, loanCertificateSchema, { orderBy: ['issuedAt', 'desc'], limit: 50 });
}

export async function loanView(ctx: HonoursContext, now: Date): Promise<LoanResult> {
  const household = await ownHousehold(ctx);
  const head = isHeadOf(ctx.user, household._id);
  const [balance, certificates] = await Promise.all([
    getById(C.balances, household._id, balanceSchema),
    head ? householdCertificates(household._id) : Promise.resolve([]),
  ]);
  return {
    household: { id: household._id, label: household.no, headName: household.headName },
    rate: loanRate(balance?.earned ?? 0, ctx.village.settings.loan),
    validityDays: CERTIFICATE_DAYS,
    isHead: head,
    certificates: certificates.map((c) => certificateView(c, now)),
  };
}

export async function issue(ctx: HonoursContext, clientKey: string, now: Date): Promise<CertificateView> {
  const household = await ownHousehold(ctx);
  if (!isHeadOf(ctx.user, household._id)) throw new AppError('AUTH.FORBIDDEN', '只有户主可以开具积分证明');
  const [balance, existing] = await Promise.all([getById(C.balances, household._id, balanceSchema), householdCertificates(household._id)]);
  // A retry of the same tap (weak network) answers the certificate already issued.
  const twin = existing.find((c) => c.clientKey === clientKey);
  if (twin) return certificateView(twin, now);
  const earned = balance?.earned ?? 0;
  const { issuedOn, expiresOn, expiresAt } = validity(now);
  for (let attempt = 0; ; attempt++) {
    const cert: LoanCertificate = {
      _id: newCode((n) => randomInt(n)),
      villageId: ctx.village._id,
      householdId: household._id,
      householdLabel: `${ctx.village.name} ${household.no}`,
      headName: household.headName,
      earnedPoints: earned,
      rateBp: loanRate(earned, ctx.village.settings.loan).rateBp,
      issuedOn,
      expiresOn,
      issuedAt: now,
      expiresAt,
      issuedBy: ctx.user._id,
      clientKey,
      revokedAt: null,
      revokedBy: null,
    };
    try {
      await db.collection(C.loanCertificates).add({ data: cert });
      return certificateView(cert, now);
    } catch (e) {
      // Two codes alike (about one chance in 10^17): draw another.
      if (!isDuplicateKey(e) || attempt >= 2) throw e;
    }
  }
}

export async function revoke(ctx: HonoursContext, code: string, now: Date): Promise<CertificateView> {
  const id = normalizeCode(code);
  const cert = isWellFormedCode(id) ? await getById(C.loanCertificates, id, loanCertificateSchema) : null;
  if (!cert || !isHeadOf(ctx.user, cert.householdId)) throw new AppError('COMMON.NOT_FOUND', '没有找到这份积分证明');
  if (cert.revokedAt) return certificateView(cert, now);
  await db
    .collection(C.loanCertificates)
    .doc(cert._id)
    .update({ data: { revokedAt: now, revokedBy: ctx.user._id } });
  return certificateView({ ...cert, revokedAt: now, revokedBy: ctx.user._id }, now);
}

/**
 * Counts one failed look-up of the caller in this hour, read and raised in one transaction: of many
 * wrong codes sent at once, no more than the limit are answered.
 */
async function countFailure(id: string): Promise<void> {
  await withTransaction(async (t) => {
    const raw = await txGet(t, C.certificateAttempts, id);
    const failures = raw ? certificateAttemptSchema.parse(raw).failures : 0;
    if (failures >= MAX_FAILED_VERIFICATIONS) throw new AppError('CERT.TOO_MANY_TRIES');
    await t
      .collection(C.certificateAttempts)
      .doc(id)
      .set({ data: { failures: failures + 1 } });
  });
}

/**
 * Anyone may verify (identity is only used to count failures): a valid certificate states its facts;
 * an expired or revoked one says so and nothing more; a wrong code reveals nothing and counts as a
 * failure — beyond 20 failures in an hour every look-up of the caller is refused.
 */
export async function verify(openid: string, code: string, now: Date): Promise<VerifyResult> {
  const id = normalizeCode(code);
  const counterId = attemptsId(openid, now);
  const [attempts, cert] = await Promise.all([
    getById(C.certificateAttempts, counterId, certificateAttemptSchema),
    isWellFormedCode(id) ? getById(C.loanCertificates, id, loanCertificateSchema) : Promise.resolve(null),
  ]);
  if ((attempts?.failures ?? 0) >= MAX_FAILED_VERIFICATIONS) throw new AppError('CERT.TOO_MANY_TRIES');
  if (!cert) {
    await countFailure(counterId);
    return { status: 'notFound' };
  }
  const status = certificateStatus(cert, now);
  if (status === 'valid') return { status, certificate: facts(cert) };
  return { status };
}
