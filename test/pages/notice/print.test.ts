// 打印张贴 tapped through with the demo village's last month: the notice drawn page by page on the
// page's <canvas type="2d"> (a recording context), exported as A4 images with every household, total
// and item on them, saved to the album, previewed; the album refused; a phone without the canvas.
import { monthTitle } from '../../../miniprogram/utils/notice-format';
import { itemText, PRINT_PAGE } from '../../../miniprogram/utils/print-layout';
import { openAs } from '../support/page';
import { toasts } from '../support/wx';
import { denyAlbum, exported, modals, previews, saved, settingsOpened, shiftMonth, useNoticeCloud, withoutCanvas } from './support';
import { TEST_MONTH } from '../../support/clock';

const { api } = useNoticeCloud();
const lastMonth = shiftMonth(TEST_MONTH, -1);
const VILLAGER = 'demo-villager';

test('a villager makes the A4 pages of last month’s notice, saves them and previews them', async () => {
  const { notice } = await api().ok(VILLAGER, 'notice', 'get', { month: lastMonth });
  const page = await openAs(VILLAGER, 'packages/notice/print/print', { query: { month: lastMonth } });
  expect(page.textOf('#print-title')).toBe(`和美村${monthTitle(lastMonth)}积分公示`);
  expect(page.$('#pages')).toBeNull();

  await page.tap('#print-make');
  await page.until((d) => d.making === false, 'the pages to be made');
  const pages = exported();
  expect(pages.length).toBeGreaterThan(1);
  expect(page.data.pages).toEqual(pages.map((p) => p.tempFilePath));
  expect(page.textOf('#result')).toBe(`已生成 ${pages.length} 页 A4 图片。保存到相册后可以打印，张贴到村务公开栏。`);
  expect(page.textsOf('.thumb')).toHaveLength(pages.length);
  for (const [i, p] of pages.entries()) {
    expect([p.width, p.height]).toEqual([PRINT_PAGE.width, PRINT_PAGE.height]);
    expect(p.texts[0]).toBe(`和美村${monthTitle(lastMonth)}积分公示${i ? '（续）' : ''}`);
    expect(p.texts.some((t) => t.startsWith('公示期：'))).toBe(true);
    expect(p.texts).toContain(`第 ${i + 1} / ${pages.length} 页`);
    expect(p.texts.some((t) => t.startsWith('和美村村民委员会'))).toBe(true);
  }
  // Every household, its total and its items are on the pages.
  const all = pages.flatMap((p) => p.texts).join('');
  for (const l of notice.lines) {
    expect(all).toContain(l.label);
    for (const it of l.items) expect(all).toContain(itemText(it));
  }
  expect(all).toContain(`共 150 户，本月合计 ${notice.totalPoints} 分 · 已结算`);

  await page.tap('#print-save');
  await page.until((d) => d.saving === false && d.result !== '' && String(d.result).includes('保存'), 'saving');
  expect(saved()).toEqual(page.data.pages);
  expect(page.textOf('#result')).toBe(`已保存 ${pages.length} 张图片到手机相册，可以拿到打印店打印。`);
  expect(toasts()).toContainEqual({ title: '已保存到相册', icon: 'success', duration: 1500 });

  await page.tap('#print-preview');
  await page.tap('#page-1');
  const urls = pages.map((p) => p.tempFilePath);
  expect(previews()).toEqual([
    { urls, current: urls[0] },
    { urls, current: urls[1] },
  ]);
});

test('when the album is refused, the villager is told how to allow it', async () => {
  const page = await openAs(VILLAGER, 'packages/notice/print/print', { query: { month: lastMonth } });
  await page.tap('#print-make');
  await page.until((d) => d.making === false, 'the pages');
  denyAlbum(true);
  await page.tap('#print-save');
  await page.until((d) => d.saving === false && d.result !== '' && !String(d.result).startsWith('已生成'), 'the refusal');
  expect(page.textOf('#result')).toBe('没有保存到相册。');
  expect(modals()).toEqual([{ title: '需要相册权限', content: '请在设置里允许“保存到相册”，然后再点一次“保存到相册”。' }]);
  await page.until(() => settingsOpened() === 1, 'the settings to open');
  expect(saved()).toEqual([]);
});

test('a phone without the 2D canvas says so instead of failing silently', async () => {
  withoutCanvas();
  const page = await openAs(VILLAGER, 'packages/notice/print/print', { query: { month: lastMonth } });
  await page.tap('#print-make');
  await page.until((d) => d.making === false, 'the attempt');
  expect(page.textOf('#result')).toBe('图片没有生成成功。请把微信更新到最新版本后再试。');
  expect(exported()).toEqual([]);
  expect(page.$('#pages')).toBeNull();
});

test('without a month, or outside the village, there is nothing to print', async () => {
  const none = await openAs(VILLAGER, 'packages/notice/print/print');
  expect(none.textOf('#not-found')).toContain('没有可以打印的公示');
  const stranger = await openAs('o-stranger', 'packages/notice/print/print', { query: { month: lastMonth } });
  expect(stranger.textOf('#join-prompt')).toContain('您还没有加入村庄');
});
