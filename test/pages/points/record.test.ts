// 记录积分 / 自报积分 beyond the happy path: a grid leader records for a whole 微网格 at once, found
// by search or grid; deductions are a cadre's and need a reason; 代办 is recorded as such; the
// function's refusals appear on the page in its own words and change nothing; a retry after a
// failed network keeps the form's key.
import { C } from '../../../cloudfunctions/shared/collections';
import { count, getAll, settled } from '../../support/sdk';
import { openAs, openPage } from '../support/page';
import { toasts } from '../support/wx';
import { chinaToday, navigations, pickPhotos, titles, usePointsCloud, writePhoto } from './support';

const { pc } = usePointsCloud();

const byKey = (clientKey: unknown): Promise<Record<string, unknown>[]> =>
  getAll(
    pc.db
      .collection(C.pointRecords)
      .where({ clientKey: String(clientKey) })
      .limit(1000),
  );
const records = (): Promise<number> => count(pc.db.collection(C.pointRecords));

test('a grid leader finds households by 户号 or name, selects a whole grid and records for all 50 at once', async () => {
  const page = await openAs('demo-grid-2', 'packages/points/record/record', { query: { mode: 'households' } });
  expect(titles()).toEqual(['记录积分']);
  expect(page.data.recorder).toBe('gridLeader');
  // No deductions for a grid leader; items they may record are offered, first, alone.
  expect(page.text()).not.toContain('扣分项');
  expect(page.$('#item-A01')).not.toBeNull();
  expect(page.$('#households')).toBeNull();
  expect(page.textOf('#missing')).toBe('请先选择积分项目');

  // The item first; then the date and photo, then the households.
  await page.tap('#item-X01');
  expect(page.$('#items')).toBeNull();
  expect(page.textOf('#summary')).toBe('已选 0 户 · 参加文物保护巡护队巡查 +3分请选择要记录的农户');
  // Only their own grid: 50 households of 第二网格, open (their only grid).
  expect(page.textsOf('.grid-name')).toEqual(['▾ 第二网格（0/50）']);
  expect(page.$('#hh-hh-051')).not.toBeNull();
  expect(page.$('#hh-hh-001')).toBeNull();

  // Search by the head's name, then by 户号.
  const [hh] = await getAll(pc.db.collection(C.households).where({ _id: 'hh-060' }));
  const head = String(hh?.headName);
  await page.dispatch('#search', 'input', { value: head });
  const found = page.textsOf('.hh-label');
  expect(found).toContain(`${String(hh?.no)} ${head}`);
  expect(found.every((l) => l.includes(head))).toBe(true);
  await page.tap('#hh-hh-060');
  expect(page.textOf('#picked-count')).toBe('已选 1 户');
  await page.dispatch('#search', 'input', { value: String(hh?.no) });
  expect(page.textsOf('.hh-label').every((l) => l.startsWith(String(hh?.no)))).toBe(true);
  await page.dispatch('#search', 'input', { value: '' });

  await page.tap('#grid-all-grid-2');
  expect(page.textOf('#picked-count')).toBe('已选 50 户');
  expect(page.textsOf('.grid-name')).toEqual(['▾ 第二网格（50/50）']);
  expect(page.textOf('#grid-all-grid-2')).toBe('取消全选');
  expect(page.textOf('#missing')).toBe('这一项需要上传照片作为凭证');

  pickPhotos(writePhoto('patrol.png'));
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo is uploaded');
  await page.tap('#submit');
  await page.until((d) => d.done !== null || d.error !== '', 'the submission is answered');
  expect(page.textOf('#done')).toBe('已为50户记录「参加文物保护巡护队巡查」，等待审核');
  const written = await byKey(page.data.clientKey);
  expect(written).toHaveLength(50);
  expect(new Set(written.map((r) => r.status))).toEqual(new Set(['pending']));
  expect(new Set(written.map((r) => r.source))).toEqual(new Set(['gridLeader']));
  // No archive link for a batch.
  expect(page.$('#to-archive')).toBeNull();
});

test('a cadre is offered deductions, which need a reason, and take effect at once', async () => {
  const page = await openAs('demo-cadre-2', 'packages/points/record/record', { query: { mode: 'households' } });
  expect(page.data.recorder).toBe('cadre');
  expect(page.text()).toContain('扣分项（须填写原因，户主会收到通知）');

  await page.tap('#item-D08');
  expect(page.textOf('#chosen')).toBe('已选：高价彩礼、借机敛财 -10分');
  // Three grids, closed until one is opened.
  expect(page.textsOf('.grid-name')).toEqual(['▸ 第一网格（0/50）', '▸ 第二网格（0/50）', '▸ 第三网格（0/50）']);
  expect(page.$('#hh-hh-021')).toBeNull();
  await page.tap('#grid-open-grid-1');
  await page.tap('#hh-hh-021');
  expect(page.textOf('#summary')).toBe('已选 1 户 · 高价彩礼、借机敛财 -10分扣分必须填写原因');
  await page.tap('#submit'); // disabled: nothing is sent, the bar says what is missing
  expect(page.textOf('#missing')).toBe('扣分必须填写原因');
  expect(page.data.submitting).toBe(false);
  await page.dispatch('#reason', 'input', { value: '女儿出嫁收取高价彩礼，经村调委会调解未退还' });
  expect(page.$('#missing')).toBeNull();
  await page.tap('#submit');
  await page.until((d) => d.done !== null || d.error !== '', 'the submission is answered');
  expect(page.textOf('#done')).toBe('已为1户记录「高价彩礼、借机敛财」，已生效');
  const [rec] = await byKey(page.data.clientKey);
  expect(rec).toMatchObject({
    householdId: 'hh-021',
    points: -10,
    status: 'approved',
    reason: '女儿出嫁收取高价彩礼，经村调委会调解未退还',
  });
});

