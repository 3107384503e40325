// Flow: recording one item for 3 households of one grid, item first, counted in taps — and the first
// screen of 首页 for the people who use it most: a villager's points, a cadre's pending reviews, in
// standard mode and in 关怀模式.
import type { PageHandle } from '../support/page';
import { usePhone } from './phone';

const phone = usePhone();

/** Taps as a person makes them, counted. */
function counter(): { tap: (page: PageHandle, selector: string) => Promise<void>; count: () => number } {
  let n = 0;
  return {
    async tap(page, selector) {
      n += 1;
      await page.tap(selector);
    },
    count: () => n,
  };
}

const THREE = ['hh-101', 'hh-102', 'hh-103'];

test('a cadre records 按时参加村民大会 for 3 households of 第三网格 in 6 taps', async () => {
  const home = await phone.as('demo-cadre-1');
  const record = await phone.tapTo(home, '#entry-record');
  const taps = counter();
  await taps.tap(record, '#item-A01');
  // The date and the photo come right below the item, before the households.
  expect(record.$('#date')).not.toBeNull();
  expect(record.$('#add-photo')).not.toBeNull();
  expect(record.data.missing).toBe('请选择要记录的农户');
  await taps.tap(record, '#grid-open-grid-3');
  for (const id of THREE) await taps.tap(record, `#hh-${id}`);
  expect(record.textOf('#summary')).toBe('已选 3 户 · 按时参加党员活动日或村民大会 +2分');
  expect(record.data.missing).toBe('');
  await taps.tap(record, '#submit');
  await record.until((d) => d.done !== null || d.error !== '', 'the record to be answered');
  expect(record.textOf('#done')).toBe('已为3户记录「按时参加党员活动日或村民大会」，已生效');
  expect(taps.count()).toBeLessThanOrEqual(6);

  // Next time the same households are one tap away each, on top, as recent choices.
  await record.tap('#again');
  await record.tap('#item-A02');
  expect(record.textsOf('.chip')).toHaveLength(3);
  for (const id of THREE) await record.tap(`#recent-${id}`);
  expect(record.textOf('#picked-count')).toBe('已选 3 户');
});

test('a link that names the item opens the record with it picked', async () => {
  await phone.as('demo-grid-1');
  const record = await phone.open('/packages/points/record/record?mode=households&item=A01');
  expect(record.textOf('#chosen')).toBe('已选：按时参加党员活动日或村民大会 +2分');
  expect(record.$('#items')).toBeNull();
});

describe('首页 shows what each came for on the first screen', () => {
  for (const care of [false, true]) {
    const mode = care ? '关怀模式' : '标准';
    test(`a villager reaches their points (${mode})`, async () => {
      if (care) wx.setStorageSync('hm.careMode', 'on');
      const home = await phone.as('demo-villager');
      expect(String(home.data.careClass).includes('care')).toBe(care);
      // The household's points are the first card: one tap opens the archive.
      expect(home.textOf('#points-available')).toMatch(/^\d+分$/);
      expect(home.$('#waiting')).toBeNull();
      const archive = await phone.tapTo(home, '#entry-archive');
      expect(archive.route).toBe('packages/points/archive/archive');
      expect(archive.textOf('#available')).toMatch(/^-?\d+$/);
    });

    test(`a cadre reaches their pending reviews (${mode})`, async () => {
      if (care) wx.setStorageSync('hm.careMode', 'on');
      const home = await phone.as('demo-cadre-1');
      // The workbench comes before the household's points, with the count on the badge.
      expect(home.textOf('#waiting .block-title')).toBe('等我办的');
      const badge = home.textOf('#entry-review');
      expect(badge).toMatch(/^\d+积分审核$/);
      const waiting = home.$('#waiting');
      const points = home.$('#entry-archive');
      if (waiting && points) expect(waiting.compareDocumentPosition(points) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      const review = await phone.tapTo(home, '#entry-review');
      expect(review.route).toBe('packages/points/review/review');
      expect(review.textsOf('.rec').length).toBe(Number(badge.replace(/\D/g, '')));
    });
  }
});
