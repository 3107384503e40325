// The working-day calendar of a village: chinese-days, with the town's and the village's dated
// overrides laid over it; the warnings of a town whose calendar lacks a year; and the view and
// editing of both (cadres for their village, the town admin for the town).
import type { CalendarOverrideRequest, CalendarResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { addDays, chinaDate, isDate, yearOf } from '../shared/china-time';
import type { DayKind, DayRules } from '../shared/matters/deadline';
import { chineseDays, LIBRARY_YEARS } from '../shared/matters/holidays';
import { calendarWarningSchema, holidayOverrideSchema, type HolidayOverride } from '../shared/matters/model';
import { isVillageCadre } from '../shared/matters/policy';
import { userSchema, villageSchema, type User } from '../shared/village/model';
import { notify, thing } from '../shared/notify';
import { getById, list } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';
import { currentUser } from '../shared/users';
import { townOf as adminTownOf } from '../shared/access';
import { currentTime } from '../shared/clock';

export const villageScope = (villageId: string): string => `village:${villageId}`;
export const townScope = (townId: string): string => `town:${townId}`;

/** The overrides of the town and the village between two dates (one indexed query). */
export function overridesBetween(townId: string, villageId: string | null, from: string, to: string): Promise<HolidayOverride[]> {
  const scopes = villageId ? [townScope(townId), villageScope(villageId)] : [townScope(townId)];
  return list(C.holidayOverrides, { scope: _.in(scopes), date: _.gte(from).and(_.lte(to)) }, holidayOverrideSchema, { limit: 1000 });
}

/** The village's overrides laid over the town's. */
export function rulesOf(overrides: HolidayOverride[]): DayRules {
  const map = new Map<string, DayKind>();
  for (const o of overrides) if (o.villageId === null) map.set(o.date, o.kind);
  for (const o of overrides) if (o.villageId !== null) map.set(o.date, o.kind);
  return { calendar: chineseDays, overrides: map };
}

/** What a deadline computed now may need: the next 60 days' overrides. */
export async function dayRulesFor(townId: string, villageId: string, now: Date): Promise<DayRules> {
  const today = chinaDate(now);
  return rulesOf(await overridesBetween(townId, villageId, today, addDays(today, 60)));
}

/** The village's town: the caller's own, or the village document's. */
export async function townOf(user: User, villageId: string): Promise<string> {
  if (user.townId) return user.townId;
  const village = await getById(C.villages, villageId, villageSchema);
  if (!village) throw new AppError('AUTH.NOT_JOINED');
  return village.townId;
}

function missingMessage(year: number): string {
  return `${year}年的法定节假日安排还没有收录，请在“节假日设置”中录入${year}年的放假和调休日期，否则村民说事的答复期限只按周末计算`;
}

/**
 * Records that a town's calendar lacks a year and tells its town admins — once: the warning's id
 * is the town and the year, so a second check (or a second timer run) finds it written.
 */
export async function warnMissingYear(townId: string, year: number, now: Date): Promise<boolean> {
  const id = `${townId}|${year}`;
  const message = missingMessage(year);
  try {
    await db
      .collection(C.calendarWarnings)
      .add({ data: calendarWarningSchema.parse({ _id: id, townId, year, message, told: [], at: now }) });
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
  const admins = await list(C.users, { townId, roles: 'townAdmin' }, userSchema, { limit: 50 });
  await Promise.all(
    admins.map((a) =>
      notify(a._id, 'calendarMissing', 'packages/matters/calendar/calendar', {
        thing1: thing(`${year}年节假日安排未收录`),
        thing2: thing('请录入放假和调休日期'),
      }),
    ),
  );
  if (admins.length)
    await db
      .collection(C.calendarWarnings)
      .doc(id)
      .update({ data: { told: admins.map((a) => a._id) } });
  return true;
}

/** Whether the overrides give a year's arrangement (someone entered at least one holiday of it). */
function overridesHaveYear(overrides: HolidayOverride[], year: number): boolean {
  return overrides.some((o) => o.kind === 'holiday' && o.date.startsWith(`${year}-`));
}

export function coverageOf(year: number, overrides: HolidayOverride[]): 'library' | 'overrides' | 'none' {
  if (chineseDays.covers(year)) return 'library';
  return overridesHaveYear(overrides, year) ? 'overrides' : 'none';
}

interface Where {
  user: User;
  townId: string;
  villageId: string | null;
}

async function whereOf(openid: string): Promise<Where> {
  const user = await currentUser(openid);
  if (adminTownOf(user) !== null && user.townId) return { user, townId: user.townId, villageId: user.villageId };
  if (!user.villageId) throw new AppError('AUTH.NOT_JOINED');
  if (!isVillageCadre(user, user.villageId)) throw new AppError('AUTH.FORBIDDEN', '只有村干部和乡镇管理员可以查看节假日设置');
  return { user, townId: await townOf(user, user.villageId), villageId: user.villageId };
}

async function view(w: Where, now: Date): Promise<CalendarResult> {
  const year = yearOf(chinaDate(now));
  const [overrides, warnings] = await Promise.all([
    overridesBetween(w.townId, w.villageId, `${year - 1}-01-01`, `${year + 2}-12-31`),
    list(C.calendarWarnings, { townId: w.townId, year: _.gte(year) }, calendarWarningSchema, { limit: 20 }),
  ]);
  const townOverrides = overrides.filter((o) => o.villageId === null);
  const coverage = [year, year + 1].map((y) => ({ year: y, source: coverageOf(y, townOverrides) }));
  return {
    libraryYears: [...LIBRARY_YEARS],
    coverage,
    overrides: overrides
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o) => ({ date: o.date, kind: o.kind, name: o.name, scope: o.villageId === null ? 'town' : 'village', byName: o.byName })),
    // A warning stands while its year is still uncovered.
    warnings: warnings
      .filter((wn) => coverageOf(wn.year, townOverrides) === 'none')
      .map((wn) => ({ year: wn.year, message: wn.message, at: wn.at.toISOString() })),
    canEditVillage: w.villageId !== null && isVillageCadre(w.user, w.villageId),
    canEditTown: adminTownOf(w.user) === w.townId,
  };
}

