// 积分公示 tapped through on a real local cloud with the demo village, as the people of the village
// would: a cadre publishes the month once it has ended in China; a villager opens the notice and
// objects to an item (sheet, reason, submit — the first reply lost, the retry filing it once) and to a
// whole line; a cadre upholds the first (the line's total drops) and dismisses the second; the
// villager sees both outcomes; settlement is refused during the period and done after it (the
// cloud's clock moved); the 红黑榜 names households only on the red list. Also: the share cards,
// the join prompt for someone not in the village and the home page's way in.
//
// The tests of this file are steps of one month and run in order.
import type { NoticeView, ObjectionView } from '../../../typings';
import { monthTitle } from '../../../miniprogram/utils/notice-format';
import { pointsText } from '../../../miniprogram/utils/points-format';
import { loadPage, type PageHandle, openAs, openPage } from '../support/page';
import { asUser, toasts } from '../support/wx';
import { chinaInstant, loseNextReply, navigations, pageExists, sent, setClock, shareMenus, shiftMonth, useNoticeCloud } from './support';
import { TEST_MONTH } from '../../support/clock';

const { pc, api } = useNoticeCloud();

const thisMonth = TEST_MONTH;
const nextMonth = shiftMonth(thisMonth, 1);
/** 00:30 on the 1st of next month in China: this month has ended there. */
const publishAt = chinaInstant(`${nextMonth}-01`, '00:30');
/** The morning after the 5-day period (it closes at 24:00 on the 5th). */
const afterPeriod = chinaInstant(`${nextMonth}-06`, '09:00');
const closing = `${Number(nextMonth.slice(5, 7))}月5日 24:00`;
const M = Number(thisMonth.slice(5, 7));

const VILLAGER = 'demo-villager';
const CADRE = 'demo-cadre-1';

/** What the steps pass on: the item and the line objected to. */
const picked: {
  line: NoticeView['lines'][number] | null;
  item: NoticeView['lines'][number]['items'][number] | null;
  other: NoticeView['lines'][number] | null;
} = {
  line: null,
  item: null,
  other: null,
};

function need<T>(v: T | null | undefined, what: string): T {
  if (v === null || v === undefined) throw new Error(`missing ${what} (an earlier step failed?)`);
  return v;
}

/** Calls a page method that answers something (the share handlers) as WeChat would. */
function ask(page: PageHandle, method: string): unknown {
  const instance: object = page.comp.instance;
  const fn: unknown = Reflect.get(instance, method);
  if (typeof fn !== 'function') throw new Error(`${page.route} has no ${method}`);
  return Reflect.apply(fn, instance, []);
}

function isObjectCall(v: unknown): v is { action: 'object'; payload: { clientKey: string } } {
  if (typeof v !== 'object' || v === null || !('action' in v) || v.action !== 'object' || !('payload' in v)) return false;
  const p: unknown = v.payload;
  return typeof p === 'object' && p !== null && 'clientKey' in p && typeof p.clientKey === 'string';
}

async function objections(month: string): Promise<ObjectionView[]> {
  return (await api().ok(CADRE, 'notice', 'get', { month })).all;
}

test('a cadre publishes last month from the list once it has ended in China', async () => {
  // The cadre's phone says so too (the page asks for the China month before "now"): Date follows the clock.
  await setClock(pc, publishAt);
  const page = await openAs(CADRE, 'packages/notice/list/list');
  expect(page.textOf('#publish')).toBe(`发布上月（${monthTitle(thisMonth)}）公示`);
  // The months before are published and settled already (the demo village's history).
  expect(page.textOf(`#month-${shiftMonth(thisMonth, -1)}`)).toContain('已结算');
  await page.tap('#publish');
  await page.until((d) => d.publishing === false && d.result !== '', 'the publish result');
  expect(page.textOf('#result')).toBe(
    `${monthTitle(thisMonth)}积分公示已发布：共150户，合计${(await api().ok(CADRE, 'notice', 'list', {})).notices[0]?.totalPoints ?? 'x'}分，异议截止${closing}。`,
  );
  expect(page.textOf(`#month-${thisMonth}`)).toContain('公示中');
  expect(page.textOf(`#month-${thisMonth}`)).toContain(`提异议截止 ${closing}`);
});

