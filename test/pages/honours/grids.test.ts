// 网格评比, 一年一评优 and the home page's entries, tapped through as people would, against the real
// honours function on a local cloud with the demo village.
import { openAs, openPage } from '../support/page';
import { asUser, toasts } from '../support/wx';
import { answerDialogs, modals, navigations, useHonoursCloud } from './support';

const { api } = useHonoursCloud();

test('a cadre sees the grids of last month and awards the last quarter (once, after confirming)', async () => {
  const page = await openAs('demo-cadre-1', 'packages/honours/grids/grids');
  const month = String(page.data.month);
  expect(page.textOf('#month-title')).toBe(`${month.slice(0, 4)}年${Number(month.slice(5))}月网格积分`);
  expect(page.$('#not-settled')).toBeNull();
  expect(page.textsOf('.grid')).toHaveLength(3);
  expect(page.textsOf('.grid')[0]).toMatch(/^第1\S*网格-?\d+ 分50 户，户均 -?\d+\.\d 分/);
  for (const leader of page.textsOf('.leader'))
    expect(leader).toMatch(/^网格长 \S+：本户 -?\d+ 分，所管农户平均 -?\d+\.\d 分，得分 -?\d+\.\d$/);

  const quarter = String(page.data.quarter);
  expect(page.textOf('#quarter-status')).toBe('预评结果（还没有评定）');
  expect(page.textOf('#honour-rules')).toContain('向上取整');
  expect(page.textsOf('.honour').some((t) => t.includes('金豆网格'))).toBe(true);

  // Thinking again first: nothing is awarded.
  answerDialogs(false);
  await page.tap('#award');
  await page.until(() => modals().length === 1, 'the confirm dialog');
  expect(modals()[0]?.content).toContain('不能撤回');
  expect((await api().ok('demo-cadre-1', 'honours', 'quarter', { quarter })).status).toBe('ready');

  await page.tap('#award');
  await page.until((d) => d.status === 'awarded', 'the award to be made');
  expect(page.textOf('#quarter-status')).toBe('已评定，奖励积分已发放');
  expect(page.textOf('#award-summary')).toMatch(/^共 \d+ 户获得奖励积分，合计 \d+ 分$/);
  expect(page.textsOf('.bonus')[0]).toMatch(/每户 \d+ 分/);
  expect(page.$('#award')).toBeNull();
  expect(toasts().map((t) => t.title)).toContain('已评定并发放');

  // A villager sees the award, without the button.
  const seen = await openAs('demo-villager', 'packages/honours/grids/grids', { query: { quarter } });
  expect(seen.textOf('#quarter-status')).toBe('已评定，奖励积分已发放');
  expect(seen.$('#award')).toBeNull();
  expect((await api().ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);
});

test('months and quarters page back and forth; an unsettled month says so', async () => {
  const page = await openAs('demo-villager', 'packages/honours/grids/grids');
  const month = String(page.data.month);
  await page.tap('#next-month');
  await page.until((d) => d.month !== month, 'the next month');
  expect(page.textOf('#not-settled')).toContain('还没有结算');
  const grids: unknown = page.data.grids;
  expect(
    Array.isArray(grids) &&
      grids.length === 3 &&
      grids.every((g: unknown) => typeof g === 'object' && g !== null && 'points' in g && g.points === 0),
  ).toBe(true);
  await page.tap('#prev-month');
  await page.until((d) => d.month === month, 'back to last month');
  expect(page.$('#not-settled')).toBeNull();

  await page.tap('#next-quarter');
  await page.until((d) => d.status === 'notReady', 'the current quarter');
  expect(page.textOf('#quarter-reason')).toContain('还没有结束');
});

test("a household head's year: points, rank, honours, and the way to 积分贷", async () => {
  asUser('demo-head');
  const expected = await api().ok('demo-head', 'honours', 'annual', {});
  const page = await openPage('packages/honours/annual/annual');
  expect(page.textOf('#year-title')).toBe(`${expected.year}年（截至今天）`);
  expect(page.textOf('#earned')).toBe(`${expected.earned} 分`);
  expect(page.textOf('#rank')).toBe(`全村第 ${expected.rank.rank} 名 / 共 150 户`);
  expect(page.textOf('#household')).toContain(expected.household.headName);
  if (expected.honours.length) expect(page.textOf('#honours')).toContain(expected.honours[0]?.name ?? '');
  else expect(page.textOf('#no-honours')).toContain('继续加油');
  expect(page.textOf('#rate')).toMatch(/^\d\.\d\d%$/);
  await page.tap('#open-loan');
  expect(navigations()).toEqual(['/packages/honours/loan/loan']);

  await page.tap('#prev-year');
  await page.until((d) => d.year === expected.year - 1 && d.loading === false && d.refreshing === false, 'last year');
  expect(page.textOf('#year-title')).toBe(`${expected.year - 1}年`);
});

test('another household is refused to a villager, with a retry', async () => {
  const page = await openAs('demo-villager', 'packages/honours/annual/annual', { query: { householdId: 'hh-050' } });
  expect(page.textOf('#state >>> #load-error')).toBe('只能查看自己家的情况');
  expect(page.$('#state >>> .retry')).not.toBeNull();
});

test('the tabs lead to the honours pages; a stranger (a bank officer) only to verifying', async () => {
  const open = await openAs('demo-head', 'pages/public/public');
  expect(open.textOf('#entry-grids')).toBe('网格评比');
  const mine = await openPage('pages/mine/mine');
  expect(mine.textOf('#entry-annual')).toBe('一年一评优');
  expect(mine.textOf('#entry-certificates')).toBe('积分证明');
  const work = await openPage('pages/work/work');
  expect(work.textOf('#entry-loan')).toBe('积分贷与积分证明');
  expect(work.textOf('#entry-verify')).toBe('核验积分证明');

  const stranger = await openAs('bank-officer', 'pages/home/home');
  expect(stranger.textOf('#not-joined')).toContain('您还没有加入村庄');
  expect(stranger.textOf('#entry-verify')).toBe('核验积分证明');
});
