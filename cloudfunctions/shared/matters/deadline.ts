// The response deadline of 村民说事 as a pure function: the end (24:00 China time) of the second
// working day after the China-time day a matter was raised. Working days follow the statutory
// holidays and make-up working days (调休) of a holiday calendar, with dated overrides (the
// village's, then the town's) for what the calendar lacks. A year the calendar does not cover and
// no override mentions falls back to weekends only, and is reported so that someone is warned.
//
// No clock, no time zone of the machine: the China dates and the days between them are those of
// ../china-time.
import { addDays, chinaDate, endOfChinaDay, weekday, yearOf } from '../china-time';

export type DayKind = 'holiday' | 'workday';

export interface HolidayCalendar {
  /** Whether the calendar has the arrangement of this year. */
  covers(year: number): boolean;
  /** A statutory holiday or a make-up working day of a covered year; null for an ordinary day. */
  special(date: string): DayKind | null;
}

export interface DayRules {
  calendar: HolidayCalendar;
  /** Dated overrides, YYYY-MM-DD → kind (the village's already laid over the town's). */
  overrides: ReadonlyMap<string, DayKind>;
}

export type DaySource = 'override' | 'calendar' | 'weekend';

export interface Deadline {
  /** The instant: 00:00 China time of the day after the last working day. */
  at: Date;
  /** The China-time day it was raised. */
  raisedOn: string;
  /** The working days counted, in order (the last is the deadline's day). */
  workingDays: string[];
  /** Years consulted that neither the calendar nor any override covers (weekends only were used). */
  uncoveredYears: number[];
}

/** However many holidays follow each other, two working days come within this many days. */
const MAX_DAYS = 60;

/** Whether any override falls in the year (someone entered that year's arrangement). */
export function overridesCover(overrides: ReadonlyMap<string, DayKind>, year: number): boolean {
  const prefix = `${year}-`;
  for (const date of overrides.keys()) if (date.startsWith(prefix)) return true;
  return false;
}

/** Whether a China date is a working day, and what said so. */
export function dayOf(date: string, rules: DayRules): { working: boolean; source: DaySource } {
  const override = rules.overrides.get(date);
  if (override) return { working: override === 'workday', source: 'override' };
  if (rules.calendar.covers(yearOf(date))) {
    const special = rules.calendar.special(date);
    if (special) return { working: special === 'workday', source: 'calendar' };
    const wd = weekday(date);
    return { working: wd !== 0 && wd !== 6, source: 'calendar' };
  }
  const wd = weekday(date);
  return { working: wd !== 0 && wd !== 6, source: 'weekend' };
}

/**
 * The deadline of a matter raised at `raisedAt`: the end of the `workingDays`-th working day after
 * its China-time day (the day itself never counts, whatever the hour).
 */
export function responseDeadline(raisedAt: Date, rules: DayRules, workingDays = 2): Deadline {
  if (Number.isNaN(raisedAt.getTime())) throw new Error('invalid instant');
  const raisedOn = chinaDate(raisedAt);
  const counted: string[] = [];
  const uncovered = new Set<number>();
  let date = raisedOn;
  for (let i = 0; i < MAX_DAYS && counted.length < workingDays; i++) {
    date = addDays(date, 1);
    const day = dayOf(date, rules);
    if (day.source === 'weekend' && !overridesCover(rules.overrides, yearOf(date))) uncovered.add(yearOf(date));
    if (day.working) counted.push(date);
  }
  const last = counted[counted.length - 1];
  if (counted.length < workingDays || !last) throw new Error(`no ${workingDays} working days within ${MAX_DAYS} days of ${raisedOn}`);
  return { at: endOfChinaDay(last), raisedOn, workingDays: counted, uncoveredYears: [...uncovered].sort() };
}

/** A calendar that knows no holidays at all (weekends only), for years nothing covers. */
export const NO_CALENDAR: HolidayCalendar = { covers: () => false, special: () => null };
