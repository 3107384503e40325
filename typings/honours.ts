// Function `honours`: monthly grid scores and the grid leader's 50/50 score, the quarterly 金豆 /
// 银豆 / 铜豆 grids and their bonus points, the household's annual summary (一年一评优), and 积分贷:
// the household's rate and the 积分证明 a bank verifies by its code.

export type Honour = 'gold' | 'silver' | 'bronze';

/** One micro grid's score of one month: the settled points of the households it has now. */
export interface GridScoreView {
  gridId: string;
  name: string;
  households: number;
  /** Sum of its households' settled points of the month. */
  points: number;
  /** Competition rank in the village (ties share a rank): 1, 1, 3 … */
  rank: number;
  /** Average per household, to one decimal. */
  average: number;
  leader: LeaderScoreView | null;
}

/** 网格长's monthly score: 50% their own household's points + 50% the average of the households they lead. */
export interface LeaderScoreView {
  name: string;
  /** Their own household's settled points of the month (0 when they have no household in the village). */
  own: number;
  hasHousehold: boolean;
  /** Average of every household of the grids they lead, to one decimal. */
  average: number;
  /** 0.5 × own + 0.5 × average, to one decimal (half up). */
  score: number;
}

export interface GridsResult {
  villageName: string;
  /** YYYY-MM (China). */
  month: string;
  /** Whether the month's notice has settled: only settled points count. */
  settled: boolean;
  grids: GridScoreView[];
}

export interface GridHonourView {
  gridId: string;
  name: string;
  households: number;
  /** Settled points of the quarter of the households it has (had, once awarded). */
  points: number;
  rank: number;
  honour: Honour | null;
  /** "金豆网格" … or "". */
  honourName: string;
  /** Bonus points of the grid (the village's setting for its honour), 0 without honour. */
  bonus: number;
  /** Points each of its households gets: floor(bonus / households). */
  share: number;
  /** bonus − share × households: awarded to no one. */
  remainder: number;
}

export interface QuarterResult {
  villageName: string;
  /** e.g. "2026-Q3". */
  quarter: string;
  /** awarded: booked (read from the award); ready: may be awarded now; notReady: see `reason`. */
  status: 'awarded' | 'ready' | 'notReady';
  reason: string;
  /** The village's bonus per grid, by honour. */
  bonusSetting: Record<Honour, number>;
  /** How many grid places each honour has (ceil of 10% / 30% / 50% of the grids, cumulative). */
  places: Record<Honour, number>;
  grids: GridHonourView[];
  /** ISO time of the award, when awarded. */
  awardedAt: string | null;
  /** Households that got a bonus, and the points booked in all. */
  households: number;
  points: number;
  canAward: boolean;
}

export interface AnnualHonourView {
  /** "文明家庭", "金豆网格" … */
  name: string;
  /** e.g. "2026年第3季度，分得 6 分". */
  detail: string;
}

export interface AnnualResult {
  year: number;
  /** Whether the year has ended (otherwise the figures are so far). */
  final: boolean;
  household: { id: string; label: string; headName: string; gridName: string };
  /** Points earned (settled, bonus included) in the year. */
  earned: number;
  /** Of which bonus points of honoured grids. */
  bonus: number;
  rank: { rank: number; of: number };
  /** How many households are 文明家庭 this year (the top 10%, ties included). */
  civilizedPlaces: number;
  honours: AnnualHonourView[];
  /** The 积分贷 rate the household qualifies for now, in basis points (1% = 100). */
  loanRateBp: number;
}

export interface LoanRateView {
  /** All-time earned points the rate is computed from. */
  earned: number;
  baseRateBp: number;
  floorRateBp: number;
  /** 10 basis points (0.1 percentage point) for every full 100 earned points. */
  stepBp: number;
  stepPoints: number;
  /** Full steps of earned points (earned ÷ 100, rounded down, never below 0). */
  steps: number;
  rateBp: number;
  atFloor: boolean;
  /** Points still needed for the next 0.1 point off, null at the floor. */
  toNextStep: number | null;
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

/** Exactly what a 积分证明 states, and nothing else. */
export interface CertificateFacts {
  code: string;
  /** The village and the household's number, e.g. "和美村 3组12号". */
  householdLabel: string;
  headName: string;
  earnedPoints: number;
  rateBp: number;
  /** YYYY-MM-DD (China). */
  issuedOn: string;
  /** Last valid day, YYYY-MM-DD (China): valid until 24:00 of that day. */
  expiresOn: string;
}

export interface CertificateView extends CertificateFacts {
  status: CertificateStatus;
  revokedOn: string | null;
}

export interface LoanResult {
  household: { id: string; label: string; headName: string };
  rate: LoanRateView;
  validityDays: number;
  /** The household head issues and revokes certificates. */
  isHead: boolean;
  /** The household's certificates, newest first (the head only; empty for others). */
  certificates: CertificateView[];
}

export type VerifyResult =
  | { status: 'valid'; certificate: CertificateFacts }
  | { status: 'expired' }
  | { status: 'revoked' }
  | { status: 'notFound' };

export interface HonoursApi {
  /** Micro grids' scores of a month (default: last month) with their leaders' scores. */
  grids: { req: { month?: string }; res: GridsResult };
  /** A quarter's honours (default: the last ended quarter): the award if made, otherwise a preview. */
  quarter: { req: { quarter?: string }; res: QuarterResult };
  /** A cadre awards a quarter's honours and books the bonus points; awarding again changes nothing. */
  award: { req: { quarter: string }; res: QuarterResult };
  /** A household's year (default: this year; own household unless a grid leader or cadre names one). */
  annual: { req: { year?: number; householdId?: string }; res: AnnualResult };
  /** The caller's household: its 积分贷 rate, and (for the head) its certificates. */
  loan: { req: Record<string, never>; res: LoanResult };
  /** The household head issues a 积分证明 (the same clientKey never issues twice). */
  issue: { req: { clientKey: string }; res: CertificateView };
  revoke: { req: { code: string }; res: CertificateView };
  /** Anyone (a bank officer is not a villager): what a certificate states, while it is valid. */
  verify: { req: { code: string }; res: VerifyResult };
}
