// The 户主档案袋's trend chart, drawn on a recording fake of the canvas 2D context.
import { CHART_COLORS, drawTrend, layoutTrend, type ChartContext, type TrendPoint } from '../../../miniprogram/utils/trend-chart';

interface RectOp {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

type Op =
  | ({ op: 'fillRect' } & RectOp)
  | ({ op: 'clearRect' } & RectOp)
  | { op: 'fillText'; text: string; x: number; y: number; fill: string; align: string; baseline: string; font: string }
  | { op: 'moveTo' | 'lineTo'; x: number; y: number }
  | { op: 'beginPath' | 'stroke'; stroke: string };

class RecordingContext implements ChartContext {
  fillStyle: string | object = '#000';
  strokeStyle: string | object = '#000';
  lineWidth = 1;
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  readonly ops: Op[] = [];
  private color(v: string | object): string {
    return typeof v === 'string' ? v : 'pattern';
  }
  clearRect(x: number, y: number, w: number, h: number): void {
    this.ops.push({ op: 'clearRect', x, y, w, h, fill: this.color(this.fillStyle) });
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.ops.push({ op: 'fillRect', x, y, w, h, fill: this.color(this.fillStyle) });
  }
  fillText(text: string, x: number, y: number): void {
    this.ops.push({
      op: 'fillText',
      text,
      x,
      y,
      fill: this.color(this.fillStyle),
      align: this.textAlign,
      baseline: this.textBaseline,
      font: this.font,
    });
  }
  beginPath(): void {
    this.ops.push({ op: 'beginPath', stroke: this.color(this.strokeStyle) });
  }
  moveTo(x: number, y: number): void {
    this.ops.push({ op: 'moveTo', x, y });
  }
  lineTo(x: number, y: number): void {
    this.ops.push({ op: 'lineTo', x, y });
  }
  stroke(): void {
    this.ops.push({ op: 'stroke', stroke: this.color(this.strokeStyle) });
  }
  rects(): Extract<Op, { op: 'fillRect' }>[] {
    return this.ops.flatMap((o) => (o.op === 'fillRect' ? [o] : []));
  }
  texts(): Extract<Op, { op: 'fillText' }>[] {
    return this.ops.flatMap((o) => (o.op === 'fillText' ? [o] : []));
  }
}

const months = (points: number[]): TrendPoint[] =>
  points.map((p, i) => ({ month: `${i < 2 ? 2025 : 2026}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`, points: p }));
const SIZE = { width: 330, height: 180 };

test('positive months rise from the zero line in green, negative ones hang below it in red', () => {
  const data = months([0, 12, 5, -10, 0, 0, 8, 0, 3, 0, 20, -4]);
  const ctx = new RecordingContext();
  const layout = drawTrend(ctx, data, SIZE);

  expect(ctx.ops[0]).toEqual({ op: 'clearRect', x: 0, y: 0, w: 330, h: 180, fill: '#000' });
  const bars = ctx.rects();
  expect(bars).toHaveLength(7); // one per month with points
  for (const bar of bars) {
    const month = layout.bars.find((b) => b.x === bar.x);
    expect(month).toBeDefined();
    if (!month) continue;
    if (month.points > 0) {
      expect(bar.fill).toBe(CHART_COLORS.positive);
      expect(bar.y + bar.h).toBeCloseTo(layout.zeroY); // stands on the zero line
    } else {
      expect(bar.fill).toBe(CHART_COLORS.negative);
      expect(bar.y).toBeCloseTo(layout.zeroY); // hangs from it
    }
  }
  // Heights are proportional to the points: 20 is twice 10.
  const h = (p: number): number => layout.bars.find((b) => b.points === p)?.height ?? NaN;
  expect(h(20) / h(-10)).toBeCloseTo(2);
  expect(h(12) / h(3)).toBeCloseTo(4);
  // The tallest bar reaches the top padding, the deepest stays above the month labels.
  expect(Math.min(...bars.map((b) => b.y))).toBeGreaterThanOrEqual(0);
  expect(Math.max(...bars.map((b) => b.y + b.h))).toBeLessThan(SIZE.height - 13);
  // Bars stay inside the canvas and do not overlap.
  const xs = layout.bars.map((b) => b.x);
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  for (let i = 1; i < layout.bars.length; i++) {
    const prev = layout.bars[i - 1];
    const cur = layout.bars[i];
    if (prev && cur) expect(cur.x).toBeGreaterThan(prev.x + prev.width);
  }
  expect(Math.max(...layout.bars.map((b) => b.x + b.width))).toBeLessThanOrEqual(SIZE.width);
});

test('every month is labelled under its bar, and each month with points has its value', () => {
  const data = months([0, 12, 5, -10, 0, 0, 8, 0, 3, 0, 20, -4]);
  const ctx = new RecordingContext();
  drawTrend(ctx, data, SIZE);
  const texts = ctx.texts();
  const labels = texts.filter((t) => t.text.endsWith('月'));
  expect(labels.map((t) => t.text)).toEqual(['11月', '12月', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月']);
  for (const l of labels) {
    expect(l.fill).toBe(CHART_COLORS.label);
    expect(l.align).toBe('center');
    expect(l.y).toBeGreaterThan(SIZE.height - 20);
  }
  const values = texts.filter((t) => !t.text.endsWith('月'));
  expect(values.map((t) => t.text)).toEqual(['+12', '+5', '-10', '+8', '+3', '+20', '-4']);
  expect(values.find((t) => t.text === '-10')?.fill).toBe(CHART_COLORS.negative);
  expect(values.find((t) => t.text === '+20')?.fill).toBe(CHART_COLORS.positive);
  // Readable: no text smaller than 12px.
  for (const t of texts) expect(Number(/(\d+)px/.exec(t.font)?.[1])).toBeGreaterThanOrEqual(12);
});

test('a zero line is drawn across the chart', () => {
  const ctx = new RecordingContext();
  const layout = drawTrend(ctx, months([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -3]), SIZE);
  const i = ctx.ops.findIndex((o) => o.op === 'beginPath');
  expect(ctx.ops.slice(i, i + 4)).toEqual([
    { op: 'beginPath', stroke: CHART_COLORS.axis },
    { op: 'moveTo', x: 6, y: layout.zeroY },
    { op: 'lineTo', x: 324, y: layout.zeroY },
    { op: 'stroke', stroke: CHART_COLORS.axis },
  ]);
  // Equal gains and losses: the zero line sits midway in the plot.
  expect(layout.bars[0]?.height).toBeCloseTo(layout.bars[11]?.height ?? NaN);
});

test('only gains: the zero line is at the bottom; a year without points says so', () => {
  const up = layoutTrend(months([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), SIZE);
  expect(up.zeroY).toBe(SIZE.height - 28);
  expect(up.bars.every((b) => b.y + b.height === up.zeroY)).toBe(true);

  const ctx = new RecordingContext();
  const layout = drawTrend(ctx, months(Array.from({ length: 12 }, () => 0)), SIZE);
  expect(ctx.rects()).toEqual([]);
  expect(layout.bars.every((b) => b.height === 0)).toBe(true);
  expect(ctx.texts().map((t) => t.text)).toContain('近12个月还没有积分');
});

test('a tiny month next to a big one is still visible', () => {
  const layout = layoutTrend(months([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000]), SIZE);
  expect(layout.bars[0]?.height).toBeGreaterThanOrEqual(2);
});

test('no data draws nothing but the axis', () => {
  const ctx = new RecordingContext();
  const layout = drawTrend(ctx, [], SIZE);
  expect(layout.bars).toEqual([]);
  expect(ctx.rects()).toEqual([]);
});
