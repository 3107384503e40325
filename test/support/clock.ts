// The date the tests are about. Every local cloud a test starts has its movable clock set to
// TEST_NOW before anything is seeded (LOCALCLOUD_NOW), unless the test names another instant, and
// this test process's `Date` follows that clock: "today" in a test is the cloud's today, never the
// machine's. The suite then passes on any day of any year (CI runs it again under faketime).
import { installShiftedDate } from '../../localcloud/src/clock';

/** Wednesday 18 November 2026, 10:00 China time: a working day in the middle of a month. */
export const TEST_NOW = '2026-11-18T02:00:00Z';

let offsetMs = 0;
let installed = false;

/**
 * Makes `Date` in this process run `offset` ms from the machine's time, as the local cloud's clock
 * does (its `offsetMs`), so both agree on "now" wherever the clock is moved to.
 */
export function followClock(offset: number): void {
  offsetMs = offset;
  if (installed) return;
  installed = true;
  installShiftedDate(() => offsetMs);
}

/** TEST_NOW's day and month in China: what "today" and "this month" are for the code at a test file's top. */
export const TEST_TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(TEST_NOW));
export const TEST_MONTH = TEST_TODAY.slice(0, 7);
