// What the notice pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added to
// the same global wx in a beforeAll: navigation that fails for a page the build does not have (as
// WeChat's does), modals, the share menu, the canvas (a selector query that finds a <canvas type="2d">
// whose 2D context records what is drawn, and canvasToTempFilePath that keeps what each exported page
// showed), the photo album and image preview. Calls to the cloud stay real; a test may lose the reply
// of the next call (the request reaches the function, the page hears a network failure) to check that
// a retry sends the same submission key.
import fs from 'node:fs';
import path from 'node:path';
import type { PrintContext } from '../../../miniprogram/utils/print-layout';
import type { PageCloud } from '../support/cloud';
import { previewImage, useStandIns } from '../support/device';
import { MINIPROGRAM } from '../support/page';
import { dialogs, type RequestOption } from '../support/wx';
import { type Callbacks, later } from '../support/callbacks';
import { type DirectCaller, directCaller } from '../support/http';

/** Calls the product's functions on the test's cloud as the mini-program does in local mode. */
export type Api = DirectCaller;

// ---- a recording 2D context -------------------------------------------------------------------

export type DrawOp =
  | { op: 'fillText'; text: string; x: number; y: number; font: string; fill: string; align: string; baseline: string }
  | { op: 'fillRect'; x: number; y: number; w: number; h: number; fill: string };

/** Font size in px of a CSS font string ("bold 24px sans-serif" → 24). */
export function fontSize(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 10;
}

/**
 * A canvas 2D context that records what is drawn. Text is measured as a CJK font would be: a Chinese
 * character (or full-width sign) is one em wide, anything else 0.55 em.
 */
export class RecordingContext implements PrintContext {
  fillStyle: string | object = '#000000';
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  ops: DrawOp[] = [];

  static width(text: string, font: string): number {
    const size = fontSize(font);
    return Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.55), 0);
  }
  private fill(): string {
    return typeof this.fillStyle === 'string' ? this.fillStyle : 'pattern';
  }
  fillText(text: string, x: number, y: number): void {
    this.ops.push({ op: 'fillText', text, x, y, font: this.font, fill: this.fill(), align: this.textAlign, baseline: this.textBaseline });
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.ops.push({ op: 'fillRect', x, y, w, h, fill: this.fill() });
  }
  measureText(text: string): { width: number } {
    return { width: RecordingContext.width(text, this.font) };
  }
  texts(): Extract<DrawOp, { op: 'fillText' }>[] {
    return this.ops.flatMap((o) => (o.op === 'fillText' ? [o] : []));
  }
  rects(): Extract<DrawOp, { op: 'fillRect' }>[] {
    return this.ops.flatMap((o) => (o.op === 'fillRect' ? [o] : []));
  }
}

/** A canvas node as WeChat's selector query gives it for <canvas type="2d">. */
export class FakeCanvas {
  width = 300;
  height = 150;
  readonly ctx = new RecordingContext();
  getContext(kind: string): RecordingContext | null {
    return kind === '2d' ? this.ctx : null;
  }
}

// ---- the extended wx -----------------------------------------------------------------------------

export interface ExportedPage {
  tempFilePath: string;
  width: number;
  height: number;
  /** The texts drawn on the canvas for this page. */
  texts: string[];
}

interface NoticeWxState {
  navigations: { api: 'navigateTo' | 'reLaunch' | 'redirectTo'; url: string; ok: boolean }[];
  settings: number;
  shareMenus: string[][];
  previews: { urls: string[]; current: string }[];
  saved: string[];
  /** The album refuses (the user denied the permission). */
  albumDenied: boolean;
  exported: ExportedPage[];
  canvas: FakeCanvas | null;
  /** Whether the page has a canvas node to give (an old client: none). */
  canvasAvailable: boolean;
  /** Cloud calls whose reply is lost: the call reaches the function, the page hears a network failure. */
  loseReplies: number;
  /** The payloads the pages sent to the cloud, in order. */
  sent: { url: string; data: unknown }[];
  /** How many of the canvas's texts were exported with the pages before. */
  exportedTexts: number;
}

const fresh = (): NoticeWxState => ({
  navigations: [],
  settings: 0,
  shareMenus: [],
  previews: [],
  saved: [],
  albumDenied: false,
  exported: [],
  canvas: null,
  canvasAvailable: true,
  loseReplies: 0,
  sent: [],
  exportedTexts: 0,
});
const state = fresh();

