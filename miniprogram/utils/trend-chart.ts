// The 户主档案袋's monthly trend: one bar per month, up for points gained, down for points lost,
// month labels under the bars and each month's points beside its bar. A plain function of a
// canvas-like context, the data and the size, so it can be tested with a recording fake context;
// the page hands it the 2D context of its <canvas type="2d">.

/** What the drawing needs of a canvas 2D context (WeChat's CanvasRenderingContext2D has all of it). */
export interface ChartContext {
  fillStyle: string | object;
  strokeStyle: string | object;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

export interface TrendPoint {
  /** YYYY-MM. */
  month: string;
  points: number;
}

export interface ChartSize {
  /** CSS pixels (the page scales the context by the pixel ratio first). */
  width: number;
  height: number;
}

/** The design tokens of app.wxss a canvas cannot read: keep in step with --color-*. */
export const CHART_COLORS = {
  positive: '#1f7a4d', // --color-primary
  negative: '#b3261e', // --color-danger
  axis: '#d6dcd8', // --color-border
  label: '#5c6660', // --color-muted
};

export interface BarBox {
  month: string;
  points: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  /** The y of the zero line. */
  zeroY: number;
  bars: BarBox[];
}

const FONT = '13px sans-serif';
const PAD = { top: 24, bottom: 28, side: 6 };
/** Room under the bars for a negative month's label. */
const NEGATIVE_LABEL_ROOM = 18;
const MIN_BAR = 2;

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** Where each bar goes; bars of months with no points have no height. */
export function layoutTrend(data: readonly TrendPoint[], size: ChartSize): ChartLayout {
  const maxPos = Math.max(0, ...data.map((d) => d.points));
  const maxNeg = Math.max(0, ...data.map((d) => -d.points));
  const top = PAD.top;
  const bottom = size.height - PAD.bottom - (maxNeg > 0 ? NEGATIVE_LABEL_ROOM : 0);
  const plot = Math.max(0, bottom - top);
  const range = maxPos + maxNeg;
  const zeroY = range === 0 ? bottom : top + (plot * maxPos) / range;
  const slot = data.length ? (size.width - 2 * PAD.side) / data.length : 0;
  const width = Math.min(slot * 0.6, 32);
  const bars = data.map((d, i): BarBox => {
    const x = PAD.side + slot * i + (slot - width) / 2;
    const h = range === 0 || d.points === 0 ? 0 : Math.max(MIN_BAR, (plot * Math.abs(d.points)) / range);
    return { month: d.month, points: d.points, x, y: d.points > 0 ? zeroY - h : zeroY, width, height: h };
  });
  return { zeroY, bars };
}

/** Draws the chart and returns where the bars went. */
export function drawTrend(ctx: ChartContext, data: readonly TrendPoint[], size: ChartSize, colors = CHART_COLORS): ChartLayout {
  const layout = layoutTrend(data, size);
  ctx.clearRect(0, 0, size.width, size.height);

  ctx.strokeStyle = colors.axis;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD.side, layout.zeroY);
  ctx.lineTo(size.width - PAD.side, layout.zeroY);
  ctx.stroke();

  ctx.font = FONT;
  ctx.textAlign = 'center';
  for (const bar of layout.bars) {
    const center = bar.x + bar.width / 2;
    if (bar.points !== 0) {
      ctx.fillStyle = bar.points > 0 ? colors.positive : colors.negative;
      ctx.fillRect(bar.x, bar.y, bar.width, bar.height);
      ctx.textBaseline = bar.points > 0 ? 'bottom' : 'top';
      ctx.fillText(signed(bar.points), center, bar.points > 0 ? bar.y - 2 : bar.y + bar.height + 2);
    }
    ctx.fillStyle = colors.label;
    ctx.textBaseline = 'bottom';
    ctx.fillText(`${Number(bar.month.slice(5, 7))}月`, center, size.height - 4);
  }

  if (layout.bars.every((b) => b.points === 0)) {
    ctx.fillStyle = colors.label;
    ctx.textBaseline = 'middle';
    ctx.fillText('近12个月还没有积分', size.width / 2, (PAD.top + layout.zeroY) / 2);
  }
  return layout;
}
