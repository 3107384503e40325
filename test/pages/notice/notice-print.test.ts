// The printable notice (miniprogram/utils/print-layout.ts lays it out, notice-print.ts draws it) drawn on a recording fake of the canvas
// 2D context: what every page carries, wrapping of long item lists, pagination, and the formats of
// China time the notice pages use.
import { chinaMomentText, lastChinaMonth, monthTitle, periodText, previousMonthOf } from '../../../miniprogram/utils/notice-format';
import { drawPrint, drawPrintPage } from '../../../miniprogram/utils/notice-print';
import { itemText, layoutPrint, PRINT_PAGE, wrapItems, wrapText, type PrintNotice } from '../../../miniprogram/utils/print-layout';
import { printNotice as notice } from './print-notice';
import { RecordingContext } from './support';

type Line = PrintNotice['lines'][number];

const item = (itemName: string, points: number, day: number): Line['items'][number] => ({
  itemName,
  points,
  occurredOn: `2026-11-${String(day).padStart(2, '0')}`,
});

const NAMES = ['李长青', '王大山', '张秀英', '刘建国', '陈桂兰'];
function village(n: number, items: (i: number) => number = (i) => i % 4): Line[] {
  return Array.from({ length: n }, (_, i) => {
    const its = Array.from({ length: items(i) }, (_, k) => item(k % 2 ? '参加志愿服务、义务劳动' : '参加村民大会', k % 2 ? 5 : 2, k + 1));
    return {
      label: `${Math.floor(i / 7) + 1}组${(i % 7) + 1}号 ${NAMES[i % NAMES.length] ?? ''}`,
      total: its.reduce((s, x) => s + x.points, 0),
      items: its,
    };
  });
}

const NOW = Date.parse('2026-12-01T02:00:00Z');

