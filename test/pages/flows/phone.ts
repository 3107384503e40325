// A phone for the flow tests: people use the mini-program through its pages only — they start on
// 首页, tap an entry (a <navigator>, or a button whose handler calls wx.navigateTo) and land on the
// page it opens, with its query, as WeChat would open it. What the phone itself and WeChat's servers
// do is stood in for on the same global wx (test/pages/support/wx.ts), added in a beforeAll: the
// photo picker answers with a real small PNG, uploads are real multipart requests to the test's
// local cloud (which stores the bytes and answers { fileID }), the code scanner reads what the test
// puts in front of it, dialogs are confirmed, subscribe requests accepted; navigations are recorded.
// Everything behind the pages is real: the built functions on a local cloud with the demo village.
import path from 'node:path';
import {
  chooseMedia,
  cloudUploadFile,
  navigation,
  previewImage,
  requestSubscribeMessage,
  scanCode,
  setNavigationBarTitle,
  uploadFile,
  useStandIns,
  writeTemp,
} from '../support/device';
import type { PageCloud } from '../support/cloud';
import { loadPage, sleep, waitFor, type PageHandle } from '../support/page';
import { asUser, exchanges, modals } from '../support/wx';

interface Recorded {
  navigations: string[];
  /** What the next wx.scanCode reads. */
  scans: string[];
}

const fresh = (): Recorded => ({ navigations: [], scans: [] });
const recorded = fresh();
let photoCount = 0;

const device = {
  ...navigation(['navigateTo', 'switchTab', 'reLaunch', 'redirectTo'], (_, url) => recorded.navigations.push(url)),
  requestSubscribeMessage: requestSubscribeMessage(),
  scanCode: scanCode(() => recorded.scans.shift()),
  // Every pick is a new photo.
  chooseMedia: chooseMedia(() => [writeTemp(`photo-${++photoCount}.png`)]),
  uploadFile: uploadFile(),
  previewImage: previewImage(),
  setNavigationBarTitle: setNavigationBarTitle(),
};

/** "/packages/a/b/b?x=1&y=2" (or relative to `from`) → the route and its query. */
export function parseUrl(url: string, from = ''): { route: string; query: Record<string, string> } {
  const [p = '', q = ''] = url.split('?');
  const route = p.startsWith('/') ? p.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), p));
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(q)) query[k] = v;
  return { route, query };
}

/** Waits until the page is done: data.loading false when it has one, and no call in flight, for a moment. */
export async function settle(page: PageHandle, timeoutMs = 15_000): Promise<PageHandle> {
  let calmSince = 0;
  await waitFor(
    () => {
      const busy = page.data.loading === true || exchanges().some((x) => x.outcome === 'pending');
      if (busy) calmSince = 0;
      else if (!calmSince) calmSince = Date.now();
      return calmSince > 0 && Date.now() - calmSince >= 100;
    },
    `${page.route} to finish loading`,
    { timeoutMs },
  );
  return page;
}

export interface Phone {
  readonly pc: PageCloud;
  /** Who holds the phone now (the demo identity the calls are made as). Starts on 首页. */
  as(openid: string): Promise<PageHandle>;
  /** Taps a tab of the tab bar (首页 · 办事 · 公开 · 我的) and waits for its page to load. */
  tab(key: 'home' | 'work' | 'public' | 'mine'): Promise<PageHandle>;
  /** Opens a page by URL, as a share card or a navigation would, and waits for it to load. */
  open(url: string): Promise<PageHandle>;
  /**
   * Taps `selector` on `page` and lands where it leads: a <navigator>'s url, or the page its handler
   * opened with wx.navigateTo / redirectTo.
   */
  tapTo(page: PageHandle, selector: string): Promise<PageHandle>;
  /** What the code scanner reads next. */
  holdToScanner(text: string): void;
  /**
   * Moves time on, as waiting would: the local cloud's clock (what "now" is for every function) and
   * the phone's (Date.now, which pages read for "this month"); both keep running from there.
   */
  setClock(at: Date): Promise<void>;
  /** Dialogs shown (title：content), in order. */
  modals(): readonly string[];
  navigations(): readonly string[];
}

function templateAttr(page: PageHandle, selector: string, name: string): unknown {
  return page.comp
    .querySelector(selector)
    ?.toJSON()
    .attrs.find((a) => a.name === name)?.value;
}

/** The demo village on a local cloud, and a phone to use it through the pages. */
export function usePhone(): Phone {
  const pc = useStandIns({ wx: device, cloud: { uploadFile: cloudUploadFile() }, state: recorded, fresh });
  afterAll(() => {
    jest.restoreAllMocks();
  });

  const open = async (url: string): Promise<PageHandle> => {
    const { route, query } = parseUrl(url);
    return settle(await loadPage(route, { query }));
  };

  return {
    pc,
    async as(openid) {
      asUser(openid);
      return open('/pages/home/home');
    },
    open,
    tab(key) {
      // The tab bar is WeChat's, drawn over every tab page: a tap switches to the tab's page.
      recorded.navigations.push(`/pages/${key}/${key}`);
      return open(`/pages/${key}/${key}`);
    },
    async tapTo(page, selector) {
      if (!page.$(selector)) throw new Error(`${selector} is not on ${page.route}:\n${page.describe()}`);
      const url = templateAttr(page, selector, 'url');
      if (typeof url === 'string' && url) {
        const target = parseUrl(url, page.route);
        recorded.navigations.push(url);
        return settle(await loadPage(target.route, { query: target.query }));
      }
      const before = recorded.navigations.length;
      await page.tap(selector);
      await waitFor(() => recorded.navigations.length > before, `a page to open after tapping ${selector} on ${page.route}`);
      const target = recorded.navigations[recorded.navigations.length - 1] ?? '';
      await sleep(0);
      const { route, query } = parseUrl(target, page.route);
      return settle(await loadPage(route, { query }));
    },
    async setClock(at) {
      await pc.lc.setClock(at.toISOString());
    },
    holdToScanner(text) {
      recorded.scans.push(text);
    },
    modals,
    navigations: () => recorded.navigations,
  };
}
