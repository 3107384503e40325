// The printable notice's layout: the month's notice laid out on A4 portrait pages, each a 1240 × 1754
// px image (A4 at 150 dpi), measured with the context it will be drawn on (notice-print.ts draws it).
//
// Pagination: households are never split between pages — a line that does not fit in what is left
// of a page starts the next page, under the table header repeated. Only a line taller than a whole
// page (a household with very many items) is split, at a line of text, and its continuation is
// marked "（续）". So a notice of any length prints, a village of 150 households in a few pages.
//
// Text is measured with the device's own fonts ("sans-serif": PingFang on iPhones, the system's CJK
// font on Android, WenQuanYi or Noto on Linux), so wrapping follows the font actually used.
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
export const font = (px: number, bold = false): string => `${bold ? 'bold ' : ''}${px}px ${FONT_FAMILY}`;

export const M = 72; // page margin
export const TITLE = 52;
export const SUB = 26;
export const BODY = 24;
export const LINE = 32; // line height of the table's text
export const PAD = 8; // padding above and below a table row, and beside a cell's text
export const COL = { label: 250, total: 110 };
export const TITLE_Y = M;
export const PERIOD_Y = TITLE_Y + TITLE + 20;
export const FIGURES_Y = PERIOD_Y + SUB + 12;
export const RULE_Y = FIGURES_Y + SUB + 20;
export const TABLE_HEAD = 48;
export const HEAD_Y = RULE_Y + 12;
/** Room for rows on a page, from the table's first row to the footer. */
export const TABLE_TOP = HEAD_Y + TABLE_HEAD;
const FOOTER_HEIGHT = 110;
export const TABLE_BOTTOM = PRINT_PAGE.height - M - FOOTER_HEIGHT;

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

/** A household line as text: its label (and the label of its continuation), total and wrapped items. */
interface LineText {
  index: number;
  label: string[];
  labelContinued: string[];
  total: string;
  totalColor: string;
  items: string[];
}

function lineText(ctx: PrintContext, line: PrintNotice['lines'][number], index: number): LineText {
  return {
    index,
    label: wrapText(ctx, line.label, COL.label - 2 * PAD),
    labelContinued: wrapText(ctx, `${line.label}（续）`, COL.label - 2 * PAD),
    total: line.total === 0 ? '0' : pointsText(line.total),
    totalColor: line.total > 0 ? PRINT_COLORS.primary : line.total < 0 ? PRINT_COLORS.danger : PRINT_COLORS.muted,
    items: line.items.length ? wrapItems(ctx, line.items.map(itemText), itemsWidth()) : ['本月无积分记录'],
  };
}

/** Where the next row goes: the pages so far and the height used on the last one. */
interface Cursor {
  pages: PrintPage[];
  y: number;
}

function newPage(c: Cursor): void {
  c.pages.push({ rows: [] });
  c.y = TABLE_TOP;
}

/** Lines of text a page's table holds. */
const MAX_LINES = Math.floor((TABLE_BOTTOM - TABLE_TOP - 2 * PAD) / LINE);

/** Places a household: whole where it fits, else whole on the next page, else split at a line of text. */
function place(c: Cursor, line: LineText): void {
  const { index, total, totalColor } = line;
  let rest = line.items;
  let continued = false;
  for (;;) {
    const shown = continued ? line.labelContinued : line.label;
    const needed = Math.max(shown.length, rest.length);
    const rows = c.pages[c.pages.length - 1]?.rows ?? [];
    if (c.y + needed * LINE + 2 * PAD <= TABLE_BOTTOM) {
      rows.push({ index, label: shown, total, totalColor, items: rest, continued, y: c.y, height: needed * LINE + 2 * PAD });
      c.y += needed * LINE + 2 * PAD;
      return;
    }
    const room = Math.floor((TABLE_BOTTOM - c.y - 2 * PAD) / LINE);
    // A household that fits on a page of its own starts the next page; a taller one is split
    // where it is (unless hardly anything of it would fit here).
    if (rows.length && (needed <= MAX_LINES || room < 3)) {
      newPage(c);
      continue;
    }
    const take = Math.max(1, room);
    const label = shown.slice(0, take);
    const items = rest.slice(0, take);
    rows.push({ index, label, total, totalColor, items, continued, y: c.y, height: Math.max(label.length, items.length) * LINE + 2 * PAD });
    rest = rest.slice(take);
    continued = true;
    newPage(c);
    if (!rest.length) return;
  }
}

/** "共 150 户，本月合计 1234 分 · 已结算（12月3日） · 第2版（已按异议更正）". */
function figuresText(notice: PrintNotice): string {
  const state = stateText(notice.status === 'settled' ? 'settled' : notice.open ? 'open' : 'closed');
  const settled = notice.status === 'settled' && notice.settledAt ? `（${dateText(chinaDate(Date.parse(notice.settledAt)))}）` : '';
  const version = notice.version > 1 ? ` · 第${notice.version}版（已按异议更正）` : '';
  return `共 ${notice.households} 户，本月合计 ${notice.totalPoints} 分 · ${state}${settled}${version}`;
}

/** Lays the notice out on pages (measuring text with the context); draws nothing. */
export function layoutPrint(ctx: PrintContext, notice: PrintNotice, opts: PrintOptions = {}): PrintLayout {
  const now = opts.now ?? Date.now();
  ctx.font = font(BODY);
  const cursor: Cursor = { pages: [{ rows: [] }], y: TABLE_TOP };
  for (const [index, line] of notice.lines.entries()) place(cursor, lineText(ctx, line, index));
  const pages = cursor.pages;
  if (pages.length > 1 && !pages[pages.length - 1]?.rows.length) pages.pop();
  return {
    title: `${notice.villageName}${monthTitle(notice.month)}积分公示`,
    period: `公示期：${periodText(notice.publishedAt, notice.closesAt)}（北京时间）`,
    figures: figuresText(notice),
    footer: [
      '对公示内容有异议的，请在公示期内通过“和美村”小程序提出，或向村两委当面反映。',
      `${notice.villageName}村民委员会　${dateText(chinaDate(now))}打印`,
    ],
    pages,
  };
}