export async function calendar(openid: string): Promise<CalendarResult> {
  const now = currentTime();
  return view(await whereOf(openid), now);
}

/** The scope of an override the caller may set: the town's (its admin) or the village's (its cadres). */
function overrideScope(scope: CalendarOverrideRequest['scope'], w: Where): string {
  if (scope === 'town') {
    if (adminTownOf(w.user) !== w.townId) throw new AppError('AUTH.FORBIDDEN', '只有乡镇管理员可以设置全镇的节假日');
    return townScope(w.townId);
  }
  if (!w.villageId || !isVillageCadre(w.user, w.villageId)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以设置本村的节假日');
  return villageScope(w.villageId);
}

export async function setOverride(req: CalendarOverrideRequest, openid: string): Promise<CalendarResult> {
  const now = currentTime();
  const w = await whereOf(openid);
  if (!isDate(req.date)) throw new AppError('COMMON.INVALID_INPUT', '日期格式不对');
  const scope = overrideScope(req.scope, w);
  const id = `${scope}|${req.date}`;
  if (req.kind === 'none') {
    await db.collection(C.holidayOverrides).where({ _id: id }).remove();
  } else {
    const doc = holidayOverrideSchema.parse({
      _id: id,
      scope,
      townId: w.townId,
      villageId: req.scope === 'village' ? w.villageId : null,
      date: req.date,
      kind: req.kind,
      name: req.name.trim() || (req.kind === 'holiday' ? '放假' : '调休上班'),
      by: w.user._id,
      byName: w.user.name,
      at: now,
    });
    const { _id, ...data } = doc;
    await db.collection(C.holidayOverrides).doc(_id).set({ data });
  }
  return view(w, now);
}
