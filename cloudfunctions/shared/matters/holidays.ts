// China's statutory holidays and make-up working days (调休) from the maintained library
// `chinese-days` (npm, pinned): its published data file, read as plain data. Its years are those
// its holiday map mentions; a year it lacks is left to the village's and town's overrides.
import * as z from 'zod';
import data from 'chinese-days/dist/chinese-days.json';
import type { DayKind, HolidayCalendar } from './deadline';

const schema = z.object({
  /** date → "English,中文,days" */
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

const parsed = schema.parse(data);

const years = new Set(Object.keys(parsed.holidays).map((d) => Number(d.slice(0, 4))));

/** The years the library covers, ascending. */
export const LIBRARY_YEARS: readonly number[] = [...years].sort((a, b) => a - b);

export const chineseDays: HolidayCalendar = {
  covers: (year) => years.has(year),
  special: (date): DayKind | null =>
    parsed.workdays[date] !== undefined ? 'workday' : parsed.holidays[date] !== undefined ? 'holiday' : null,
};

/** The Chinese name the library gives a holiday or make-up day (e.g. "国庆节"), or ''. */
export function holidayName(date: string): string {
  const raw = parsed.workdays[date] ?? parsed.holidays[date] ?? '';
  return raw.split(',')[1] ?? '';
}
