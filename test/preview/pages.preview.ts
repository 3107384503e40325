// npm run preview, step 1 (run by jest with test/preview/jest.config.js, the page tests' own
// environment): every page of app.json, main package and subpackages, loaded in
// miniprogram-simulate as each demo role it is for, against a local cloud with the demo village,
// in standard and in 关怀模式; each rendering is written to preview/html/ as a standalone HTML
// document, listed in preview/html/manifest.json for step 2 (shoot.ts) to screenshot.
import fs from 'node:fs';
import path from 'node:path';
import { usePageCloud } from '../pages/support/cloud';
import { setNavigationBarTitle } from '../pages/support/device';
import { loadPage, MINIPROGRAM, sleep, type PageHandle } from '../pages/support/page';
import { asUser, exchanges, toasts } from '../pages/support/wx';
import { documentHtml, inlineImages, pageHtml, type NavigationBar } from './html';
import { HTML_DIR, MANIFEST, routesOf, slugOf, type PreviewEntry } from './manifest';
import { callerOf, ROLE_NAMES, variantsOf, type DemoRole } from './targets';
import { pageCss, readWxss, scopeWxss } from './wxss';

const pc = usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });

const CARE_KEY = 'hm.careMode';
interface Mode {
  mode: 'standard' | 'care';
  label: string;
}
const STANDARD: Mode = { mode: 'standard', label: '标准' };
const CARE: Mode = { mode: 'care', label: '关怀模式' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readJson(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return isRecord(v) ? v : {};
}

const APP = readJson(path.join(MINIPROGRAM, 'app.json'));
const WINDOW = isRecord(APP.window) ? APP.window : {};
const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v ? v : fallback);

/** The navigation bar WeChat draws above the page (page JSON over app.json's window). */
function navigationBar(route: string, titleSet: string): NavigationBar {
  const own = readJson(path.join(MINIPROGRAM, `${route}.json`));
  return {
    title: titleSet || text(own.navigationBarTitleText, text(WINDOW.navigationBarTitleText, '')),
    background: text(own.navigationBarBackgroundColor, text(WINDOW.navigationBarBackgroundColor, '#ffffff')),
    textStyle: text(own.navigationBarTextStyle, text(WINDOW.navigationBarTextStyle, 'black')),
  };
}

/** The tab pages (app.json tabBar.list): WeChat draws the custom tab bar over them. */
const TAB_BAR = isRecord(APP.tabBar) ? APP.tabBar : {};
const TAB_ROUTES: string[] = Array.isArray(TAB_BAR.list) ? TAB_BAR.list.flatMap((t: unknown) => (isRecord(t) && typeof t.pagePath === 'string' ? [t.pagePath] : [])) : [];
const TAB_BAR_FILE = path.join(MINIPROGRAM, 'custom-tab-bar', 'index');
const TAB_BAR_TAG = 'custom-tab-bar';

interface TabBar {
  dom: HTMLElement;
  css: string;
}

/** The custom tab bar as WeChat shows it on a tab page: the real component, this tab selected. */
async function tabBarFor(route: string): Promise<TabBar | null> {
  const index = TAB_ROUTES.indexOf(route);
  if (index < 0 || TAB_BAR.custom !== true) return null;
  // The module registry loadPage just made fresh: the same simulate and care module as the page.
  const simulate = await import('miniprogram-simulate');
  const id = simulate.load(TAB_BAR_FILE, TAB_BAR_TAG, { rootPath: MINIPROGRAM });
  const bar = simulate.render(id);
  bar.attach(document.createElement('parent-wrapper'));
  bar.setData({ selected: index });
  const dom = bar.dom;
  if (!dom) return null;
  return { dom, css: scopeWxss(readWxss(`${TAB_BAR_FILE}.wxss`, MINIPROGRAM), TAB_BAR_TAG, TAB_BAR_TAG) };
}

/** Titles set by wx.setNavigationBarTitle during the current rendering. */
const titles: string[] = [];

beforeAll(() => {
  Object.assign(wx, { setNavigationBarTitle: setNavigationBarTitle((title) => titles.push(title)) });
  fs.rmSync(HTML_DIR, { recursive: true, force: true });
  fs.mkdirSync(HTML_DIR, { recursive: true });
});

/**
 * Waits until the page is done: `data.loading` false (our pages' convention) when it has one, and
 * no call of its in flight, for a moment; answers what is still wrong after 15 s, else ''.
 */
