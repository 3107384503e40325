// Flow: self-report → review → archive, as the people do it on their phones, page by page from
// 首页: a villager reports volunteering with a photo, sees it waiting in the household archive; the
// grid leader approves it, then a cadre; the villager finds it approved, in the pending points.
import { usePhone } from './phone';
import { cards, numberIn } from './read';

const phone = usePhone();
let recordId = '';
let pendingBefore = 0;

test('a villager self-reports from 首页 with a photo and finds it waiting in the archive', async () => {
  let home = await phone.as('demo-villager');
  const archive = await phone.tapTo(home, '#entry-archive');
  pendingBefore = numberIn(archive, '.pending-value');

  home = await phone.as('demo-villager');
  const record = await phone.tapTo(home, '#entry-self');
  await record.tap('#item-D04');
  expect(record.textOf('#chosen')).toBe('已选：参加志愿服务 +2分');
  await record.tap('#add-photo');
  await record.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo to upload');
  await record.dispatch('#note', 'input', { value: '重阳节去敬老院打扫卫生' });
  await record.tap('#submit');
  await record.until((d) => d.done !== null && d.submitting === false, 'the report to be submitted');
  expect(record.textOf('#done')).toContain('等待审核');

  const mine = await phone.tapTo(record, '#to-archive');
  expect(mine.route).toBe('packages/points/archive/archive');
  const card = cards(mine.data.history).find((c) => c.itemName === '参加志愿服务' && c.note === '重阳节去敬老院打扫卫生');
  recordId = String(card?.id ?? '');
  expect(recordId).not.toBe('');
  expect(mine.textOf(`#rec-${recordId}`)).toContain('待审核');
  expect(mine.textOf('#waiting')).toContain('正在审核');
});

test('the grid leader approves it from 首页 → 积分审核', async () => {
  const home = await phone.as('demo-grid-1');
  const review = await phone.tapTo(home, '#entry-review');
  expect(review.textOf(`#rec-${recordId}`)).toContain('重阳节去敬老院打扫卫生');
  await review.tap(`#rec-${recordId}`);
  await review.tap('#approve');
  await review.until(() => review.$(`#rec-${recordId}`) === null, 'the approved record to leave the list');
  expect(review.textOf('#notice')).toMatch(/^已通过\d+条$/);
});

test('a cadre gives the final approval', async () => {
  const home = await phone.as('demo-cadre-1');
  const review = await phone.tapTo(home, '#entry-review');
  await review.tap(`#rec-${recordId}`);
  expect(review.textOf('#approve')).toBe('通过（1）');
  await review.tap('#approve');
  await review.until(() => review.$(`#rec-${recordId}`) === null, 'the approved record to leave the list');
});

test("the villager's archive: approved, with both reviewers, and 2 more pending points", async () => {
  const home = await phone.as('demo-villager');
  const archive = await phone.tapTo(home, '#entry-archive');
  // Approved, and on this month's notice until it settles; the review steps unfold on a tap.
  expect(archive.textOf(`#rec-${recordId}`)).toContain('公示中');
  await archive.tap(`#steps-${recordId}`);
  const rec = archive.textOf(`#rec-${recordId}`);
  expect(rec).toContain('+2分');
  expect(rec).toMatch(/网格长 \S+ 审核通过/);
  expect(rec).toMatch(/村两委干部 \S+ 审核通过/);
  expect(numberIn(archive, '.pending-value')).toBe(pendingBefore + 2);
});
