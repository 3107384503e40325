// The printable notice for the village notice board (村务公开栏): the layout of print-layout.ts drawn
// as A4 portrait pages that the page turns into PNG files with wx.canvasToTempFilePath to save to the
// album or preview and print.
//
// Each page has: the title (village name, month), the notice period in China time, the state and
// the figures of the month; a table of every household line (household, month total, its items
// with points and day, wrapped onto as many lines as they need); and a footer with how to object,
// the date it was made and "第 n / N 页". A plain function of a minimal 2D context, so that tests can
// record what it draws.
import {
  BODY,
  COL,
  FIGURES_Y,
  font,
  HEAD_Y,
  LINE,
  layoutPrint,
  M,
  PAD,
  PERIOD_Y,
  PRINT_COLORS,
  PRINT_PAGE,
  RULE_Y,
  SUB,
  TABLE_BOTTOM,
  TABLE_HEAD,
  TITLE,
  TITLE_Y,
  type PrintContext,
  type PrintLayout,
  type PrintNotice,
  type PrintOptions,
} from './print-layout';

function text(
  ctx: PrintContext,
  s: string,
  x: number,
  y: number,
  opts: { size: number; bold?: boolean; color?: string; align?: 'left' | 'center' | 'right' },
): void {
  ctx.font = font(opts.size, opts.bold);
  ctx.fillStyle = opts.color ?? PRINT_COLORS.text;
  ctx.textAlign = opts.align ?? 'left';
  ctx.fillText(s, x, y);
}

/** Draws page `index` (0-based) of the layout on the whole context (PRINT_PAGE in size). */
export function drawPrintPage(ctx: PrintContext, layout: PrintLayout, index: number): void {
  const { width, height } = PRINT_PAGE;
  const page = layout.pages[index];
  ctx.textBaseline = 'top';
  ctx.fillStyle = PRINT_COLORS.paper;
  ctx.fillRect(0, 0, width, height);

  // Heading: title, period, figures; a rule under them.
  text(ctx, index === 0 ? layout.title : `${layout.title}（续）`, width / 2, TITLE_Y, { size: TITLE, bold: true, align: 'center' });
  text(ctx, layout.period, width / 2, PERIOD_Y, { size: SUB, align: 'center' });
  text(ctx, layout.figures, width / 2, FIGURES_Y, { size: SUB, color: PRINT_COLORS.muted, align: 'center' });
  ctx.fillStyle = PRINT_COLORS.primary;
  ctx.fillRect(M, RULE_Y, width - 2 * M, 4);

  // Table head.
  ctx.fillStyle = PRINT_COLORS.head;
  ctx.fillRect(M, HEAD_Y, width - 2 * M, TABLE_HEAD);
  const xTotal = M + COL.label;
  const xItems = xTotal + COL.total;
  const headText = HEAD_Y + (TABLE_HEAD - BODY) / 2;
  text(ctx, '户号 户主', M + PAD, headText, { size: BODY, bold: true, color: PRINT_COLORS.primary });
  text(ctx, '本月积分', xTotal + COL.total / 2, headText, { size: BODY, bold: true, color: PRINT_COLORS.primary, align: 'center' });
  text(ctx, '积分明细：项目、分值（日期）', xItems + PAD, headText, { size: BODY, bold: true, color: PRINT_COLORS.primary });

  for (const row of page?.rows ?? []) {
    if (row.index % 2 === 1) {
      ctx.fillStyle = PRINT_COLORS.zebra;
      ctx.fillRect(M, row.y, width - 2 * M, row.height);
    }
    const top = row.y + PAD + (LINE - BODY) / 2;
    for (const [i, l] of row.label.entries()) text(ctx, l, M + PAD, top + i * LINE, { size: BODY, bold: !row.continued });
    if (!row.continued)
      text(ctx, row.total, xTotal + COL.total / 2, top, { size: BODY, bold: true, color: row.totalColor, align: 'center' });
    for (const [i, l] of row.items.entries()) text(ctx, l, xItems + PAD, top + i * LINE, { size: BODY, color: PRINT_COLORS.text });
    ctx.fillStyle = PRINT_COLORS.rule;
    ctx.fillRect(M, row.y + row.height - 2, width - 2 * M, 2);
  }

  // Footer: how to object, who and when, the page number.
  const footY = TABLE_BOTTOM + 24;
  ctx.fillStyle = PRINT_COLORS.primary;
  ctx.fillRect(M, TABLE_BOTTOM + 8, width - 2 * M, 2);
  for (const [i, l] of layout.footer.entries()) {
    text(ctx, l, M, footY + i * (SUB + 14), { size: SUB, color: i === 0 ? PRINT_COLORS.text : PRINT_COLORS.muted });
  }
  text(ctx, `第 ${index + 1} / ${layout.pages.length} 页`, width - M, footY + SUB + 14, {
    size: SUB,
    color: PRINT_COLORS.muted,
    align: 'right',
  });
}

/** Lays out and draws every page in turn, handing each to `done` (e.g. to export it) before the next. */
export async function drawPrint(
  ctx: PrintContext,
  notice: PrintNotice,
  done: (page: number, pages: number) => Promise<void>,
  opts: PrintOptions = {},
): Promise<PrintLayout> {
  const layout = layoutPrint(ctx, notice, opts);
  for (let i = 0; i < layout.pages.length; i++) {
    drawPrintPage(ctx, layout, i);
    await done(i, layout.pages.length);
  }
  return layout;
}
