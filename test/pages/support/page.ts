// Loads a page of the mini-program in miniprogram-simulate, from its real .ts/.wxml/.wxss/.json,
// and drives it the way WeChat would: onLoad(query), taps, waiting for its cloud calls to settle.
import path from 'node:path';
import type * as Simulate from 'miniprogram-simulate';
import type { Mode } from '../../../miniprogram/config';
import { asUser, exchanges, toasts, wxState } from './wx';

export const MINIPROGRAM = path.resolve(__dirname, '..', '..', '..', 'miniprogram');

type Rendered = ReturnType<typeof Simulate.render>;

export interface LoadOptions {
  /** The query WeChat passes to onLoad. */
  query?: Record<string, string>;
  /** How the page's services reach the cloud: local = wx.request, cloud = wx.cloud (default local). */
  mode?: Mode;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long a page may take to show what a tap asked for: 10 s, or 30 s in the suite's run at
 * production-like latency (LOCALCLOUD_DB_LATENCY_MS, where a cold function start and every
 * database request cost more). Only the wait grows: a function past its declared timeout still fails.
 */
const DEFAULT_WAIT_MS = Number(process.env.LOCALCLOUD_DB_LATENCY_MS ?? 0) > 0 ? 30_000 : 10_000;

/** Polls `predicate` until it holds; fails with `what` after the timeout (see DEFAULT_WAIT_MS). */
export async function waitFor(
  predicate: () => boolean,
  what: string,
  { timeoutMs = DEFAULT_WAIT_MS, intervalMs = 10 }: WaitOptions = {},
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Calls a lifetime or method of the page if it has one. */
function callIfDefined(target: object, name: string, ...args: unknown[]): void {
  const fn: unknown = Reflect.get(target, name);
  if (typeof fn === 'function') Reflect.apply(fn, target, args);
}

export class PageHandle {
  constructor(
    readonly route: string,
    readonly comp: Rendered,
  ) {}

  /** The page's `this.data`. */
  get data(): Record<string, unknown> {
    const data: unknown = this.comp.instance.data;
    if (!isRecord(data)) throw new Error(`${this.route} has no data`);
    return data;
  }

  /** The rendered page (the host element; the WXML's elements are inside, e.g. wx-view). */
  get dom(): HTMLElement {
    const dom = this.comp.dom;
    if (!dom) throw new Error(`${this.route} is not rendered`);
    return dom;
  }

  /** The rendered page, its data and the toasts shown: what a failing assertion needs to say. */
  describe(): string {
    const http = exchanges().map((x) => `  ${x.api} ${x.method} ${x.url}${x.openid === undefined ? '' : ` as ${x.openid}`} → ${x.outcome}`);
    return `${this.dom.innerHTML}\ndata: ${JSON.stringify(this.data)}\ntoasts: ${JSON.stringify(toasts())}\nhttp:\n${http.join('\n')}`;
  }

  /** The whole text of the page, whitespace collapsed. */
  text(): string {
    return (this.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /**
   * The node of `selector`, a selector of the page's WXML (#id, .class, tag); `a >>> b` reaches b
   * inside the component a (e.g. "#state >>> #load-error", the page shell's failure in hm-state).
   */
  private find(selector: string): Rendered | undefined {
    let node: Rendered | undefined = this.comp;
    for (const part of selector.split('>>>')) node = node?.querySelector(part.trim());
    return node;
  }

  /**
   * The rendered element of `selector` (see find): the rendered DOM carries neither ids nor the
   * WXML's class names (simulate prefixes them).
   */
  $(selector: string): HTMLElement | null {
    return this.find(selector)?.dom ?? null;
  }

  /** The text of the element `selector` (fails when it is not rendered). */
  textOf(selector: string): string {
    const el = this.$(selector);
    if (!el) throw new Error(`${selector} is not rendered in ${this.route}:\n${this.describe()}`);
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The texts of every element `selector` matches, in order. */
  textsOf(selector: string): string[] {
    return this.comp.querySelectorAll(selector).map((c) => (c.dom?.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** Calls a method or lifetime of the page (e.g. onPullDownRefresh) as WeChat would. */
  call(method: string, ...args: unknown[]): void {
    const instance = this.comp.instance;
    if (typeof Reflect.get(instance, method) !== 'function') throw new Error(`${this.route} has no method ${method}`);
    callIfDefined(instance, method, ...args);
  }

  /**
   * Dispatches an event (tap by default) on the rendered element `selector` (a selector of the
   * page's WXML, e.g. ".retry"), as a user's touch would, and lets its handler start.
   */
  async dispatch(selector: string, event = 'tap', detail: Record<string, unknown> = {}): Promise<void> {
    const found = this.find(selector);
    if (!found) throw new Error(`${selector} is not rendered in ${this.route}:\n${this.describe()}`);
    // An hm-button takes the touch inside, as a finger would: disabled or loading, nothing happens.
    const target = (event === 'tap' && found.querySelector('.hm-button')) || found;
    target.dispatchEvent(event, { detail });
    // j-component delivers the event in a microtask; a macrotask later the handler has run its
    // synchronous part (e.g. setData({ loading: true })).
    await sleep(0);
  }

  tap(selector: string): Promise<void> {
    return this.dispatch(selector, 'tap');
  }

  /**
   * Waits until the page is done loading: `data.loading` false, and no later load of the page shell
   * running (`data.refreshing`, e.g. after a tab or period was picked).
   */
  settled(opts?: WaitOptions): Promise<void> {
    return waitFor(
      () => this.data.loading === false && this.data.refreshing !== true,
      `${this.route} to finish loading (data.loading false, data.refreshing not true)`,
      opts,
    );
  }

  /** Waits until `predicate` holds for the page's data. */
  until(predicate: (data: Record<string, unknown>) => boolean, what: string, opts?: WaitOptions): Promise<void> {
    return waitFor(() => predicate(this.data), `${this.route}: ${what}`, opts);
  }
}

/** Resets the wcc template cache, a window global that survives jest.resetModules. */
function resetWxmlCache(): void {
  const cache: unknown = Reflect.get(globalThis, '__WXML_GLOBAL__');
  // Empty it rather than delete it: deleting the global crashes the next load.
  if (isRecord(cache)) Object.assign(cache, { ops_cached: {}, ops_set: {}, ops_init: {}, modules: {} });
}

/**
 * Loads the page `route` (e.g. "pages/home/home") afresh, renders it, calls onLoad(query) (and
 * onShow, onReady if the page has them) and returns at once: await `page.settled()` for its loading
 * to finish. Each load gets fresh modules (the page, our services, config, miniprogram-simulate) —
 * only the global wx and its state carry over.
 */
export async function loadPage(route: string, opts: LoadOptions = {}): Promise<PageHandle> {
  const state = wxState();
  jest.resetModules();
  resetWxmlCache();
  // The config module instance the page is about to import: point it at the test's cloud before
  // the page reads it (pages may read config when their module loads).
  const { config } = await import('../../../miniprogram/config');
  config.mode = opts.mode ?? 'local';
  config.localUrl = state.cloudUrl;
  state.config = config;
  const simulate = await import('miniprogram-simulate');
  const id = simulate.load(path.join(MINIPROGRAM, route), { rootPath: MINIPROGRAM });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  const page = new PageHandle(route, comp);
  const instance = comp.instance;
  state.pages = [instance];
  callIfDefined(instance, 'onLoad', opts.query ?? {});
  callIfDefined(instance, 'onShow');
  callIfDefined(instance, 'onReady');
  return page;
}

/** The route and query of a page URL ("/packages/a/b/b?id=1"), as WeChat hands them to onLoad. */
export function routeOf(url: string): { route: string; query: Record<string, string> } {
  const [p = '', q = ''] = url.split('?');
  return { route: p.replace(/^\//, ''), query: Object.fromEntries(new URLSearchParams(q)) };
}

/**
 * Opens a page by its route or URL (a share card's path, a navigation; its query joins opts.query),
 * as loadPage does, and waits until it is done loading (see settled).
 */
export async function openPage(url: string, opts: LoadOptions = {}): Promise<PageHandle> {
  const { route, query } = routeOf(url);
  const page = await loadPage(route, { ...opts, query: { ...query, ...opts.query } });
  await page.settled();
  return page;
}

/** Acts as `openid` (see asUser) and opens the page `url` (see openPage): how most page tests begin. */
export function openAs(openid: string, url: string, opts: LoadOptions = {}): Promise<PageHandle> {
  asUser(openid);
  return openPage(url, opts);
}
