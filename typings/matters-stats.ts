// Function `matters`: the statistics of 村民说事 (response and resolution rates, ratings) and the holiday
// calendar its deadlines are counted on. Part of the contract of typings/matters.ts.

export interface MatterStatsRow {
  raised: number;
  /** Responded, or past the deadline: the matters the response rate is over. */
  due: number;
  respondedInTime: number;
  /** respondedInTime / due, 0–1; null when nothing was due. */
  responseRate: number | null;
  closed: number;
  /** closed / raised; null when nothing was raised. */
  resolutionRate: number | null;
  rated: number;
  averageStars: number | null;
  /** Share of ratings with 4 or 5 stars; null when none was rated. */
  goodShare: number | null;
}

export interface MatterStatsRequest {
  /** YYYY-MM-DD, China time, inclusive: matters raised in [from, to]. */
  from: string;
  to: string;
}

export interface MatterStatsResult {
  from: string;
  to: string;
  /** The caller's village (cadres), or null for a town admin. */
  village: ({ id: string; name: string } & MatterStatsRow) | null;
  /** Per cadre, by the matters they handle (first responder, or the cadre assigned). */
  cadres: ({ personId: string; name: string } & MatterStatsRow)[];
  /** A town admin's view: every village of the town. */
  villages: ({ id: string; name: string } & MatterStatsRow)[];
}

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarOverrideView {
  date: string;
  kind: CalendarDayKind;
  name: string;
  scope: 'village' | 'town';
  byName: string;
}

export interface CalendarWarningView {
  year: number;
  message: string;
  at: string;
}

export interface CalendarResult {
  /** Years the holiday-calendar library covers. */
  libraryYears: number[];
  /** This year and next: covered by the library, by the town's overrides, or not at all. */
  coverage: { year: number; source: 'library' | 'overrides' | 'none' }[];
  overrides: CalendarOverrideView[];
  /** For the town admin (and the cadres to see): next year's calendar is missing, etc. */
  warnings: CalendarWarningView[];
  canEditVillage: boolean;
  canEditTown: boolean;
}

export interface CalendarOverrideRequest {
  scope: 'village' | 'town';
  date: string;
  /** none removes the override of that date. */
  kind: CalendarDayKind | 'none';
  name: string;
}
