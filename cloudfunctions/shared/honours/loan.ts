// 积分贷 and the 积分证明 as plain functions, in integers (basis points: 1% = 100, 0.1 point = 10).
//
// - Rate: the village's base rate minus 10 bp for every full 100 earned points (earned ÷ 100 rounded
//   down, negative earned counting as 0), never below the village's floor (a floor set above the base
//   counts as the base).
// - Certificate: a 12-character code from an alphabet without look-alikes (no 0/O, 1/I/L), drawn
//   with a cryptographic random source: 31^12 ≈ 7.9 × 10^17 codes. Valid from the day it is issued
//   through the 30th day after (China time): issued on 2026-11-22, valid until 24:00 on 2026-12-22.
// - Verifying: at most 20 failed look-ups per caller per China hour; beyond, every look-up is refused.
import type { CertificateStatus, LoanRateView } from '../../../typings';
import { chinaNow } from '../china-time';
import type { LoanCertificate } from './model';
import type { VillageSettings } from '../village/model';

export const LOAN_STEP_BP = 10;
export const LOAN_STEP_POINTS = 100;
export const CERTIFICATE_DAYS = 30;
export const MAX_FAILED_VERIFICATIONS = 20;
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;

export function loanRate(earned: number, loan: VillageSettings['loan']): LoanRateView {
  const floor = Math.min(loan.floorRateBp, loan.baseRateBp);
  const steps = Math.floor(Math.max(0, earned) / LOAN_STEP_POINTS);
  const raw = loan.baseRateBp - steps * LOAN_STEP_BP;
  const atFloor = raw <= floor;
  return {
    earned,
    baseRateBp: loan.baseRateBp,
    floorRateBp: floor,
    stepBp: LOAN_STEP_BP,
    stepPoints: LOAN_STEP_POINTS,
    steps,
    rateBp: Math.max(floor, raw),
    atFloor,
    toNextStep: atFloor ? null : (steps + 1) * LOAN_STEP_POINTS - Math.max(0, earned),
  };
}

/** "4.35%" of 435. */
export function rateText(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** A new code; `randomIndex(n)` must give a uniform integer in [0, n) from a cryptographic source. */
export function newCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET.charAt(randomIndex(CODE_ALPHABET.length));
  return code;
}

/** What a person typed or a link carried, as stored: upper case, without spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** Issue day, last valid day and the instant it stops being valid (24:00 China time of the last day). */
export function validity(now: Date, days: number = CERTIFICATE_DAYS): { issuedOn: string; expiresOn: string; expiresAt: Date } {
  const start = chinaNow(now).startOf('day');
  return {
    issuedOn: start.format('YYYY-MM-DD'),
    expiresOn: start.add(days, 'day').format('YYYY-MM-DD'),
    expiresAt: start.add(days + 1, 'day').toDate(),
  };
}

export function certificateStatus(cert: Pick<LoanCertificate, 'revokedAt' | 'expiresAt'>, now: Date): CertificateStatus {
  if (cert.revokedAt) return 'revoked';
  return now < cert.expiresAt ? 'valid' : 'expired';
}

/** The failure counter of a caller in the current China hour. */
export function attemptsId(openid: string, now: Date): string {
  return `${openid}|${chinaNow(now).format('YYYY-MM-DDTHH')}`;
}