test('a self-report can be made for an elder (代办), and the page says so in the record', async () => {
  const page = await openAs('demo-villager', 'packages/points/record/record');
  expect(titles()).toEqual(['自报积分']);
  await page.tap('#item-B05');
  pickPhotos(writePhoto('river.png'));
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo is uploaded');
  await page.dispatch('#proxy', 'change', { value: true });
  await page.tap('#submit'); // disabled: the bar says what is missing
  expect(page.textOf('#missing')).toBe('请填写代办老人的姓名');
  expect(page.data.submitting).toBe(false);
  await page.dispatch('#proxy-name', 'input', { value: '王桂兰' });
  // Yesterday, from the date picker.
  const yesterday = new Date(Date.parse(`${chinaToday()}T12:00:00+08:00`) - 86_400_000).toISOString().slice(0, 10);
  await page.dispatch('#date', 'change', { value: yesterday });
  await page.tap('#submit');
  await page.until((d) => d.done !== null || d.error !== '', 'the submission is answered');
  const [rec] = await byKey(page.data.clientKey);
  expect(rec).toMatchObject({ householdId: 'hh-022', proxyFor: '王桂兰', occurredOn: yesterday, itemCode: 'B05' });

  await page.tap('#to-archive');
  expect(navigations()).toEqual(['/packages/points/archive/archive']);
  const review = await openAs('demo-grid-1', 'packages/points/review/review');
  expect(review.textOf(`#rec-${String(rec?._id)}`)).toMatch(/村民自报（\S+），为 王桂兰 代办/);
});

test("the function's refusals appear on the page in its words, and nothing is recorded", async () => {
  // Over the cap: 无偿献血 twice a year, both already used this year.
  const year = chinaToday().slice(0, 4);
  await settled(
    pc.db
      .collection(C.pointCaps)
      .doc(`hh-022|D06|${year}`)
      .set({ data: { count: 2 } }),
  );
  const page = await openAs('demo-villager', 'packages/points/record/record');
  await page.tap('#item-D06');
  pickPhotos(writePhoto('blood.png'));
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo is uploaded');
  const before = await records();
  await page.tap('#submit');
  await page.until((d) => d.submitting === false && d.error !== '', 'the refusal');
  expect(page.textOf('#error')).toMatch(/^\d+组\d+号「无偿献血」本期已达上限（2次）$/);
  expect(page.data.done).toBeNull();
  expect(await records()).toBe(before);

  // Text others will see passes WeChat's content check.
  await page.tap('#change-item');
  await page.tap('#item-D04');
  await page.dispatch('#note', 'input', { value: '看到有人在河边赌博' });
  await page.tap('#submit');
  await page.until((d) => d.submitting === false && d.error === '内容含有不适宜公开的信息，请修改后再提交', 'the content check refusal');
  expect(await records()).toBe(before);

  // A villager cannot record for households.
  const other = await openPage('packages/points/record/record', { query: { mode: 'households' } });
  expect(other.textOf('#state >>> #load-error')).toBe('只有网格长和村干部可以为农户记录积分');
  expect(toasts()).toContainEqual({ title: '只有网格长和村干部可以为农户记录积分', icon: 'none', duration: 2500 });
  expect(other.$('#submit')).toBeNull();
});

test('a submit that fails on a weak network keeps its key, so the retry records once', async () => {
  const page = await openAs('demo-head', 'packages/points/record/record');
  await page.tap('#item-D05');
  pickPhotos(writePhoto('help.png'));
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo is uploaded');
  const key = page.data.clientKey;

  await pc.stop();
  await page.tap('#submit');
  await page.until((d) => d.submitting === false && d.error !== '', 'the network failure');
  expect(page.textOf('#error')).toBe('网络不太好，请稍后再试');
  expect(page.textOf('#submit')).toBe('提交');

  await pc.restart();
  await page.tap('#submit');
  await page.until((d) => d.done !== null, 'the retry is answered');
  expect(page.data.clientKey).toBe(key);
  expect(await byKey(key)).toHaveLength(1);
});
