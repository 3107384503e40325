// The printable notice for the village notice board (村务公开栏): the month's notice drawn as A4
// portrait pages, each a 1240 × 1754 px image (A4 at 150 dpi, 1 : 1.414), that the page turns into
// PNG files with wx.canvasToTempFilePath to save to the album or preview and print.
//
// Each page has: the title (village name, month), the notice period in China time, the state and
// the figures of the month; a table of every household line (household, month total, its items
// with points and day, wrapped onto as many lines as they need); and a footer with how to object,
// the date it was made and "第 n / N 页".
//
// Pagination: households are never split between pages — a line that does not fit in what is left
// of a page starts the next page, under the table header repeated. Only a line taller than a whole
// page (a household with very many items) is split, at a line of text, and its continuation is
// marked "（续）". So a notice of any length prints, a village of 150 households in a few pages.
//
// Text is drawn with the device's own fonts ("sans-serif": PingFang on iPhones, the system's CJK
// font on Android, WenQuanYi or Noto on Linux); widths are measured with the context, so wrapping
// follows the font actually used. A plain function of a minimal 2D context, so that tests can
// record what it draws.
import type { NoticeView } from '../../typings/index';
import { chinaDate, dateText } from './china-time';
import { monthTitle, periodText, stateText } from './notice-format';
import { pointsText } from './points-format';

/** What the drawing needs of a canvas 2D context (WeChat's and the browser's have all of it). */
export interface PrintContext {
  fillStyle: string | object;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** The notice as the print needs it (a NoticeView has all of it). */
export type PrintNotice = Pick<
  NoticeView,
  'villageName' | 'month' | 'status' | 'open' | 'closesAt' | 'publishedAt' | 'settledAt' | 'households' | 'totalPoints' | 'version'
> & {
  lines: { label: string; total: number; items: { itemName: string; points: number; occurredOn: string }[] }[];
};

/** A4 portrait at 150 dpi. */
export const PRINT_PAGE = { width: 1240, height: 1754 } as const;

export const PRINT_COLORS = {
  paper: '#ffffff',
  text: '#1d2320',
  muted: '#5c6660',
  primary: '#1f7a4d',
  danger: '#b3261e',
  rule: '#d6dcd8',
  head: '#e3f1e9',
  zebra: '#f5f6f4',
};

const FONT_FAMILY = 'sans-serif';
const font = (px: number, bold = false): string => `${bold ? 'bold ' : ''}${px}px ${FONT_FAMILY}`;

const M = 72; // page margin
const TITLE = 52;
const SUB = 26;
const BODY = 24;
const LINE = 32; // line height of the table's text
const PAD = 8; // padding above and below a table row, and beside a cell's text
const COL = { label: 250, total: 110 };
const TITLE_Y = M;
const PERIOD_Y = TITLE_Y + TITLE + 20;
const FIGURES_Y = PERIOD_Y + SUB + 12;
const RULE_Y = FIGURES_Y + SUB + 20;
const TABLE_HEAD = 48;
const HEAD_Y = RULE_Y + 12;
/** Room for rows on a page, from the table's first row to the footer. */
const TABLE_TOP = HEAD_Y + TABLE_HEAD;
const FOOTER_HEIGHT = 110;
const TABLE_BOTTOM = PRINT_PAGE.height - M - FOOTER_HEIGHT;

export interface PrintRow {
  /** Index of the household line in the notice. */
  index: number;
  label: string[];
  total: string;
  totalColor: string;
  items: string[];
  /** A continuation of a household split over pages. */
  continued: boolean;
  y: number;
  height: number;
}

export interface PrintPage {
  rows: PrintRow[];
}

export interface PrintLayout {
  title: string;
  period: string;
  figures: string;
  footer: string[];
  pages: PrintPage[];
}

export interface PrintOptions {
  /** When it is printed (the footer's date), ms since the epoch. */
  now?: number;
}

/** Splits `text` into lines no wider than `width` in the context's current font (by character: Chinese has no spaces). */
export function wrapText(ctx: PrintContext, text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of Array.from(text)) {
    if (current && ctx.measureText(current + ch).width > width) {
      // Keep closing punctuation with what it closes rather than at a line's start.
      if (/^[，。；、）」』：！？]$/.test(ch) && current.length > 1) {
        lines.push(current.slice(0, -1));
        current = current.slice(-1);
      } else {
        lines.push(current);
        current = '';
      }
    }
    current += ch;
  }
  if (current || !lines.length) lines.push(current);
  return lines;
}

/**
 * Items joined by "；", wrapped into lines of `width`: an item moves whole to the next line when it
 * does not fit after others, and only an item wider than a line is broken.
 */
export function wrapItems(ctx: PrintContext, items: string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const [i, item] of items.entries()) {
    const token = i < items.length - 1 ? `${item}；` : item;
    if (current && ctx.measureText(current + token).width > width) {
      lines.push(current);
      current = '';
    }
    if (ctx.measureText(token).width > width) {
      const parts = wrapText(ctx, current + token, width);
      lines.push(...parts.slice(0, -1));
      current = parts[parts.length - 1] ?? '';
    } else {
      current += token;
    }
  }
  if (current || !lines.length) lines.push(current);
  return lines;
}

