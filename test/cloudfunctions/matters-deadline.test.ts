// The response deadline of 村民说事 as a pure function (raisedAt → deadline), against the State
// Council's arrangements as the chinese-days library carries them. Every "raised" time is written
// in China time (+08:00) and every deadline as the UTC instant the server (in UTC) stores: 24:00
// China time is 16:00Z of the same date.
import { chinaDate, endOfChinaDay } from '../../cloudfunctions/shared/china-time';
import { dayOf, NO_CALENDAR, responseDeadline, type DayKind, type DayRules } from '../../cloudfunctions/shared/matters/deadline';
import { chineseDays, holidayName, LIBRARY_YEARS } from '../../cloudfunctions/shared/matters/holidays';

const library: DayRules = { calendar: chineseDays, overrides: new Map() };
const at = (iso: string): Date => new Date(iso);
const deadline = (raised: string, rules: DayRules = library): string => responseDeadline(at(raised), rules).at.toISOString();
const rulesWith = (overrides: [string, DayKind][], calendar = chineseDays): DayRules => ({ calendar, overrides: new Map(overrides) });

describe('what chinese-days 1.5.7 says', () => {
  test('it covers 2024, 2025 and 2026, and not 2027 yet', () => {
    expect(LIBRARY_YEARS).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(LIBRARY_YEARS).not.toContain(2027);
    expect(chineseDays.covers(2027)).toBe(false);
  });

  test('国庆 2024: 10月1–7日 off, 9月29日 (Sun) and 10月12日 (Sat) worked', () => {
    for (let d = 1; d <= 7; d++) expect(chineseDays.special(`2024-10-0${d}`)).toBe('holiday');
    expect(chineseDays.special('2024-09-29')).toBe('workday');
    expect(chineseDays.special('2024-10-12')).toBe('workday');
    expect(chineseDays.special('2024-10-08')).toBeNull();
    expect(holidayName('2024-10-01')).toBe('国庆节');
  });

  test('国庆 2025 (with 中秋): 10月1–8日 off, 9月28日 (Sun) and 10月11日 (Sat) worked', () => {
    for (let d = 1; d <= 8; d++) expect(chineseDays.special(`2025-10-0${d}`)).toBe('holiday');
    expect(holidayName('2025-10-06')).toBe('中秋');
    expect(chineseDays.special('2025-09-28')).toBe('workday');
    expect(chineseDays.special('2025-10-11')).toBe('workday');
  });

  test('春节 2025: 1月28日–2月4日 off, 1月26日 (Sun) and 2月8日 (Sat) worked', () => {
    expect(chineseDays.special('2025-01-28')).toBe('holiday');
    expect(chineseDays.special('2025-02-04')).toBe('holiday');
    expect(chineseDays.special('2025-02-05')).toBeNull();
    expect(chineseDays.special('2025-01-26')).toBe('workday');
    expect(chineseDays.special('2025-02-08')).toBe('workday');
    expect(holidayName('2025-01-29')).toBe('春节');
  });

  test('春节 2026: 2月15–23日 off (nine days), 2月14日 and 2月28日 (both Sat) worked', () => {
    expect(chineseDays.special('2026-02-15')).toBe('holiday');
    expect(chineseDays.special('2026-02-23')).toBe('holiday');
    expect(chineseDays.special('2026-02-24')).toBeNull();
    expect(chineseDays.special('2026-02-14')).toBe('workday');
    expect(chineseDays.special('2026-02-28')).toBe('workday');
  });
});

describe('ordinary weeks', () => {
  test('raised on a Wednesday: Thursday and Friday count, due Friday 24:00', () => {
    expect(deadline('2024-11-13T10:00:00+08:00')).toBe('2024-11-15T16:00:00.000Z');
  });
  test('raised on a Friday: due Tuesday 24:00', () => {
    expect(deadline('2024-11-15T09:00:00+08:00')).toBe('2024-11-19T16:00:00.000Z');
  });
  test('raised on a Saturday or Sunday: due Tuesday 24:00', () => {
    expect(deadline('2024-11-16T09:00:00+08:00')).toBe('2024-11-19T16:00:00.000Z');
    expect(deadline('2024-11-17T23:59:00+08:00')).toBe('2024-11-19T16:00:00.000Z');
  });
  test('the day raised never counts, however early', () => {
    expect(deadline('2024-11-13T00:00:00+08:00')).toBe('2024-11-15T16:00:00.000Z');
  });
  test('24:00 China time is the start of the next China day', () => {
    expect(endOfChinaDay('2024-11-15').toISOString()).toBe('2024-11-15T16:00:00.000Z');
    expect(chinaDate(endOfChinaDay('2024-11-15'))).toBe('2024-11-16');
  });
});