async function quiet(page: PageHandle): Promise<string> {
  const end = Date.now() + 15_000;
  let calmSince = 0;
  while (Date.now() < end) {
    const loading = page.data.loading === true;
    const pending = exchanges().some((x) => x.outcome === 'pending');
    if (loading || pending) calmSince = 0;
    else if (!calmSince) calmSince = Date.now();
    else if (Date.now() - calmSince >= 150) return '';
    await sleep(20);
  }
  return page.data.loading === true ? '15 秒后仍在加载' : '15 秒后仍有请求未完成';
}

const entries: PreviewEntry[] = [];

afterAll(() => {
  fs.writeFileSync(MANIFEST, JSON.stringify({ generatedAt: new Date().toISOString(), entries }, null, 2));
});

const fileOf = (route: string, variant: string, role: DemoRole, mode: Mode['mode']): string => `${[slugOf(route), variant, role, mode].filter(Boolean).join('--')}.html`;

/** Writes the page as it is now to preview/html/ and lists it. */
async function capture(page: PageHandle, route: string, role: DemoRole, variant: string, query: Record<string, string>, mode: Mode, stuck: string, note: string, bar: TabBar | null): Promise<void> {
  const nav = navigationBar(route, titles[titles.length - 1] ?? '');
  const lastToast = toasts()[toasts().length - 1]?.title ?? '';
  const html = fileOf(route, variant, role, mode.mode);
  fs.writeFileSync(
    path.join(HTML_DIR, html),
    documentHtml({
      nav,
      body: pageHtml(page.dom, await inlineImages(page.dom)) + (bar ? pageHtml(bar.dom, () => '') : ''),
      css: pageCss(MINIPROGRAM, route) + (bar ? `\n${bar.css}` : ''),
      toast: lastToast,
      stuck,
    }),
  );
  const notes = [stuck, lastToast ? `提示：${lastToast}` : '', note].filter(Boolean).join('；');
  entries.push({ route, slug: slugOf(route), variant, role, roleName: ROLE_NAMES[role], mode: mode.mode, modeName: mode.label, query, title: nav.title, html, note: notes });
}

/**
 * Loads the page once as `role` (关怀模式 off), captures it, then turns 关怀模式 on with the switch's
 * own function — every open page restyles at once, as on the phone — and captures it again.
 */
async function render(route: string, role: DemoRole, variant: string, query: Record<string, string>): Promise<void> {
  asUser(role);
  wx.setStorageSync(CARE_KEY, 'off');
  titles.length = 0;
  try {
    const page = await loadPage(route, { query });
    const stuck = await quiet(page);
    const bar = await tabBarFor(route);
    await capture(page, route, role, variant, query, STANDARD, stuck, '', bar);
    // The page's own module registry (loadPage made it fresh): the same care module the page uses.
    const care = await import('../../miniprogram/behaviors/care');
    care.setCareMode(true);
    await sleep(0);
    const careOn = typeof page.data.careClass === 'string' && page.data.careClass.includes('care');
    await capture(page, route, role, variant, query, CARE, stuck, careOn ? '' : '此页还没有接入关怀模式', bar);
  } catch (e) {
    const note = `渲染失败：${e instanceof Error ? e.message : String(e)}`;
    for (const mode of [STANDARD, CARE]) {
      const html = fileOf(route, variant, role, mode.mode);
      fs.writeFileSync(path.join(HTML_DIR, html), documentHtml({ nav: navigationBar(route, ''), body: '', css: '', toast: '', stuck: note }));
      entries.push({ route, slug: slugOf(route), variant, role, roleName: ROLE_NAMES[role], mode: mode.mode, modeName: mode.label, query, title: '', html, note });
    }
  }
}

/** PREVIEW_ONLY=points renders only the routes containing "points" (while working on a page). */
const ONLY = process.env.PREVIEW_ONLY ?? '';
const ROUTES = routesOf(APP).filter((r) => r.includes(ONLY));

describe.each(ROUTES)('%s', (route) => {
  test('renders as each of its roles, standard and 关怀模式', async () => {
    const call = callerOf(pc.url);
    for (const variant of variantsOf(route)) {
      for (const role of variant.roles) {
        let query: Record<string, string> | null = {};
        if (typeof variant.query === 'function') {
          try {
            query = await variant.query(call, role);
          } catch (e) {
            console.warn(`${route} (${variant.name || 'default'}) as ${role}: no query: ${e instanceof Error ? e.message : String(e)}`);
            query = null;
          }
        } else if (variant.query) {
          query = variant.query;
        }
        if (query === null) {
          console.warn(`${route} (${variant.name || 'default'}) as ${role}: nothing in the demo village to open it with; not rendered`);
          continue;
        }
        await render(route, role, variant.name, query);
      }
    }
  });
});