test('a villager opens the notice, objects to an item in the sheet, and sees it pending', async () => {
  const { notice } = await api().ok(VILLAGER, 'notice', 'get', { month: thisMonth });
  const line = need(
    notice.lines.find((l) => l.items.filter((i) => i.points > 0).length >= 2),
    'a household with two items',
  );
  const item = need(
    line.items.find((i) => i.points > 0),
    'an item',
  );
  picked.line = line;
  picked.item = item;
  picked.other = need(
    notice.lines.find((l) => l.householdId !== line.householdId && l.items.length > 0),
    'another household',
  );

  asUser(VILLAGER);
  const page = await loadPage('packages/notice/notice/notice', { query: { month: thisMonth } });
  expect(page.text()).toContain('正在加载');
  await page.settled();
  expect(page.textOf('#notice-title')).toBe(`和美村${monthTitle(thisMonth)}积分公示`);
  expect(page.textOf('#notice-state')).toBe('公示中');
  expect(page.textOf('#closing')).toBe(`提异议截止：${closing}（北京时间）`);
  expect(page.textOf('#households')).toBe('150');
  // 40 households at first, more on request; a household found by its head's name.
  expect(page.textsOf('.household')).toHaveLength(40);
  expect(page.textOf('#more')).toBe('再显示40户（还有110户）');
  await page.tap('#more');
  expect(page.textsOf('.household')).toHaveLength(80);
  const head = line.label.split(' ')[1] ?? line.label;
  await page.dispatch('#filter', 'input', { value: head });
  expect(page.textsOf('.household').length).toBeGreaterThanOrEqual(1);
  expect(page.textsOf('.household').every((t) => t.includes(head))).toBe(true);
  expect(page.$('#more')).toBeNull();
  await page.dispatch('#filter', 'input', { value: '' });
  expect(page.textOf(`#line-${line.householdId}`)).toContain(line.label);
  expect(page.textOf(`#total-${line.householdId}`)).toBe(`${pointsText(line.total)}分`);
  expect(page.$('#manage')).toBeNull();

  await page.tap(`#object-${item.recordId}`);
  expect(page.textOf('#objection-target')).toContain(`${line.label} · ${item.itemName} ${pointsText(item.points)}分`);
  await page.tap('#objection-submit');
  expect(page.textOf('#sheet-error')).toBe('请写明理由（至少2个字），村干部会据此核实');

  await page.dispatch('#objection-reason', 'input', { value: '那天他没有参加' });
  // The first try reaches the function but its reply is lost on a weak network.
  loseNextReply();
  await page.tap('#objection-submit');
  await page.until((d) => d.submitting === false && d.sheetError !== '', 'the lost reply');
  expect(page.textOf('#sheet-error')).toBe('没有提交成功：网络不太好，请稍后再试');
  expect(page.data.sheetOpen).toBe(true);
  await page.tap('#objection-submit');
  await page.until((d) => d.sheetOpen === false, 'the sheet to close');
  await page.until((d) => Array.isArray(d.mine) && d.mine.length === 1, 'my objection to show');

  // Both tries sent the same key: the objection is filed once.
  const keys = sent()
    .map((s) => s.data)
    .filter(isObjectCall)
    .map((c) => c.payload.clientKey);
  expect(keys).toHaveLength(2);
  expect(new Set(keys).size).toBe(1);
  expect((await objections(thisMonth)).filter((o) => o.recordId === item.recordId)).toHaveLength(1);

  expect(toasts()).toContainEqual({ title: '异议已提交', icon: 'success', duration: 1500 });
  expect(page.textOf('#result')).toContain('异议已提交');
  expect(page.textsOf('.mine-item')).toHaveLength(1);
  expect(page.textOf('#mine')).toContain(`待处理${line.label} · ${item.itemName}`);
  expect(page.textOf('#mine')).toContain('我的理由：那天他没有参加');
  expect(page.textOf(`#line-${line.householdId}`)).toContain('有 1 条异议待处理');
  expect(page.textOf('#open-objections')).toBe('1');

  // And to another household's whole line.
  const other = need(picked.other, 'another household');
  await page.tap(`#object-line-${other.householdId}`);
  expect(page.textOf('#objection-target')).toBe(`${other.label} · 本月合计 ${pointsText(other.total)}分`);
  await page.dispatch('#objection-reason', 'input', { value: '这一户的分数偏高' });
  await page.tap('#objection-submit');
  await page.until((d) => Array.isArray(d.mine) && d.mine.length === 2, 'the second objection');
  expect(page.textOf('#mine')).toContain(`${other.label} · 整户`);
});