describe('国庆 2024', () => {
  test('raised Fri 9月27日 23:30 (15:30Z): the make-up Sunday 9月29日 counts, due Mon 9月30日 24:00', () => {
    expect(at('2024-09-27T23:30:00+08:00').toISOString()).toBe('2024-09-27T15:30:00.000Z');
    expect(deadline('2024-09-27T23:30:00+08:00')).toBe('2024-09-30T16:00:00.000Z');
  });
  test('raised on the make-up Sunday 9月29日: 9月30日, then the holiday, due Tue 10月8日 24:00', () => {
    expect(deadline('2024-09-29T10:00:00+08:00')).toBe('2024-10-08T16:00:00.000Z');
  });
  test('raised 9月30日 23:30 China time (15:30Z): due 10月9日 24:00', () => {
    const d = responseDeadline(at('2024-09-30T23:30:00+08:00'), library);
    expect(d.raisedOn).toBe('2024-09-30');
    expect(d.workingDays).toEqual(['2024-10-08', '2024-10-09']);
    expect(d.at.toISOString()).toBe('2024-10-09T16:00:00.000Z');
  });
  test('raised 10月1日 00:30 China time, still 9月30日 in UTC: a 10月1日 matter, due 10月9日 24:00', () => {
    const raised = at('2024-09-30T16:30:00Z');
    expect(chinaDate(raised)).toBe('2024-10-01');
    expect(responseDeadline(raised, library).at.toISOString()).toBe('2024-10-09T16:00:00.000Z');
  });
  test('raised during the holiday (10月3日, 10月7日): due 10月9日 24:00', () => {
    expect(deadline('2024-10-03T12:00:00+08:00')).toBe('2024-10-09T16:00:00.000Z');
    expect(deadline('2024-10-07T23:30:00+08:00')).toBe('2024-10-09T16:00:00.000Z');
  });
  test('raised Thu 10月10日 23:30: Fri and the make-up Saturday 10月12日, due 10月12日 24:00', () => {
    expect(deadline('2024-10-10T23:30:00+08:00')).toBe('2024-10-12T16:00:00.000Z');
  });
  test('raised Fri 10月11日: the make-up Saturday, then Monday 10月14日', () => {
    expect(deadline('2024-10-11T15:00:00+08:00')).toBe('2024-10-14T16:00:00.000Z');
  });
});

describe('国庆 2025 (eight days with 中秋)', () => {
  test('raised Fri 9月26日 23:30: the make-up Sunday 9月28日 counts, due Mon 9月29日 24:00', () => {
    expect(deadline('2025-09-26T23:30:00+08:00')).toBe('2025-09-29T16:00:00.000Z');
  });
  test('raised Mon 9月29日: 9月30日, the holiday to 10月8日, due Thu 10月9日 24:00', () => {
    expect(deadline('2025-09-29T09:00:00+08:00')).toBe('2025-10-09T16:00:00.000Z');
  });
  test('raised 9月30日 23:30 China time (15:30Z): due Fri 10月10日 24:00', () => {
    expect(deadline('2025-09-30T23:30:00+08:00')).toBe('2025-10-10T16:00:00.000Z');
  });
  test('raised 10月1日 00:30 China time (9月30日 16:30Z): due 10月10日 24:00', () => {
    expect(deadline('2025-09-30T16:30:00Z')).toBe('2025-10-10T16:00:00.000Z');
  });
  test('raised on 中秋 (10月6日): due 10月10日 24:00', () => {
    expect(deadline('2025-10-06T20:00:00+08:00')).toBe('2025-10-10T16:00:00.000Z');
  });
  test('raised Thu 10月9日 23:30: Friday and the make-up Saturday 10月11日, due 10月11日 24:00', () => {
    expect(deadline('2025-10-09T23:30:00+08:00')).toBe('2025-10-11T16:00:00.000Z');
  });
});

describe('春节 2025', () => {
  test('raised Fri 1月24日 23:30: the make-up Sunday 1月26日, then Mon 1月27日', () => {
    expect(deadline('2025-01-24T23:30:00+08:00')).toBe('2025-01-27T16:00:00.000Z');
  });
  test('raised on the make-up Sunday 1月26日: 1月27日, the holiday, due Wed 2月5日 24:00', () => {
    expect(deadline('2025-01-26T10:00:00+08:00')).toBe('2025-02-05T16:00:00.000Z');
  });
  test('raised 1月27日 23:30 (15:30Z): due Thu 2月6日 24:00', () => {
    expect(deadline('2025-01-27T23:30:00+08:00')).toBe('2025-02-06T16:00:00.000Z');
  });
  test('raised on 除夕 1月28日 00:30 China time (1月27日 16:30Z): due 2月6日 24:00', () => {
    expect(deadline('2025-01-27T16:30:00Z')).toBe('2025-02-06T16:00:00.000Z');
  });
  test('raised Thu 2月6日: Friday and the make-up Saturday 2月8日', () => {
    expect(deadline('2025-02-06T11:00:00+08:00')).toBe('2025-02-08T16:00:00.000Z');
  });
  test('raised Fri 2月7日 23:30: the make-up Saturday, then Mon 2月10日', () => {
    expect(deadline('2025-02-07T23:30:00+08:00')).toBe('2025-02-10T16:00:00.000Z');
  });
});