describe('China time as the notice says it', () => {
  test('the closing moment is 24:00 of the last day, not 00:00 of the next', () => {
    expect(chinaMomentText('2026-12-05T16:00:00.000Z')).toBe('12月5日 24:00');
    expect(chinaMomentText('2026-12-05T16:00:00.000Z', true)).toBe('2026年12月5日 24:00');
    expect(chinaMomentText('2026-12-01T01:30:00.000Z')).toBe('12月1日 09:30');
    expect(periodText('2026-11-30T16:30:00.000Z', '2026-12-05T16:00:00.000Z')).toBe('2026年12月1日 至 2026年12月5日 24:00');
  });
  test('last month is the China one, whatever the phone zone', () => {
    // 23:30 on 30 November in China is still November there: last month is October.
    expect(lastChinaMonth(Date.parse('2026-11-30T15:30:00Z'))).toBe('2026-10');
    // 00:30 on 1 December in China, 16:30 UTC the day before: last month is November.
    expect(lastChinaMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-11');
    expect(previousMonthOf('2027-01')).toBe('2026-12');
    expect(monthTitle('2026-03')).toBe('2026年3月');
  });
});

describe('wrapping', () => {
  const ctx = new RecordingContext();
  ctx.font = '24px sans-serif';

  test('Chinese text breaks by character, never wider than the width', () => {
    const lines = wrapText(ctx, '对公示内容有异议的请在公示期内通过小程序提出', 240);
    expect(lines.join('')).toBe('对公示内容有异议的请在公示期内通过小程序提出');
    for (const l of lines) expect(ctx.measureText(l).width).toBeLessThanOrEqual(240);
    expect(lines[0]).toHaveLength(10);
  });

  test('closing punctuation stays with what it closes', () => {
    const lines = wrapText(ctx, '一二三四五六七八九十，好', 240);
    expect(lines[1]?.startsWith('，')).toBe(false);
  });

  test('items move whole to the next line; only an item wider than a line is broken', () => {
    const items = ['参加村民大会+2（1日）', '参加志愿服务、义务劳动+5（2日）', '垃圾分类做得好+2（3日）'];
    const lines = wrapItems(ctx, items, 720);
    expect(lines.join('')).toBe(items.join('；'));
    for (const l of lines) expect(ctx.measureText(l).width).toBeLessThanOrEqual(720);
    expect(lines).toEqual(['参加村民大会+2（1日）；参加志愿服务、义务劳动+5（2日）；', '垃圾分类做得好+2（3日）']);
    const long = wrapItems(ctx, ['很'.repeat(40)], 240);
    expect(long.join('')).toBe('很'.repeat(40));
    expect(long).toHaveLength(4);
  });

  test('an item says its name, signed points and day', () => {
    expect(itemText(item('乱扔垃圾、乱倒污水', -3, 7))).toBe('乱扔垃圾、乱倒污水-3（7日）');
    expect(itemText(item('参加村民大会', 2, 30))).toBe('参加村民大会+2（30日）');
  });
});

describe('pages', () => {
  test('every page: title, period, figures, table head, footer and its number', async () => {
    const ctx = new RecordingContext();
    const perPage: string[][] = [];
    const layout = await drawPrint(
      ctx,
      notice(village(150)),
      async () => {
        perPage.push(ctx.texts().map((t) => t.text));
        ctx.ops = [];
      },
      { now: NOW },
    );
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(perPage).toHaveLength(layout.pages.length);
    perPage.forEach((texts, i) => {
      expect(texts[0]).toBe(i === 0 ? '和美村2026年11月积分公示' : '和美村2026年11月积分公示（续）');
      expect(texts).toContain('公示期：2026年12月1日 至 2026年12月5日 24:00（北京时间）');
      expect(texts.some((t) => t.startsWith('共 150 户，本月合计'))).toBe(true);
      expect(texts).toContain('户号 户主');
      expect(texts).toContain('对公示内容有异议的，请在公示期内通过“和美村”小程序提出，或向村两委当面反映。');
      expect(texts).toContain('和美村村民委员会　2026年12月1日打印');
      expect(texts).toContain(`第 ${i + 1} / ${layout.pages.length} 页`);
    });
  });

  test('every household is printed once, with its total and every item, in the notice order', () => {
    const lines = village(150);
    const ctx = new RecordingContext();
    const layout = layoutPrint(ctx, notice(lines), { now: NOW });
    const rows = layout.pages.flatMap((p) => p.rows);
    expect(rows.map((r) => r.index)).toEqual(lines.map((_, i) => i));
    rows.forEach((r) => {
      const line = lines[r.index];
      expect(r.label.join('')).toBe(line?.label);
      expect(r.total).toBe(line && line.total > 0 ? `+${line.total}` : '0');
      expect(r.items.join('')).toBe(line?.items.length ? line.items.map(itemText).join('；') : '本月无积分记录');
    });
  });

  test('rows stay between the table head and the footer, none overlapping', () => {
    const ctx = new RecordingContext();
    const layout = layoutPrint(ctx, notice(village(150, (i) => (i * 7) % 9)), { now: NOW });
    for (const page of layout.pages) {
      let y = 0;
      for (const r of page.rows) {
        expect(r.y).toBeGreaterThanOrEqual(y);
        y = r.y + r.height;
      }
      expect(y).toBeLessThanOrEqual(PRINT_PAGE.height - 72 - 110);
    }
  });

  test('a household that does not fit what is left of a page starts the next one, whole', () => {
    const lines = village(40, (i) => (i === 20 ? 30 : 1));
    const layout = layoutPrint(new RecordingContext(), notice(lines), { now: NOW });
    const pagesOf = (index: number): number[] => layout.pages.flatMap((p, n) => (p.rows.some((r) => r.index === index) ? [n] : []));
    for (let i = 0; i < lines.length; i++) expect(pagesOf(i)).toHaveLength(1);
  });

  test('only a household taller than a page is split, its continuation marked（续）', () => {
    const lines = village(5, (i) => (i === 2 ? 300 : 2));
    const layout = layoutPrint(new RecordingContext(), notice(lines), { now: NOW });
    const parts = layout.pages.flatMap((p) => p.rows.filter((r) => r.index === 2));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.continued).toBe(false);
    expect(parts.slice(1).every((p) => p.continued && p.label.join('').endsWith('（续）'))).toBe(true);
    expect(parts.flatMap((p) => p.items).join('')).toBe(lines[2]?.items.map(itemText).join('；'));
    // The total is printed once, on the first part.
    const ctx = new RecordingContext();
    const totals: string[] = [];
    layout.pages.forEach((_, i) => {
      ctx.ops = [];
      drawPrintPage(ctx, layout, i);
      totals.push(
        ...ctx
          .texts()
          .filter((t) => t.text === `+${lines[2]?.total ?? 0}`)
          .map((t) => t.text),
      );
    });
    expect(totals).toHaveLength(1);
  });

  test('a settled, corrected notice says so; an empty one is one page', () => {
    const ctx = new RecordingContext();
    const layout = layoutPrint(
      ctx,
      notice(village(3), { status: 'settled', open: false, settledAt: '2026-12-06T01:00:00.000Z', version: 2 }),
      { now: NOW },
    );
    expect(layout.figures).toContain('已结算（2026年12月6日）');
    expect(layout.figures).toContain('第2版（已按异议更正）');
    const empty = layoutPrint(ctx, notice([]), { now: NOW });
    expect(empty.pages).toEqual([{ rows: [] }]);
  });

  test('draws on white paper, amounts in the colours of gain and loss, text from the top', () => {
    const ctx = new RecordingContext();
    const lines = [
      { label: '1组1号 李长青', total: 5, items: [item('参加志愿服务、义务劳动', 5, 3)] },
      { label: '1组2号 王大山', total: -3, items: [item('乱扔垃圾、乱倒污水', -3, 4)] },
    ];
    const layout = layoutPrint(ctx, notice(lines), { now: NOW });
    ctx.ops = [];
    drawPrintPage(ctx, layout, 0);
    expect(ctx.rects()[0]).toEqual({ op: 'fillRect', x: 0, y: 0, w: PRINT_PAGE.width, h: PRINT_PAGE.height, fill: '#ffffff' });
    const text = (s: string) => ctx.texts().find((t) => t.text === s);
    expect(text('+5')?.fill).toBe('#1f7a4d');
    expect(text('-3')?.fill).toBe('#b3261e');
    expect(ctx.texts().every((t) => t.baseline === 'top')).toBe(true);
    expect(ctx.texts().every((t) => t.font.endsWith('px sans-serif'))).toBe(true);
    for (const t of ctx.texts()) {
      const w = RecordingContext.width(t.text, t.font);
      const left = t.align === 'center' ? t.x - w / 2 : t.align === 'right' ? t.x - w : t.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(PRINT_PAGE.width);
    }
  });
});