test('a cadre upholds the item objection (the line total drops) and dismisses the other', async () => {
  const line = need(picked.line, 'the line');
  const item = need(picked.item, 'the item');
  const other = need(picked.other, 'the other line');
  const all = await objections(thisMonth);
  const first = need(
    all.find((o) => o.recordId === item.recordId),
    'the item objection',
  );
  const second = need(
    all.find((o) => o.householdId === other.householdId),
    'the line objection',
  );
  const me = await api().ok(VILLAGER, 'account', 'me', {});
  const villagerName = me.joined ? me.name : '';

  const page = await openAs(CADRE, 'packages/notice/notice/notice', { query: { month: thisMonth } });
  expect(page.textOf('#manage')).toContain('全部异议（2）');
  expect(page.textOf(`#all-${first.id}`)).toContain(`${villagerName} 于`);
  expect(page.textOf(`#all-${first.id}`)).toContain('提出：那天他没有参加');

  await page.tap(`#uphold-${first.id}`);
  expect(page.textOf(`#all-${first.id}`)).toContain('请写明理由');
  await page.dispatch(`#resolve-reason-${first.id}`, 'input', { value: '签到表上没有他' });
  await page.tap(`#uphold-${first.id}`);
  await page.until((d) => d.acting === '' && typeof d.result === 'string' && d.result.includes('异议成立'), 'the uphold result');
  const corrected = line.total - item.points;
  expect(page.textOf('#result')).toBe(
    `异议成立：已更正“${line.label} · ${item.itemName}”，${line.label} 本月合计改为 ${pointsText(corrected)} 分。已通知提出人。`,
  );
  expect(page.textOf(`#total-${line.householdId}`)).toBe(`${pointsText(corrected)}分`);
  expect(page.textOf(`#line-${line.householdId}`)).toContain(`更正：${item.itemName}`);
  expect(page.textOf(`#all-${first.id}`)).toContain('异议成立');
  expect(page.textOf(`#all-${first.id}`)).toContain('处理意见：签到表上没有他');
  expect(page.textOf('#notice-state')).toBe('公示中');
  expect(page.text()).toContain('第2版（已按异议更正）');

  await page.dispatch(`#resolve-reason-${second.id}`, 'input', { value: '有活动照片为证' });
  await page.tap(`#dismiss-${second.id}`);
  await page.until((d) => d.acting === '' && typeof d.result === 'string' && d.result.includes('不予采纳'), 'the dismiss result');
  expect(page.textOf(`#all-${second.id}`)).toContain('不予采纳');
  expect(page.textOf(`#total-${other.householdId}`)).toBe(`${pointsText(other.total)}分`);
  expect(page.textOf('#open-objections')).toBe('0');
});

test('the villager sees both outcomes with the cadre’s reasons', async () => {
  const page = await openAs(VILLAGER, 'packages/notice/notice/notice', { query: { month: thisMonth } });
  const mine = page.textsOf('.mine-item');
  expect(mine).toHaveLength(2);
  expect(mine.find((t) => t.includes('那天他没有参加'))).toContain('异议成立');
  expect(mine.find((t) => t.includes('那天他没有参加'))).toContain('村干部的意见：签到表上没有他');
  expect(mine.find((t) => t.includes('分数偏高'))).toContain('不予采纳');
  expect(mine.find((t) => t.includes('分数偏高'))).toContain('村干部的意见：有活动照片为证');
});

test('settling is refused during the period, done after it, and the notice closes to objections', async () => {
  let page = await openAs(CADRE, 'packages/notice/notice/notice', { query: { month: thisMonth } });
  await page.tap('#settle');
  await page.until((d) => d.acting === '' && d.result !== '', 'the refusal');
  expect(page.textOf('#result')).toBe('还不能结算：公示期还没有结束。');
  expect(page.data.resultWarn).toBe(true);

  await setClock(pc, afterPeriod);
  page = await openPage('packages/notice/notice/notice', { query: { month: thisMonth } });
  expect(page.textOf('#notice-state')).toBe('公示期已过，待结算');
  expect(page.textOf('#closed')).toBe(`公示期已于 ${closing} 结束，等待结算`);
  expect(page.$(`#object-line-${need(picked.line, 'the line').householdId}`)).toBeNull();
  const before = (await api().ok(CADRE, 'notice', 'get', { month: thisMonth })).notice;
  await page.tap('#settle');
  await page.until((d) => d.acting === '' && d.result !== '', 'the settlement');
  const moved = before.lines.filter((l) => l.total !== 0);
  expect(page.textOf('#result')).toBe(`${monthTitle(thisMonth)}已结算：${moved.length}户共${before.totalPoints}分转为可用积分。`);
  await page.until((d) => d.state === 'settled', 'the settled state');
  expect(page.textOf('#notice-state')).toBe('已结算');
  expect(page.$('#settle')).toBeNull();
  // Settling again (say, from a second phone) moves nothing.
  expect(await api().ok(CADRE, 'notice', 'settle', { month: thisMonth })).toEqual({ settled: true, reason: '', households: 0, points: 0 });
});

