// 户主档案袋: the household's figures, rank, trend and history in one call; grid leaders and cadres
// open other households; a cadre corrects an approved record with a reason.
import { randomBytes } from 'node:crypto';
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll } from '../../support/sdk';
import { openAs, type PageHandle } from '../support/page';
import { exchanges, toasts } from '../support/wx';
import { chinaToday, previews, usePointsCloud } from './support';

const { pc, api } = usePointsCloud();
const key = (): string => randomBytes(8).toString('hex');
const photo = 'cloud://local-dev.local-bucket/evidence/archive-test.jpg';

/** `openid` records `itemCode` for the household today, with these photos; answers the record's id. */
async function recorded(openid: string, itemCode: string, householdId: string, evidence: string[] = []): Promise<string> {
  const made = await api().ok(openid, 'record', {
    clientKey: key(),
    itemCode,
    householdIds: [householdId],
    occurredOn: chinaToday(),
    ...(evidence.length ? { evidence } : {}),
  });
  return made.records[0]?.id ?? '';
}

/** The archive of the household, as `openid` opens it. */
const archiveOf = (openid: string, householdId: string): Promise<PageHandle> =>
  openAs(openid, 'packages/points/archive/archive', { query: { householdId } });

test('a household head sees members masked, the figures, rank, a 12-month trend and the history, in one call', async () => {
  const page = await openAs('demo-head', 'packages/points/archive/archive');
  expect(exchanges().filter((x) => x.url.endsWith('/functions/points'))).toHaveLength(1);

  expect(page.textOf('#household')).toMatch(/^3组7号\s*户主：\S+?\s*所在网格：第一网格$/);
  // Names and relations only: no ID number or phone, masked or not.
  const members = page.textOf('#members');
  expect(members).not.toMatch(/身份证|电话|\d{3}\*/);

  const balance = page.data.balance;
  expect(balance).toEqual(
    expect.objectContaining({ earned: expect.any(Number), available: expect.any(Number), pending: expect.any(Number) }),
  );
  expect(page.textOf('#earned')).toMatch(/^-?\d+$/);
  expect(page.textOf('#available')).toMatch(/^-?\d+$/);
  expect(page.textOf('#pending')).toContain('待公示积分');
  expect(page.textOf('#year')).toMatch(new RegExp(`^${chinaToday().slice(0, 4)}年：已结算 -?\\d+ 分，待公示 -?\\d+ 分$`));
  expect(page.textOf('#rank')).toMatch(/^全村第\d+名 \/ 150户\s*第一网格第\d+名 \/ 50户$/);

  // The trend: a canvas (not drawn here: the simulator gives no canvas node) and the figures below it.
  expect(page.$('#trend')).not.toBeNull();
  expect(page.textsOf('.cell-label')).toHaveLength(12);
  expect(page.textsOf('.cell-label')[11]).toBe(`${Number(chinaToday().slice(5, 7))}月`);
  expect(page.textOf('#trend-card')).toMatch(/近12个月积分（合计 [+-]?\d+）/);

  const history = page.textsOf('.rec');
  expect(history.length).toBeGreaterThan(0);
  for (const h of history) expect(h).toMatch(/(待审核|公示中|已通过|未通过)/);
  // The review steps are folded away until asked for.
  expect(page.$('.step')).toBeNull();
  const first = page.textsOf('.steps-toggle')[0] ?? '';
  expect(first).toMatch(/^审核经过（\d+ 步）$/);
  // Nobody here may correct.
  expect(page.$('.reverse')).toBeNull();
});

test('records waiting for review are shown apart from the balance', async () => {
  const id = await recorded('demo-grid-1', 'A01', 'hh-023');
  const page = await archiveOf('demo-grid-1', 'hh-023');
  expect(page.textOf('#waiting')).toMatch(/^另有 \d+ 条记录正在审核（\+\d+分），审核通过后计入待公示积分。$/);
  expect(page.textOf(`#rec-${id}`)).toContain('待审核');
  // A grid leader may open their grid's households but corrects nothing.
  expect(page.$('.reverse')).toBeNull();
});

test('a cadre opens another household and corrects an approved record; the reason is required', async () => {
  const id = await recorded('demo-cadre-1', 'B03', 'hh-021', [photo]);
  const page = await archiveOf('demo-cadre-2', 'hh-021');
  const pendingBefore = Number(page.textOf('.pending-value'));
  // Approved, its month not settled yet: still on the notice.
  expect(page.textOf(`#rec-${id}`)).toContain('公示中');
  expect(page.textOf(`#rec-${id}`)).toMatch(/村干部 \S+ 记录/);
  await page.tap(`#steps-${id}`);
  expect(page.textOf(`#rec-${id}`)).toMatch(/村干部 \S+ 通过|记录/);

  // Its photo opens large.
  await page.tap(`#photo-${id}-0`);
  expect(previews()[0]?.urls).toEqual([`${pc.url}/_storage/files/evidence/archive-test.jpg`]);

  await page.tap(`#reverse-${id}`);
  expect(page.textOf('#reverse-sheet')).toContain('参加村内环境卫生集中整治 +3分');
  await page.tap('#reverse-confirm');
  expect(page.textOf('#sheet-error')).toBe('请填写更正原因，户主会看到');
  await page.dispatch('#reverse-reason', 'input', { value: '当天实际未参加，误记' });
  await page.tap('#reverse-confirm');
  await page.until((d) => d.reversing === null && d.loading === false, 'the correction is made and the archive reloaded');
  expect(toasts()).toContainEqual({ title: '已更正，-3分', icon: 'success', duration: 1500 });

  expect(Number(page.textOf('.pending-value'))).toBe(pendingBefore - 3);
  expect(page.textOf(`#rec-${id}`)).toContain('已更正');
  expect(page.textOf(`#rec-${id}`)).toContain('更正：当天实际未参加，误记');
  expect(page.$(`#reverse-${id}`)).toBeNull();
  const [counter] = await getAll(pc.db.collection(C.pointRecords).where({ reverses: id }));
  expect(counter).toMatchObject({ points: -3, reason: '当天实际未参加，误记' });
  expect(page.textOf(`#rec-${String(counter?._id)}`)).toContain('更正：参加村内环境卫生集中整治');
  expect(page.textOf(`#rec-${String(counter?._id)}`)).toContain('更正记录');
});

test('a correction refused by the function shows its message in the sheet', async () => {
  const id = await recorded('demo-cadre-1', 'B03', 'hh-024', [photo]);
  const page = await archiveOf('demo-cadre-2', 'hh-024');
  await page.tap(`#reverse-${id}`);
  // Meanwhile another cadre corrects it.
  await api().ok('demo-cadre-3', 'reverse', { clientKey: key(), recordId: id, reason: '重复记录' });
  await page.dispatch('#reverse-reason', 'input', { value: '误记' });
  await page.tap('#reverse-confirm');
  await page.until((d) => d.busy === false && d.sheetError !== '', 'the refusal');
  expect(page.textOf('#sheet-error')).toBe('这条记录已经更正过了');
  expect(page.$('#reverse-sheet')).not.toBeNull();
});

test("another household's archive is refused to those who may not see it", async () => {
  const own = await archiveOf('demo-villager', 'hh-100');
  expect(own.textOf('#state >>> #load-error')).toBe('只能查看自己家的档案');
  expect(own.$('#balance')).toBeNull();

  const other = await archiveOf('demo-grid-2', 'hh-001');
  expect(other.textOf('#state >>> #load-error')).toBe('只能查看自己家的档案');
  expect(toasts()).toContainEqual({ title: '只能查看自己家的档案', icon: 'none', duration: 2500 });
});
