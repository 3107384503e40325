// The whole path of a self-report, tapped through as the people would: a villager reports with a
// photo (a double tap records once), the grid leader approves it, a cadre approves the batch on one
// screen, and the household's archive shows the new pending points and the history.
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll, str } from '../../support/sdk';
import { mediaChecked } from '../support/cloud';
import { openAs, openPage, type PageHandle, waitFor } from '../support/page';
import { exchanges, toasts } from '../support/wx';
import { chinaToday, httpStatus, pickPhotos, previews, uploads, usePointsCloud, writePhoto } from './support';

const { pc } = usePointsCloud();

async function recordsWithKey(clientKey: string): Promise<Record<string, unknown>[]> {
  return getAll(pc.db.collection(C.pointRecords).where({ clientKey }));
}

function numberIn(page: PageHandle, selector: string): number {
  return Number(page.textOf(selector).replace(/[^\d-]/g, ''));
}

let recordId = '';
let pendingBefore = 0;

test('a villager self-reports with a photo; a double-tapped submit records once', async () => {
  const before = await openAs('demo-villager', 'packages/points/archive/archive');
  pendingBefore = numberIn(before, '.pending-value');

  const page = await openPage('packages/points/record/record');
  expect(page.data.mode).toBe('self');
  // Only what a villager may self-report, and no deductions.
  expect(page.$('#item-D04')).not.toBeNull();
  expect(page.$('#item-A01')).toBeNull(); // grid leaders and cadres only
  expect(page.$('#item-B07')).toBeNull(); // a deduction
  expect(page.text()).not.toContain('扣分项');

  await page.tap('#item-D04');
  expect(page.textOf('#chosen')).toBe('已选：参加志愿服务 +2分');
  expect(page.textOf('#date')).toBe(`${chinaToday().replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')} ▾`);
  expect(page.text()).toContain('这一项必须上传照片');

  // Submitting without the photo the item needs is stopped on the page: 提交 is disabled, saying why.
  await page.tap('#submit');
  expect(page.textOf('#missing')).toBe('这一项需要上传照片作为凭证');
  expect(page.data.submitting).toBe(false);

  pickPhotos(writePhoto('volunteer.png'));
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo is uploaded');
  const [upload] = uploads();
  expect(upload?.api).toBe('uploadFile');
  expect(upload?.cloudPath).toMatch(new RegExp(`^evidence/${chinaToday()}/[a-z0-9]+-1\\.png$`));
  expect(upload?.fileID).toMatch(/^cloud:\/\/.+\/evidence\//);
  expect(page.$('#error')).toBeNull();

  await page.dispatch('#note', 'input', { value: '帮敬老院打扫卫生' });
  const clientKey = String(page.data.clientKey);
  // Two quick taps on 提交.
  await page.tap('#submit');
  await page.tap('#submit');
  await page.until((d) => d.done !== null, 'the submission is answered');
  expect(page.textOf('#done')).toBe('已提交「参加志愿服务」，等待审核。审核通过后计入待公示积分');
  expect(toasts()).toContainEqual({ title: '提交成功', icon: 'success', duration: 1500 });
  expect(exchanges().filter((x) => x.url.endsWith('/functions/points') && x.outcome.includes('"records"'))).toHaveLength(1);

  const written = await recordsWithKey(clientKey);
  expect(written).toHaveLength(1);
  const [rec] = written;
  recordId = rec ? str(rec, '_id') : '';
  expect(rec?.householdId).toBe('hh-022');
  expect(rec?.note).toBe('帮敬老院打扫卫生');
  expect(rec?.evidence).toEqual([upload?.fileID]);
  expect(rec?.status).toBe('pending');

  // 再记一条 starts a new form with a new key.
  await page.tap('#again');
  expect(page.data.clientKey).not.toBe(clientKey);
  expect(page.data.chosen).toBeNull();
  expect(page.data.photos).toEqual([]);
});

test('the grid leader sees it with its photo and approves it; it moves on to the cadres', async () => {
  // Others see a photo once WeChat's media check has passed it.
  await mediaChecked(pc, C.pointRecords, recordId);
  const page = await openAs('demo-grid-1', 'packages/points/review/review');
  const card = page.textOf(`#rec-${recordId}`);
  expect(card).toContain('参加志愿服务');
  expect(card).toContain('+2分');
  expect(card).toContain('说明：帮敬老院打扫卫生');
  expect(card).toMatch(/村民自报（\S+）/);
  expect(card).toMatch(/村民 \S+ 提交/);

  // Tapping the photo enlarges it and does not select the record.
  await page.tap(`#photo-${recordId}-0`);
  await waitFor(() => previews().length === 1, 'wx.previewImage');
  expect(previews()[0]?.urls[0]).toMatch(/\/_storage\/files\/evidence\//);
  expect(page.data.selectedCount).toBe(0);
  // The stored photo is really there.
  expect(await httpStatus(previews()[0]?.urls[0] ?? '')).toBe(200);

  await page.tap(`#rec-${recordId}`);
  expect(page.data.selectedCount).toBe(1);
  expect(page.textOf('#approve')).toBe('通过（1）');
  await page.tap('#approve');
  await page.until((d) => typeof d.notice === 'string' && d.notice !== '' && d.acting === false, 'the approval is answered');
  expect(page.textOf('#notice')).toBe('已通过1条');
  expect(toasts()).toContainEqual({ title: '已通过1条', icon: 'success', duration: 1500 });
  await page.until(() => page.$(`#rec-${recordId}`) === null, 'the list drops the approved record');

  const [rec] = await getAll(pc.db.collection(C.pointRecords).where({ _id: recordId }));
  expect(rec?.status).toBe('pending');
  expect(rec?.level).toBe(1); // now the cadres'
});

test('a cadre selects all and approves the batch in one tap', async () => {
  const page = await openAs('demo-cadre-1', 'packages/points/review/review');
  expect(page.$(`#rec-${recordId}`)).not.toBeNull();
  const waiting = Array.isArray(page.data.cards) ? page.data.cards.length : 0;
  expect(waiting).toBeGreaterThan(1); // the demo village has more waiting
  expect(page.textOf('#count')).toBe(`待审核 ${waiting} 条`);

  await page.tap('#select-all');
  expect(page.textOf('#approve')).toBe(`通过（${waiting}）`);
  await page.tap('#approve');
  await page.until((d) => typeof d.notice === 'string' && d.notice !== '' && d.acting === false, 'the batch approval is answered');
  expect(page.textOf('#notice')).toBe(`已通过${waiting}条`);
  await page.until(() => page.$('#empty') !== null, 'the queue to be empty');
  expect(page.textOf('#empty')).toContain('没有待审核的记录');
  // One review call for the whole batch (at most 100 per call).
  expect(exchanges().filter((x) => x.outcome.includes('"done"'))).toHaveLength(Math.ceil(waiting / 100));

  const [rec] = await getAll(pc.db.collection(C.pointRecords).where({ _id: recordId }));
  expect(rec?.status).toBe('approved');
});

test("the household's archive shows the new pending points and the record with its steps and photo", async () => {
  const page = await openAs('demo-villager', 'packages/points/archive/archive');
  expect(numberIn(page, '.pending-value')).toBe(pendingBefore + 2);
  expect(page.textOf('#household')).toMatch(/^\d+组\d+号\s*户主：\S+?\s*所在网格：第一网格$/);
  expect(page.textOf('#pending')).toContain('公示期满没有异议，就计入累计积分和可用积分');

  expect(page.textOf(`#rec-${recordId}`)).toContain('公示中');
  await page.tap(`#steps-${recordId}`);
  const rec = page.textOf(`#rec-${recordId}`);
  expect(rec).toContain('参加志愿服务');
  expect(rec).toContain('+2分');
  expect(rec).toMatch(/网格长 \S+ 审核通过/);
  expect(rec).toMatch(/村两委干部 \S+ 审核通过/);
  expect(page.$(`#photo-${recordId}-0`)).not.toBeNull();
  // A villager corrects nothing.
  expect(page.$(`#reverse-${recordId}`)).toBeNull();
});

test('in cloud mode the photo goes up with wx.cloud.uploadFile and the report through wx.cloud.callFunction', async () => {
  const page = await openAs('demo-head', 'packages/points/record/record', { mode: 'cloud' });
  await page.tap('#item-X01');
  pickPhotos(writePhoto('patrol-1.jpg'), writePhoto('patrol-2.jpg'));
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 2 && d.uploading === false, 'both photos are uploaded');
  expect(uploads().map((u) => u.api)).toEqual(['cloud.uploadFile', 'cloud.uploadFile']);
  // Remove the second and submit with one.
  await page.tap('#remove-photo-1');
  expect(page.data.photos).toHaveLength(1);
  await page.tap('#submit');
  await page.until((d) => d.done !== null, 'the submission is answered');
  expect(exchanges().some((x) => x.api === 'cloud.callFunction')).toBe(true);
  const [rec] = await recordsWithKey(String(page.data.clientKey));
  expect(rec?.householdId).toBe('hh-021');
  expect(rec?.evidence).toEqual([uploads()[0]?.fileID]);
});
