// npm run preview, step 2 (node): screenshots every page step 1 wrote to preview/html/ in headless
// Chromium at 375×812 (Debian's /usr/bin/chromium driven by playwright-core; CHROMIUM overrides the
// path), into preview/png/, and writes preview/index.html listing them page by page, role by role,
// standard beside 关怀模式. Chinese text needs fonts-wqy-microhei: a fontconfig file here maps the
// fonts the pages ask for (PingFang SC, Microsoft YaHei …) to WenQuanYi Micro Hei.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findLayoutProblems, MIN_TAP_PX, type LayoutProblem } from './layout';
import { HTML_DIR, MANIFEST, PNG_DIR, PREVIEW_DIR, type Manifest, type PreviewEntry } from './manifest';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORT = { width: 375, height: 812 };
const CJK_FONT = 'WenQuanYi Micro Hei';

function fontconfig(): string {
  const file = path.join(PREVIEW_DIR, 'fonts.conf');
  const alias = (family: string): string => `  <alias binding="same"><family>${family}</family><prefer><family>${CJK_FONT}</family></prefer></alias>`;
  fs.writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      ...['PingFang SC', 'Microsoft YaHei', '-apple-system', 'sans-serif', 'system-ui'].map(alias),
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}

function readManifest(): Manifest {
  if (!fs.existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: step 1 (jest -c test/preview/jest.config.js) did not run`);
  const parsed: unknown = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('entries' in parsed) || !Array.isArray(parsed.entries)) throw new Error(`${MANIFEST} is not a preview manifest`);
  const entries: PreviewEntry[] = [];
  for (const e of parsed.entries) if (isEntry(e)) entries.push(e);
  return { generatedAt: 'generatedAt' in parsed && typeof parsed.generatedAt === 'string' ? parsed.generatedAt : '', entries };
}

function isEntry(v: unknown): v is PreviewEntry {
  return typeof v === 'object' && v !== null && 'html' in v && typeof v.html === 'string' && 'route' in v && typeof v.route === 'string' && 'mode' in v && 'role' in v;
}

const png = (e: PreviewEntry): string => e.html.replace(/\.html$/, '.png');
const full = (e: PreviewEntry): string => e.html.replace(/\.html$/, '.full.png');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function indexHtml(m: Manifest): string {
  const routes = [...new Set(m.entries.map((e) => e.route))];
  const sections = routes.map((route) => {
    const mine = m.entries.filter((e) => e.route === route);
    const title = mine.find((e) => e.title)?.title ?? route;
    const rows = [...new Set(mine.map((e) => `${e.variant}\u0000${e.role}`))].map((key) => {
      const [variant, role] = key.split('\u0000');
      const cells = mine
        .filter((e) => e.variant === variant && e.role === role)
        .map(
          (e) =>
            `<figure><a href="png/${esc(full(e))}" title="整页"><img loading="lazy" src="png/${esc(png(e))}" alt="${esc(`${title} ${e.roleName} ${e.modeName}`)}"></a>` +
            `<figcaption>${esc(e.modeName)}${e.note ? `<br><span class="note">${esc(e.note)}</span>` : ''}</figcaption></figure>`,
        );
      const first = mine.find((e) => e.variant === variant && e.role === role);
      const query = first && Object.keys(first.query).length ? ` <code>?${esc(new URLSearchParams(first.query).toString())}</code>` : '';
      return `<div class="row"><h3>${esc(first?.roleName ?? '')} <code>${esc(role ?? '')}</code>${variant ? ` · ${esc(variant)}` : ''}${query}</h3>${cells.join('')}</div>`;
    });
    return `<section id="${esc(route)}"><h2>${esc(title)} <code>${esc(route)}</code></h2>${rows.join('')}</section>`;
  });
  const toc = routes.map((r) => `<li><a href="#${esc(r)}">${esc(m.entries.find((e) => e.route === r && e.title)?.title ?? r)}</a> <code>${esc(r)}</code></li>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>和美村 页面预览</title><style>
body { font-family: 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif; margin: 24px; color: #1d2320; background: #f5f6f4; }
section { margin: 32px 0; } h2 { border-bottom: 2px solid #1f7a4d; padding-bottom: 4px; } h3 { font-size: 15px; margin: 16px 0 8px; }
.row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; } .row h3 { flex-basis: 100%; }
figure { margin: 0; width: 250px; } figure img { width: 250px; border: 1px solid #d6dcd8; background: #fff; }
figcaption { font-size: 13px; color: #5c6660; } .note { color: #b3261e; } code { font-size: 12px; color: #5c6660; }
</style></head><body><h1>和美村 页面预览</h1>
<p>示范村（清溪镇 和美村）数据，375×812，生成于 ${esc(m.generatedAt)}；共 ${m.entries.length} 张。每页按适用的演示身份各截标准模式与关怀模式：缩略图是手机第一屏，点开是整页。</p>
<ul>${toc.join('')}</ul>${sections.join('')}</body></html>`;
}

async function main(): Promise<void> {
  const manifest = readManifest();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM)`);
  fs.rmSync(PNG_DIR, { recursive: true, force: true });
  fs.mkdirSync(PNG_DIR, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(PREVIEW_DIR, '.chromium-'));
  const started = Date.now();
  const layout: { entry: PreviewEntry; problem: LayoutProblem }[] = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    env: { ...process.env, FONTCONFIG_FILE: fontconfig() },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const entry of manifest.entries) {
      await page.setViewportSize(VIEWPORT);
      await page.goto(`file://${path.join(HTML_DIR, entry.html)}`, { waitUntil: 'load' });
      if (!entry.note.startsWith('渲染失败')) {
        const found = await page.evaluate(findLayoutProblems, { care: entry.mode === 'care', minTap: MIN_TAP_PX });
        for (const problem of found) layout.push({ entry, problem });
      }
      // The first screen, as the phone shows it (fixed bars where they belong)…
      await page.screenshot({ path: path.join(PNG_DIR, png(entry)) });
      // …and the whole page, in a window as tall as the page (a full-page capture of a short window
      // would draw fixed bottom bars in the middle of the page).
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (height > VIEWPORT.height) await page.setViewportSize({ width: VIEWPORT.width, height });
      await page.screenshot({ path: path.join(PNG_DIR, full(entry)) });
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(PREVIEW_DIR, 'index.html'), indexHtml(manifest));
  const problems = manifest.entries.filter((e) => e.note.startsWith('渲染失败'));
  console.log(`preview: ${manifest.entries.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), path.join(PREVIEW_DIR, 'index.html'))}`);
  for (const e of manifest.entries.filter((x) => x.note)) console.log(`  ${e.route} as ${e.role} (${e.modeName}${e.variant ? `, ${e.variant}` : ''}): ${e.note}`);
  if (problems.length) process.exitCode = 1;
  reportLayout(layout);
}

/** The layout checks' findings: preview/layout.json, and on the console; any finding fails the run. */
function reportLayout(found: { entry: PreviewEntry; problem: LayoutProblem }[]): void {
  const rows = found.map(({ entry, problem }) => ({ route: entry.route, role: entry.role, mode: entry.mode, variant: entry.variant, ...problem }));
  fs.writeFileSync(path.join(PREVIEW_DIR, 'layout.json'), JSON.stringify(rows, null, 2));
  if (!rows.length) {
    console.log('layout checks: no text overflows, no number or name broken across lines, every 关怀模式 tap target ≥ 44 px');
    return;
  }
  console.log(`layout checks: ${rows.length} problems (preview/layout.json)`);
  for (const r of rows) console.log(`  ${r.route} as ${r.role} (${r.mode}${r.variant ? `, ${r.variant}` : ''}): ${r.kind} ${r.element} “${r.text}” ${r.detail}`);
  process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