test('the 红黑榜 names households only on the red list', async () => {
  const { notice } = await api().ok(VILLAGER, 'notice', 'get', { month: thisMonth });
  const boards = await api().ok(VILLAGER, 'notice', 'boards', { month: thisMonth });
  const page = await openAs(VILLAGER, 'packages/notice/boards/boards', { query: { month: thisMonth } });
  expect(page.textOf('#boards-title')).toBe(`和美村${monthTitle(thisMonth)}红黑榜`);

  const red = page.textsOf('.red-name');
  expect(red.length).toBeGreaterThanOrEqual(10);
  expect(red).toEqual(boards.red.map((r) => r.label));
  for (const label of red) expect(notice.lines.some((l) => l.label === label)).toBe(true);
  // Ranks in order, shared ones marked 并列.
  const ranks = page.textsOf('.rank').map(Number);
  expect(ranks).toEqual(boards.red.map((r) => r.rank));
  if (new Set(ranks).size < ranks.length) expect(page.textOf('#red')).toContain('并列');

  const black = page.textOf('#black');
  expect(page.textsOf('.black-item')).toEqual(boards.black.map((b) => b.itemName));
  for (const l of notice.lines) {
    expect(black).not.toContain(l.householdId);
    for (const part of l.label.split(' ')) expect(black).not.toContain(part);
  }
  expect(black).not.toContain('更正');
  expect(black).toContain('只列扣分的项目和分数，不列户名和姓名');

  expect(shareMenus()).toContainEqual(['shareAppMessage', 'shareTimeline']);
  expect(ask(page, 'onShareAppMessage')).toEqual({
    title: `和美村${M}月红黑榜`,
    path: `/packages/notice/boards/boards?month=${thisMonth}`,
  });
  expect(ask(page, 'onShareTimeline')).toEqual({ title: `和美村${M}月红黑榜`, query: `month=${thisMonth}` });
});

test('the notice’s share card for the village group opens this month', async () => {
  const page = await openAs(VILLAGER, 'packages/notice/notice/notice', { query: { month: thisMonth } });
  expect(ask(page, 'onShareAppMessage')).toEqual({
    title: `和美村${M}月积分公示`,
    path: `/packages/notice/notice/notice?month=${thisMonth}`,
  });
  await page.tap('#to-boards');
  expect(navigations().map((n) => n.url)).toEqual([`/packages/notice/boards/boards?month=${thisMonth}`]);
  expect(navigations().every((n) => n.ok)).toBe(true);
  // 打印张贴 is the cadres' job: a villager does not see it.
  expect(page.$('#to-print')).toBeNull();
  // The villager's own household is pinned first and marked 我家.
  expect(page.textsOf('.line-label')[0]).toMatch(/^我家/);
});

test('someone not in the village who opens a shared card is offered a way to join', async () => {
  const page = await openAs('o-someone-from-the-group', 'packages/notice/notice/notice', { query: { month: thisMonth } });
  expect(page.textOf('#join-prompt')).toContain('您还没有加入村庄');
  expect(page.$('#notice-title')).toBeNull();
  expect(toasts()).toEqual([]);
  await page.tap('#join');
  await page.until(() => navigations().some((n) => n.ok), 'a page to open');
  const join = '/packages/village/join/join';
  if (pageExists(join)) {
    expect(navigations()).toEqual([{ api: 'navigateTo', url: join, ok: true }]);
  } else {
    // No join page in this build: the home page, which says how to join.
    expect(navigations()).toEqual([
      { api: 'navigateTo', url: join, ok: false },
      { api: 'reLaunch', url: '/pages/home/home', ok: true },
    ]);
  }

  const boards = await openPage('packages/notice/boards/boards', { query: { month: thisMonth } });
  expect(boards.textOf('#join-prompt')).toContain('您还没有加入村庄');
  expect(boards.$('#red')).toBeNull();
});

test('公开 has the way in: 积分公示', async () => {
  const page = await openAs(VILLAGER, 'pages/public/public');
  expect(page.textOf('#entry-notice')).toBe('积分公示');
  const list = await openPage('packages/notice/list/list');
  expect(list.$('#manage')).toBeNull();
  await list.tap(`#boards-${thisMonth}`);
  await list.tap(`#open-${thisMonth}`);
  expect(navigations().map((n) => n.url)).toEqual([
    `/packages/notice/boards/boards?month=${thisMonth}`,
    `/packages/notice/notice/notice?month=${thisMonth}`,
  ]);
});