/** Whether the mini-program has the page of `url` ("/packages/x/y/y?a=b"), as WeChat knows from app.json. */
export function pageExists(url: string): boolean {
  const route = url.replace(/^\//, '').split('?')[0] ?? '';
  return fs.existsSync(path.join(MINIPROGRAM, `${route}.json`));
}

interface UrlOption extends Callbacks<{ errMsg: string }> {
  url: string;
}

function navigate(api: 'navigateTo' | 'reLaunch' | 'redirectTo') {
  return (option: UrlOption): void => {
    const ok = pageExists(option.url);
    state.navigations.push({ api, url: option.url, ok });
    later(
      option,
      ok
        ? { ok: true, res: { errMsg: `${api}:ok` } }
        : { ok: false, err: { errMsg: `${api}:fail page "${option.url.replace(/^\//, '')}" is not found` } },
    );
  };
}

interface SaveOption extends Callbacks<{ errMsg: string }> {
  filePath: string;
}

interface ExportOption extends Callbacks<{ tempFilePath: string; errMsg: string }> {
  canvas?: unknown;
  destWidth?: number;
  destHeight?: number;
}

class FakeSelectorQuery {
  private selector = '';
  in(): this {
    return this;
  }
  select(selector: string): this {
    this.selector = selector;
    return this;
  }
  fields(): this {
    return this;
  }
  exec(cb?: (res: unknown[]) => void): void {
    const found = this.selector === '#print-canvas' && state.canvasAvailable;
    if (found) {
      state.canvas = new FakeCanvas();
      state.exportedTexts = 0;
    }
    const canvas = state.canvas;
    setTimeout(() => cb?.([found && canvas ? { node: canvas, width: 1240, height: 1754 } : null]), 0);
  }
}

const extras = {
  navigateTo: navigate('navigateTo'),
  reLaunch: navigate('reLaunch'),
  redirectTo: navigate('redirectTo'),
  openSetting(option: Callbacks<{ errMsg: string }> = {}): void {
    state.settings += 1;
    later(option, { ok: true, res: { errMsg: 'openSetting:ok' } });
  },
  showShareMenu(option: Callbacks<{ errMsg: string }> & { menus?: string[] } = {}): void {
    state.shareMenus.push(option.menus ?? []);
    later(option, { ok: true, res: { errMsg: 'showShareMenu:ok' } });
  },
  previewImage: previewImage((urls, current) => state.previews.push({ urls, current })),
  saveImageToPhotosAlbum(option: SaveOption): void {
    if (state.albumDenied) {
      later(option, { ok: false, err: { errMsg: 'saveImageToPhotosAlbum:fail auth deny' } });
      return;
    }
    state.saved.push(option.filePath);
    later(option, { ok: true, res: { errMsg: 'saveImageToPhotosAlbum:ok' } });
  },
  createSelectorQuery(): FakeSelectorQuery {
    return new FakeSelectorQuery();
  },
  canvasToTempFilePath(option: ExportOption): void {
    const canvas = option.canvas;
    if (!(canvas instanceof FakeCanvas)) {
      later(option, { ok: false, err: { errMsg: 'canvasToTempFilePath:fail canvas is empty' } });
      return;
    }
    const texts = canvas.ctx
      .texts()
      .slice(state.exportedTexts)
      .map((t) => t.text);
    state.exportedTexts = canvas.ctx.texts().length;
    const page: ExportedPage = {
      tempFilePath: `wxfile://tmp/notice-print-${state.exported.length + 1}.png`,
      width: option.destWidth ?? canvas.width,
      height: option.destHeight ?? canvas.height,
      texts,
    };
    state.exported.push(page);
    later(option, { ok: true, res: { tempFilePath: page.tempFilePath, errMsg: 'canvasToTempFilePath:ok' } });
  },
};

/** Wraps the harness's wx.request: records what is sent, and can lose a reply after the function ran. */
function wrapRequest(original: (option: RequestOption) => { abort(): void }) {
  return (option: RequestOption): { abort(): void } => {
    state.sent.push({ url: option.url, data: option.data });
    if (state.loseReplies > 0 && /\/functions\//.test(option.url)) {
      state.loseReplies -= 1;
      return original({
        ...option,
        complete: undefined,
        success: () => {
          const err = { errMsg: 'request:fail timeout' };
          option.fail?.(err);
          option.complete?.(err);
        },
      });
    }
    return original(option);
  };
}

function isRequest(v: unknown): v is (option: RequestOption) => { abort(): void } {
  return typeof v === 'function';
}

export const navigations = (): NoticeWxState['navigations'] => state.navigations;
export const modals = dialogs;
export const previews = (): NoticeWxState['previews'] => state.previews;
export const saved = (): readonly string[] => state.saved;
export const exported = (): readonly ExportedPage[] => state.exported;
export const shareMenus = (): readonly string[][] => state.shareMenus;
export const settingsOpened = (): number => state.settings;
export const sent = (): NoticeWxState['sent'] => state.sent;

export function denyAlbum(denied: boolean): void {
  state.albumDenied = denied;
}

export function withoutCanvas(): void {
  state.canvasAvailable = false;
}

/** The reply to the next cloud call is lost on the way back (the function has run). */
export function loseNextReply(): void {
  state.loseReplies = 1;
}

// ---- calling the functions directly (fixtures, checks) ----------------------------------------------
// jsdom has no fetch: plain node HTTP, one connection per request.

/** The demo village on a real local cloud, the global wx extended, and a direct caller for fixtures. */
export function useNoticeCloud(): { pc: PageCloud; api: () => DirectCaller } {
  const pc = useStandIns({ wx: extras, state, fresh });
  beforeAll(() => {
    const request: unknown = Reflect.get(wx, 'request');
    if (!isRequest(request)) throw new Error('the harness has no wx.request');
    Object.assign(wx, { request: wrapRequest(request) });
  });
  return { pc, api: () => directCaller(pc.url) };
}

/** Moves the local cloud's clock, and the pages' with it (null: back to where the test began, run on). */
export async function setClock(pc: PageCloud, at: Date | null): Promise<void> {
  await (at ? pc.lc.setClock(at.toISOString()) : pc.lc.resetClock());
}

/** Today in China (the demo village is seeded up to it) and the months around it. */
export const chinaToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export function shiftMonth(month: string, by: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** An instant given in China time, e.g. chinaInstant('2026-12-01', '00:30'). */
export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}