describe('春节 2026 (nine days)', () => {
  test('raised Thu 2月12日 23:30: Friday and the make-up Saturday 2月14日', () => {
    expect(deadline('2026-02-12T23:30:00+08:00')).toBe('2026-02-14T16:00:00.000Z');
  });
  test('raised Fri 2月13日: the make-up Saturday, the holiday to 2月23日, due Tue 2月24日 24:00', () => {
    expect(deadline('2026-02-13T09:00:00+08:00')).toBe('2026-02-24T16:00:00.000Z');
  });
  test('raised on the make-up Saturday 2月14日 23:30 (15:30Z): due Wed 2月25日 24:00', () => {
    expect(deadline('2026-02-14T23:30:00+08:00')).toBe('2026-02-25T16:00:00.000Z');
  });
  test('raised 2月16日 00:30 China time (2月15日 16:30Z): due 2月25日 24:00', () => {
    expect(deadline('2026-02-15T16:30:00Z')).toBe('2026-02-25T16:00:00.000Z');
  });
  test('raised Thu 2月26日: Friday and the make-up Saturday 2月28日', () => {
    expect(deadline('2026-02-26T16:00:00+08:00')).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('a year the library does not cover (2027)', () => {
  test('with no overrides: weekends only, and the year is reported for a warning', () => {
    const d = responseDeadline(at('2027-02-05T23:30:00+08:00'), library);
    expect(d.workingDays).toEqual(['2027-02-08', '2027-02-09']);
    expect(d.uncoveredYears).toEqual([2027]);
  });
  test('the year boundary: raised 2026-12-31, 2027-01-01 counts as an ordinary Friday and 2027 is reported', () => {
    const d = responseDeadline(at('2026-12-31T23:30:00+08:00'), library);
    expect(d.workingDays).toEqual(['2027-01-01', '2027-01-04']);
    expect(d.at.toISOString()).toBe('2027-01-04T16:00:00.000Z');
    expect(d.uncoveredYears).toEqual([2027]);
  });
  test("with the year's overrides entered: they decide, and nothing is reported", () => {
    const rules = rulesWith([
      ['2027-01-01', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'holiday'],
      ['2027-02-11', 'holiday'],
      ['2027-02-12', 'holiday'],
      ['2027-02-20', 'workday'],
    ]);
    expect(responseDeadline(at('2026-12-31T23:30:00+08:00'), rules).workingDays).toEqual(['2027-01-04', '2027-01-05']);
    const spring = responseDeadline(at('2027-02-05T23:30:00+08:00'), rules);
    expect(spring.workingDays).toEqual(['2027-02-15', '2027-02-16']);
    expect(spring.uncoveredYears).toEqual([]);
    // The make-up Saturday counts.
    expect(deadline('2027-02-18T10:00:00+08:00', rules)).toBe('2027-02-20T16:00:00.000Z');
  });
  test('a day the overrides do not mention in a year they cover is an ordinary day', () => {
    const rules = rulesWith([['2027-10-01', 'holiday']]);
    expect(dayOf('2027-03-03', rules)).toEqual({ working: true, source: 'weekend' });
    expect(responseDeadline(at('2027-03-03T10:00:00+08:00'), rules).uncoveredYears).toEqual([]);
  });
  test('without any calendar at all, weekends only', () => {
    expect(deadline('2024-09-30T23:30:00+08:00', { calendar: NO_CALENDAR, overrides: new Map() })).toBe('2024-10-02T16:00:00.000Z');
  });
});

describe('overrides in a covered year', () => {
  test('a local holiday laid over the library moves the deadline', () => {
    expect(deadline('2025-09-30T23:30:00+08:00', rulesWith([['2025-10-09', 'holiday']]))).toBe('2025-10-11T16:00:00.000Z');
  });
  test('a local working day inside the library holiday counts', () => {
    expect(deadline('2024-09-30T23:30:00+08:00', rulesWith([['2024-10-05', 'workday']]))).toBe('2024-10-08T16:00:00.000Z');
  });
});

describe('the machine time zone does not matter', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  test.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(deadline('2024-09-30T23:30:00+08:00')).toBe('2024-10-09T16:00:00.000Z');
    expect(deadline('2026-02-15T16:30:00Z')).toBe('2026-02-25T16:00:00.000Z');
  });
});

describe('nonsense is refused', () => {
  test('an invalid instant', () => {
    expect(() => responseDeadline(new Date('nope'), library)).toThrow('invalid instant');
  });
  test('overrides that leave no working day within 60 days', () => {
    const all: [string, DayKind][] = Array.from({ length: 70 }, (_, i) => [
      new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10),
      'holiday',
    ]);
    expect(() => responseDeadline(at('2025-02-28T12:00:00+08:00'), rulesWith(all))).toThrow('no 2 working days');
  });
});