/** "参加村民大会+2（3日）". */
export function itemText(item: { itemName: string; points: number; occurredOn: string }): string {
  return `${item.itemName}${pointsText(item.points)}（${Number(item.occurredOn.slice(8, 10))}日）`;
}

function itemsWidth(): number {
  return PRINT_PAGE.width - 2 * M - COL.label - COL.total - 2 * PAD;
}

/** Lays the notice out on pages (measuring text with the context); draws nothing. */
export function layoutPrint(ctx: PrintContext, notice: PrintNotice, opts: PrintOptions = {}): PrintLayout {
  const now = opts.now ?? Date.now();
  ctx.font = font(BODY);
  const pages: PrintPage[] = [{ rows: [] }];
  let y = TABLE_TOP;
  const maxLines = Math.floor((TABLE_BOTTOM - TABLE_TOP - 2 * PAD) / LINE);
  const newPage = (): void => {
    pages.push({ rows: [] });
    y = TABLE_TOP;
  };
  for (const [index, line] of notice.lines.entries()) {
    const label = wrapText(ctx, line.label, COL.label - 2 * PAD);
    const labelContinued = wrapText(ctx, `${line.label}（续）`, COL.label - 2 * PAD);
    const items = line.items.length ? wrapItems(ctx, line.items.map(itemText), itemsWidth()) : ['本月无积分记录'];
    const total = line.total === 0 ? '0' : pointsText(line.total);
    const totalColor = line.total > 0 ? PRINT_COLORS.primary : line.total < 0 ? PRINT_COLORS.danger : PRINT_COLORS.muted;
    let rest = items;
    let continued = false;
    for (;;) {
      const shown = continued ? labelContinued : label;
      const needed = Math.max(shown.length, rest.length);
      const rows = pages[pages.length - 1]?.rows ?? [];
      if (y + needed * LINE + 2 * PAD <= TABLE_BOTTOM) {
        rows.push({ index, label: shown, total, totalColor, items: rest, continued, y, height: needed * LINE + 2 * PAD });
        y += needed * LINE + 2 * PAD;
        break;
      }
      const room = Math.floor((TABLE_BOTTOM - y - 2 * PAD) / LINE);
      // A household that fits on a page of its own starts the next page; a taller one is split
      // where it is (unless hardly anything of it would fit here).
      if (rows.length && (needed <= maxLines || room < 3)) {
        newPage();
        continue;
      }
      const take = Math.max(1, room);
      const label2 = shown.slice(0, take);
      const items2 = rest.slice(0, take);
      const h = Math.max(label2.length, items2.length) * LINE + 2 * PAD;
      rows.push({ index, label: label2, total, totalColor, items: items2, continued, y, height: h });
      rest = rest.slice(take);
      continued = true;
      newPage();
      if (!rest.length) break;
    }
  }
  if (pages.length > 1 && !pages[pages.length - 1]?.rows.length) pages.pop();
  const state = stateText(notice.status === 'settled' ? 'settled' : notice.open ? 'open' : 'closed');
  const settled = notice.settledAt ? `（${dateText(chinaDate(Date.parse(notice.settledAt)))}）` : '';
  return {
    title: `${notice.villageName}${monthTitle(notice.month)}积分公示`,
    period: `公示期：${periodText(notice.publishedAt, notice.closesAt)}（北京时间）`,
    figures: `共 ${notice.households} 户，本月合计 ${notice.totalPoints} 分 · ${state}${notice.status === 'settled' ? settled : ''}${notice.version > 1 ? ` · 第${notice.version}版（已按异议更正）` : ''}`,
    footer: [
      '对公示内容有异议的，请在公示期内通过“和美村”小程序提出，或向村两委当面反映。',
      `${notice.villageName}村民委员会　${dateText(chinaDate(now))}打印`,
    ],
    pages,
  };
}

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
    row.label.forEach((l, i) => text(ctx, l, M + PAD, top + i * LINE, { size: BODY, bold: !row.continued }));
    if (!row.continued)
      text(ctx, row.total, xTotal + COL.total / 2, top, { size: BODY, bold: true, color: row.totalColor, align: 'center' });
    row.items.forEach((l, i) => text(ctx, l, xItems + PAD, top + i * LINE, { size: BODY, color: PRINT_COLORS.text }));
    ctx.fillStyle = PRINT_COLORS.rule;
    ctx.fillRect(M, row.y + row.height - 2, width - 2 * M, 2);
  }

  // Footer: how to object, who and when, the page number.
  const footY = TABLE_BOTTOM + 24;
  ctx.fillStyle = PRINT_COLORS.primary;
  ctx.fillRect(M, TABLE_BOTTOM + 8, width - 2 * M, 2);
  layout.footer.forEach((l, i) =>
    text(ctx, l, M, footY + i * (SUB + 14), { size: SUB, color: i === 0 ? PRINT_COLORS.text : PRINT_COLORS.muted }),
  );
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
