// How the honours pages say things: rates, codes, months and quarters, honours.
import type { CertificateStatus, Honour } from '../../typings/index';

/** "4.35%" of 435 basis points, without floating point. */
export function rateText(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** "0.80 个百分点" of 80 basis points. */
export function pointsOfPercent(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}个百分点`;
}

/** "ABCD-EFGH-JKMN": easier to read out and type. */
export function codeText(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** "2026年10月" of "2026-10". */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The month `delta` months away (YYYY-MM). */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "2026年第3季度" of "2026-Q3". */
export function quarterText(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${quarter.slice(6)}季度`;
}

/** The quarter `delta` quarters away ("2026-Q3"). */
export function shiftQuarter(quarter: string, delta: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + delta;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export const HONOUR_SHORT: Record<Honour, string> = { gold: '金豆', silver: '银豆', bronze: '铜豆' };

export const CERTIFICATE_STATUS: Record<CertificateStatus, string> = { valid: '有效', expired: '已过期', revoked: '已作废' };

/** "2026年12月22日" of "2026-12-22". */
export function dayText(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
