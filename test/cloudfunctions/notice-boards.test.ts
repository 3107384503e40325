// notice.boards through the real function on a local cloud with the demo village: the red list as
// the rules rank the notice's lines, the black list without a name, a deduction upheld as wrong
// leaving it, and the cost: the notice read and nothing more.
import type { BoardsResult, NoticeView } from '../../typings';
import { blackList, redList } from '../../cloudfunctions/shared/notice/boards';
import { key, recordDraft } from './drafts';
import { demoCloudPerFile } from './support';
import { TEST_TODAY } from '../support/clock';

/** Today in China and the months around it: the clock the demo village was seeded by. */
const today = TEST_TODAY;
const shift = (month: string, by: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const thisMonth = today.slice(0, 7);
const lastMonth = shift(thisMonth, -1);
const nextMonth = shift(thisMonth, 1);

const demo = demoCloudPerFile();

function expectNoNames(boards: BoardsResult, notice: NoticeView): void {
  const black = JSON.stringify(boards.black);
  for (const l of notice.lines) {
    expect(black).not.toContain(l.householdId);
    for (const part of l.label.split(' ')) expect(black).not.toContain(part);
  }
}

test('a settled month: the red list ranks the notice lines, the black list names nobody; one read beyond the caller', async () => {
  // The notice as a cadre reads it: a villager sees other households' deductions as "扣分" only, while
  // the black list shows deductions by item to everyone, since it names no household.
  const { notice } = await demo.api.ok('demo-cadre-1', 'notice', 'get', { month: lastMonth });
  const reply = await demo.api.call('demo-villager', 'notice', 'boards', { month: lastMonth });
  if (!reply.envelope.ok) throw new Error(reply.envelope.error.message);
  const boards = reply.envelope.data;
  expect(boards).toMatchObject({ month: lastMonth, villageName: '和美村', status: 'settled', open: false, top: 10 });
  expect(boards.red).toEqual(redList(notice.lines));
  expect(boards.red.length).toBeGreaterThanOrEqual(10);
  expect(boards.red[0]?.rank).toBe(1);
  expect(boards.red[0]?.total).toBe(Math.max(...notice.lines.map((l) => l.total)));
  for (const r of boards.red) expect(notice.lines.some((l) => l.label === r.label && l.total === r.total)).toBe(true);
  expect(boards.black).toEqual(blackList(notice.lines));
  expect(boards.black.every((b) => b.points < 0 && b.count > 0)).toBe(true);
  expectNoNames(boards, notice);
  // Who the caller is (user, village) and the notice: nothing per household or per record.
  expect(reply.dbRequests).toBeLessThanOrEqual(3);
  console.log(`db requests: notice.boards ${reply.dbRequests}`);
});

test('refusals: not in a village, a month without a notice, a malformed month', async () => {
  expect((await demo.api.refused('o-stranger', 'notice', 'boards', { month: lastMonth })).code).toBe('AUTH.NOT_JOINED');
  expect((await demo.api.refused('demo-villager', 'notice', 'boards', { month: nextMonth })).code).toBe('COMMON.NOT_FOUND');
  expect((await demo.api.refused('demo-villager', 'notice', 'boards', { month: '2026-13' })).code).toBe('COMMON.INVALID_INPUT');
});

test('a deduction upheld as wrong leaves the black list; the corrected total moves the red list', async () => {
  // A deduction this month, then this month published on the 1st of the next (00:30 China time).
  const rec = await demo.api.ok(
    'demo-cadre-1',
    'points',
    'record',
    recordDraft('A07', today, { householdIds: ['hh-007'], reason: '网格巡查记录' }),
  );
  const deduction = rec.records[0];
  if (!deduction) throw new Error('no record');
  await demo.cloud.setClock(new Date(`${nextMonth}-01T00:30:00+08:00`).toISOString());
  try {
    await demo.api.ok('demo-cadre-1', 'notice', 'publish', { month: thisMonth });
    const before = await demo.api.ok('demo-villager', 'notice', 'boards', { month: thisMonth });
    expect(before.open).toBe(true);
    const item = before.black.find((b) => b.itemName === '无理上访、缠访闹访');
    expect(item?.count).toBeGreaterThanOrEqual(1);

    const objection = await demo.api.ok('demo-villager', 'notice', 'object', {
      clientKey: key(),
      month: thisMonth,
      householdId: 'hh-007',
      recordId: deduction.id,
      reason: '那天他在外地打工',
    });
    await demo.api.ok('demo-cadre-2', 'notice', 'resolve', {
      objectionId: objection.id,
      decision: 'uphold',
      reason: '核实后确实不在村里',
      clientKey: key(),
    });
    const after = await demo.api.ok('demo-villager', 'notice', 'boards', { month: thisMonth });
    const { notice } = await demo.api.ok('demo-villager', 'notice', 'get', { month: thisMonth });
    expect(after.version).toBe(before.version + 1);
    const left = after.black.find((b) => b.itemName === '无理上访、缠访闹访');
    expect(left?.count ?? 0).toBe((item?.count ?? 0) - 1);
    expect(left?.points ?? 0).toBe((item?.points ?? 0) + 10);
    expect(after.deductions.count).toBe(before.deductions.count - 1);
    // The correction itself ("更正：…") is not a deduction.
    expect(after.black.some((b) => b.itemName.startsWith('更正'))).toBe(false);
    expect(after.red).toEqual(redList(notice.lines));
    expectNoNames(after, notice);
  } finally {
    await demo.cloud.resetClock();
  }
});
