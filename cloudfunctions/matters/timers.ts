// The function's one timer (deploy.ts: every 30 minutes, China time) runs both schedules:
// - overdue, every run: matters past their deadline (no response in two working days, or an assignment past
//   its due date) remind the assignee and escalate to the secretary — once: the escalation is a
//   conditional update of the armed matter, so a second firing (or two at once) finds nothing to do.
// - calendar, in the 09:00 run: from December, and whenever the current year is missing, a town whose holiday
//   calendar lacks the year (neither chinese-days nor the town's overrides have it) gets a warning
//   (recorded once, shown in the town admin's calendar view, sent by subscribe message).
import { C } from '../shared/collections';
import { chinaDate, chinaNow, yearOf } from '../shared/china-time';
import { chineseDays } from '../shared/matters/holidays';
import { calendarWarningSchema } from '../shared/matters/model';
import { escalationChange, needsEscalation } from '../shared/matters/policy';
import { townSchema, userSchema } from '../shared/village/model';
import { aggregateRows, list } from '../shared/repo';
import { _ } from '../shared/sdk';
import { townScope, warnMissingYear } from './calendar';
import { applyChange, listMatters } from './store';
import { handlesMatter } from '../shared/access';
import { tellOverdue } from './tell';

/** At most this many per run; the next run takes the rest. */
const BATCH = 200;

export async function overdueSweep(now: Date): Promise<{ escalated: string[] }> {
  const due = (await listMatters({ armed: true, dueAt: _.lte(now) }, ['dueAt', 'asc'], BATCH)).filter((m) => needsEscalation(m, now));
  if (!due.length) return { escalated: [] };
  const villageIds = [...new Set(due.map((m) => m.villageId))];
  const secretaries = await list(C.users, { villageId: _.in(villageIds), roles: 'secretary' }, userSchema, { limit: 1000 });
  const escalated: string[] = [];
  for (const m of due) {
    // A complaint about the secretary is not escalated to them.
    const to = new Set(secretaries.filter((s) => s.villageId === m.villageId && handlesMatter(s, m)).map((s) => s._id));
    if (m.status === 'assigned' && m.assignee?.kind === 'person' && m.assignee.userId) to.add(m.assignee.userId);
    const told = [...to];
    if (await applyChange(m, escalationChange(m, now, told))) {
      await tellOverdue(m, told);
      escalated.push(m._id);
    }
  }
  return { escalated };
}

function scopeOf(row: unknown): string {
  const v: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, '_id') : null;
  return typeof v === 'string' ? v : '';
}

function yearsOf(row: unknown): string[] {
  const v: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'years') : null;
  return Array.isArray(v) ? v.filter((y): y is string => typeof y === 'string') : [];
}

export async function calendarCheck(now: Date): Promise<{ warned: string[] }> {
  const today = chinaDate(now);
  const year = yearOf(today);
  const years = [year, ...(today.slice(5, 7) === '12' ? [year + 1] : [])].filter((y) => !chineseDays.covers(y));
  if (!years.length) return { warned: [] };
  const towns = await list(C.towns, {}, townSchema, { limit: 1000, orderBy: ['_id', 'asc'] });
  // Which of those years each town has entered holidays for: one aggregation over every town.
  const entered = await aggregateRows(C.holidayOverrides, (a) =>
    a
      .match({
        scope: _.in(towns.map((t) => townScope(t._id))),
        kind: 'holiday',
        date: _.gte(`${years[0] ?? year}-01-01`).and(_.lte(`${years[years.length - 1] ?? year}-12-31`)),
      })
      .group({ _id: '$scope', years: { $addToSet: { $substr: ['$date', 0, 4] } } }),
  );
  const has = new Set(entered.flatMap((r) => yearsOf(r).map((y) => `${scopeOf(r)}|${y}`)));
  // Warnings already given are not given again (and cost no write).
  const given = await list(C.calendarWarnings, { townId: _.in(towns.map((t) => t._id)), year: _.in(years) }, calendarWarningSchema, {
    limit: 1000,
  });
  const warnedBefore = new Set(given.map((w) => w._id));
  const warned: string[] = [];
  for (const town of towns) {
    for (const y of years) {
      const id = `${town._id}|${y}`;
      if (has.has(`${townScope(town._id)}|${y}`) || warnedBefore.has(id)) continue;
      if (await warnMissingYear(town._id, y, now)) warned.push(id);
    }
  }
  return { warned };
}

/** The calendar check runs once a day, in the run of 09:00–09:29 China time. */
export function isCalendarRun(now: Date): boolean {
  const t = chinaNow(now);
  return t.hour() === 9 && t.minute() < 30;
}

export async function schedule(now: Date): Promise<{ overdue: { escalated: string[] }; calendar: { warned: string[] } | null }> {
  const overdue = await overdueSweep(now);
  return { overdue, calendar: isCalendarRun(now) ? await calendarCheck(now) : null };
}
