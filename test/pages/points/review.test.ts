// 积分审核 on one screen: rejecting needs a reason (asked for in a sheet), what another reviewer
// handled meanwhile is skipped with its reason, and people who review nothing are told so.
import { randomBytes } from 'node:crypto';
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll } from '../../support/sdk';
import { openAs } from '../support/page';
import { exchanges, toasts } from '../support/wx';
import { chinaToday, usePointsCloud } from './support';

const { pc, api } = usePointsCloud();
const key = (): string => randomBytes(8).toString('hex');

async function statusOf(id: string): Promise<unknown> {
  const [rec] = await getAll(pc.db.collection(C.pointRecords).where({ _id: id }));
  return rec?.status;
}

/** Records a grid leader made for households of grid 3, now waiting for the cadres. */
async function waitingForCadres(households: string[]): Promise<string[]> {
  const res = await api().ok('demo-grid-3', 'record', {
    clientKey: key(),
    itemCode: 'E04',
    householdIds: households,
    occurredOn: chinaToday(),
    note: '参加了本月村民说事',
  });
  return res.records.map((r) => r.id);
}

test('rejecting needs a reason; with one, the record is rejected and leaves the list', async () => {
  const [id] = await waitingForCadres(['hh-131']);
  const page = await openAs('demo-cadre-3', 'packages/points/review/review');
  expect(page.textOf(`#rec-${id}`)).toContain('按时参加"村民说事"并评价');
  expect(page.textOf(`#rec-${id}`)).toMatch(/网格长 \S+ 记录/);

  // Nothing selected: the buttons do nothing.
  await page.tap('#reject');
  expect(page.$('#reject-sheet')).toBeNull();

  await page.tap(`#rec-${id}`);
  await page.tap('#reject');
  expect(page.textOf('#reject-sheet')).toContain('驳回 1 条记录');
  const calls = exchanges().length;
  await page.tap('#reject-confirm');
  expect(page.textOf('#sheet-error')).toBe('请填写驳回原因，村民会看到');
  expect(exchanges().length).toBe(calls); // nothing sent
  expect(await statusOf(id ?? '')).toBe('pending');

  // Cancel keeps the selection; then reject with a reason.
  await page.tap('#reject-cancel');
  expect(page.$('#reject-sheet')).toBeNull();
  expect(page.data.selectedCount).toBe(1);
  await page.tap('#reject');
  await page.dispatch('#reject-reason', 'input', { value: '本月说事会未到场签到' });
  expect(page.$('#sheet-error')).toBeNull();
  await page.tap('#reject-confirm');
  await page.until((d) => d.rejecting === false && d.notice !== '', 'the rejection is answered');
  expect(page.textOf('#notice')).toBe('已驳回1条');
  expect(toasts()).toContainEqual({ title: '已驳回1条', icon: 'success', duration: 1500 });
  await page.until(() => page.$(`#rec-${id}`) === null, 'the list drops the rejected record');

  const [rec] = await getAll(pc.db.collection(C.pointRecords).where({ _id: id }));
  expect(rec?.status).toBe('rejected');
  expect(JSON.stringify(rec?.steps)).toContain('本月说事会未到场签到');
});

test('records another reviewer handled meanwhile are skipped, and the toast says why', async () => {
  const ids = await waitingForCadres(['hh-132', 'hh-133', 'hh-134']);
  const page = await openAs('demo-cadre-1', 'packages/points/review/review');
  for (const id of ids) await page.tap(`#rec-${id}`);
  expect(page.textOf('#approve')).toBe('通过（3）');
  // Meanwhile another cadre approves one of them on their own phone.
  await api().ok('demo-cadre-2', 'review', { recordIds: [ids[0] ?? ''], decision: 'approve' });

  await page.tap('#approve');
  await page.until((d) => d.acting === false && d.notice !== '', 'the approval is answered');
  expect(page.textOf('#notice')).toBe('已通过2条，1条没有处理：这条记录已经审核过了');
  expect(toasts()).toContainEqual({ title: '已通过2条，1条没有处理：这条记录已经审核过了', icon: 'none', duration: 3000 });
  for (const id of ids) expect(await statusOf(id)).toBe('approved');
  await page.until(() => ids.every((id) => page.$(`#rec-${id}`) === null), 'the list drops all three');
});

test('select all toggles every record, and a second tap clears the selection', async () => {
  await waitingForCadres(['hh-135', 'hh-136']);
  const page = await openAs('demo-secretary', 'packages/points/review/review');
  const n = Array.isArray(page.data.cards) ? page.data.cards.length : 0;
  expect(n).toBeGreaterThanOrEqual(2);
  await page.tap('#select-all');
  expect(page.data.selectedCount).toBe(n);
  expect(page.textOf('#select-all')).toBe('☑ 取消全选');
  await page.tap('#select-all');
  expect(page.data.selectedCount).toBe(0);
  expect(page.textOf('#approve')).toBe('通过（0）');
});

test('someone who reviews nothing is told so, on the page', async () => {
  const page = await openAs('demo-villager', 'packages/points/review/review');
  expect(page.textOf('#state >>> #load-error')).toBe('您不是审核人');
  expect(toasts()).toEqual([{ title: '您不是审核人', icon: 'none', duration: 2500 }]);
  expect(page.$('#approve')).toBeNull();
});
