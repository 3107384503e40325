// The honours service: grid scores and honours, the annual summary, 积分贷 and the 积分证明
// (function `honours`), all through call().
import type { AnnualResult, CertificateView, GridsResult, LoanResult, QuarterResult, VerifyResult } from '../../typings/index';
import { call } from './cloud';

export function getGridScores(month?: string): Promise<GridsResult> {
  return call('honours', 'grids', month ? { month } : {});
}

export function getQuarter(quarter?: string): Promise<QuarterResult> {
  return call('honours', 'quarter', quarter ? { quarter } : {});
}

export function awardQuarter(quarter: string): Promise<QuarterResult> {
  return call('honours', 'award', { quarter });
}

export function getAnnual(year?: number, householdId?: string): Promise<AnnualResult> {
  return call('honours', 'annual', { ...(year ? { year } : {}), ...(householdId ? { householdId } : {}) });
}

export function getLoan(): Promise<LoanResult> {
  return call('honours', 'loan', {});
}

export function issueCertificate(clientKey: string): Promise<CertificateView> {
  return call('honours', 'issue', { clientKey });
}

export function revokeCertificate(code: string): Promise<CertificateView> {
  return call('honours', 'revoke', { code });
}

export function verifyCertificate(code: string): Promise<VerifyResult> {
  return call('honours', 'verify', { code });
}
