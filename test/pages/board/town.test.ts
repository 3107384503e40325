// 全镇村庄情况 and the village home on 首页, on the demo village: the town admin sees every village of
// the town with figures that equal what the store holds (computed here from the store, not from the
// function), stars that follow the written criteria, and the criteria themselves; the home page shows
// a villager their household's points and a cadre what waits for them.
import { C } from '../../../cloudfunctions/shared/collections';
import { STAR_CRITERIA } from '../../../cloudfunctions/shared/board/stars';
import { count, getAll, num, type Doc } from '../../support/sdk';
import { openAs, openPage } from '../support/page';

import { navigations, useBoardCloud } from './support';

const { pc, api } = useBoardCloud();

const chinaDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function monthsBack(n: number): string {
  const today = chinaDay();
  return new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - n, 15)).toISOString().slice(0, 7);
}

async function all(coll: string, where: Record<string, unknown>): Promise<Doc[]> {
  const out: Doc[] = [];
  for (;;) {
    const page = await getAll(pc.db.collection(coll).where(where).skip(out.length).limit(1000));
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

const pct = (n: number, d: number): string => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

beforeAll(async () => {
  const a = api();
  for (const [i, title] of ['致全村乡亲的一封信', '关于秸秆禁烧', '冬季防火'].entries()) {
    await a.ok('demo-secretary', 'saveLetter', { clientKey: `town-letter-${i}`, title, body: '乡亲们：……', pictures: [], publish: true });
  }
});

test('the town admin sees every village with its figures, stars and the written criteria', async () => {
  const home = await openAs('demo-town', 'pages/home/home');
  expect(home.textOf('#entry-town')).toBe('全镇村庄排名');

  const page = await openPage('/packages/board/town/town');
  expect(page.textOf('#town-name')).toBe('清溪镇 · 村庄情况');
  const from = monthsBack(2);
  const to = chinaDay().slice(0, 7);
  expect(page.textOf('#period')).toBe(`${from.slice(0, 4)}年${Number(from.slice(5))}月至${to.slice(0, 4)}年${Number(to.slice(5))}月`);
  expect(page.textsOf('.criterion')).toEqual(STAR_CRITERIA.map((c, i) => `${i + 1}. ${c.title}：${c.rule}`));
  expect(page.textsOf('.tr .td-name').slice(1).sort()).toEqual(['和美村', '柳树村', '青山村'].sort());

  // 和美村 from the store.
  const months = [monthsBack(2), monthsBack(1), to];
  const households = await count(pc.db.collection(C.households).where({ villageId: 'village-hemei' }));
  const records = await all(C.pointRecords, { villageId: 'village-hemei', status: 'approved' });
  const active = new Set(
    records.filter((r) => months.includes(String(r.month)) && num(r, 'points') > 0 && r.reversedBy === null).map((r) => r.householdId),
  ).size;
  const orders = (await all(C.shopOrders, { villageId: 'village-hemei', status: 'done' })).filter((o) =>
    months.includes(String(o.closedMonth)),
  );
  const shopHouseholds = new Set(orders.map((o) => o.householdId)).size;
  const letters = (await all(C.boardLetters, { villageId: 'village-hemei', status: 'published' })).filter(
    (l) => String(l.publishedOn) >= `${from}-01`,
  ).length;
  const matters = (await all(C.matters, { villageId: 'village-hemei' })).filter(
    (m) => String(m.raisedOn) >= `${from}-01` && String(m.raisedOn) <= chinaDay(),
  );
  const due = matters.filter((m) => m.respondedInTime !== null || (m.deadlineAt instanceof Date && m.deadlineAt.getTime() < Date.now()));
  const inTime = matters.filter((m) => m.respondedInTime === true).length;

  const card = page.textOf('#village-village-hemei');
  expect(card).toContain(`农户 ${households} 户`);
  // The ranking table: each figure once, in its column.
  const row = page.textOf('#rank-village-hemei');
  expect(row).toContain(`${pct(inTime, due.length)}`);
  expect(row).toContain(`${pct(active, households)}`);
  expect(row).toContain(`${pct(shopHouseholds, households)}`);
  expect(orders.length).toBeGreaterThanOrEqual(0);
  expect(matters.length).toBeGreaterThanOrEqual(due.length);
  // The stars are the criteria met, as the lines under them say.
  const met = [
    letters >= 6,
    due.length > 0 && inTime >= 0.9 * due.length,
    active >= 0.6 * households,
    shopHouseholds >= 0.2 * households,
    false,
  ].filter(Boolean).length;
  expect(page.textOf('#stars-village-hemei')).toBe(`${'★'.repeat(met)}${'☆'.repeat(5 - met)}`);
  expect(page.textOf('#check-village-hemei-letters')).toBe(
    `${letters >= 6 ? '★' : '☆'} 书记公开信：${Math.round((letters / 3) * 10) / 10} 封/月`,
  );
  expect(page.textOf('#check-village-hemei-finance')).toBe('☆ 财务公开：0 条（需 1 条）');
  expect(page.textOf('#village-village-liushu')).toContain('农户 0 户');
  // Ranked: the first row (after the header) is 1st.
  expect(page.textsOf('.td-rank')[1]).toBe('1');

  // Another period, and a village's letters in public mode.
  await page.tap('#period-lastMonth');
  await page.settled();
  const last = monthsBack(1);
  expect(page.textOf('#period')).toBe(`${last.slice(0, 4)}年${Number(last.slice(5))}月`);
  expect(page.textOf('#check-village-hemei-letters')).toBe('☆ 书记公开信：0 封/月');
  await page.tap('#letters-village-hemei');
  expect(navigations().at(-1)).toEqual({ api: 'navigateTo', url: '/packages/board/letters/letters?villageId=village-hemei' });
  const list = await openPage('/packages/board/letters/letters?villageId=village-hemei');
  expect(list.$('#join')).not.toBeNull();
  expect(list.textsOf('.letter-title')).toHaveLength(3);
});

test('the town view is the town admin’s only', async () => {
  const page = await openAs('demo-cadre-1', '/packages/board/town/town');
  expect(page.textOf('#state >>> #load-error')).toBe('只有乡镇管理员可以查看全镇情况');
});

test('首页: a villager sees what is new and their household’s points', async () => {
  const home = await openAs('demo-villager', 'pages/home/home');
  const [balance] = await getAll(pc.db.collection(C.balances).where({ _id: 'hh-022' }));
  expect(home.textOf('#entry-archive')).toBe(
    `我家可用积分${num(balance, 'available')}分累计 ${num(balance, 'earned')} 分待公示 ${num(balance, 'pending')} 分查看明细`,
  );
  expect(home.textsOf('.news-item').map((t) => t.replace(/ ?\d+月\d+日 \d\d:\d\d$/, ''))).toEqual([
    '公开信冬季防火',
    '公开信关于秸秆禁烧',
    '公开信致全村乡亲的一封信',
  ]);
  expect(home.$('#waiting')).toBeNull();
});

test('首页: the secretary sees what waits for them, counted as the store holds it', async () => {
  const home = await openAs('demo-secretary', 'pages/home/home');
  const pending = await count(pc.db.collection(C.pointRecords).where({ villageId: 'village-hemei', status: 'pending' }));
  const objections = await count(pc.db.collection(C.objections).where({ villageId: 'village-hemei', status: 'open' }));
  // The badges on the first screen, each leading to its queue.
  expect(home.textOf('#entry-review')).toBe(`${pending}积分审核`);
  expect(home.textOf('#entry-notice-manage')).toBe(`${objections}积分公示与异议`);
  expect(home.textOf('#entry-letters-manage')).toBe('0公开信留言');
  expect(home.$('#entry-sign-off')).toBeNull();
  expect(home.$('#entry-matters-queue')).not.toBeNull();
});
