/**
 * @jest-environment node
 */
// The printable notice drawn by miniprogram/utils/notice-print.ts into a real <canvas> of Debian's
// Chromium (headless, through playwright-core), exported as PNG files the way the mini-program
// exports its canvas: proof that the drawing runs on a real 2D context and that its Chinese text is
// drawn by the machine's fonts (not as empty boxes). The PNGs are left in build/notice-print/ to look
// at. Needs `apt-get install -y chromium fonts-wqy-microhei`; skipped, saying so, without Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import type { PrintNotice } from '../../../miniprogram/utils/print-layout';
import { PRINT_PAGE } from '../../../miniprogram/utils/print-layout';
import { printNotice } from './print-notice';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT = path.join(ROOT, 'build', 'notice-print');
const haveChromium = fs.existsSync(CHROMIUM);
const SKIP_REASON = `${CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei to run this check`;

if (!haveChromium) console.warn(`notice print in Chromium: skipped — ${SKIP_REASON}`);
const maybe = haveChromium ? test : test.skip;

const NAMES = ['李长青', '王大山', '张秀英', '刘建国', '陈桂兰', '杨志强', '赵玉梅', '黄德明', '周丽华', '吴海涛'];
const ITEMS: [string, number][] = [
  ['参加村民大会', 2],
  ['参加志愿服务、义务劳动', 5],
  ['庭院整洁、门前三包', 3],
  ['垃圾分类做得好', 2],
  ['参加文物保护巡逻', 4],
  ['乱扔垃圾、乱倒污水', -3],
  ['孝老爱亲事迹被表扬', 10],
];

/** A village's month: 150 households, one with a very long list of items (wrapped, split over pages). */
function sampleNotice(): PrintNotice {
  const lines = Array.from({ length: 150 }, (_, i) => {
    const count = i === 3 ? 90 : i % 5;
    const items = Array.from({ length: count }, (_, k) => {
      const [itemName, points] = ITEMS[(i + k) % ITEMS.length] ?? ['参加村民大会', 2];
      return { itemName, points, occurredOn: `2026-11-${String((k % 28) + 1).padStart(2, '0')}` };
    });
    return {
      label: `${Math.floor(i / 7) + 1}组${(i % 7) + 1}号 ${NAMES[i % NAMES.length] ?? ''}`,
      total: items.reduce((s, it) => s + it.points, 0),
      items,
    };
  });
  lines.sort((a, b) => b.total - a.total);
  return printNotice(lines);
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

let browser: Browser | null = null;
afterAll(async () => {
  await browser?.close();
});

maybe(
  `draws the notice into Chromium's canvas as A4 PNG pages with Chinese glyphs${haveChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  async () => {
    const bundle = await build({
      entryPoints: [path.join(ROOT, 'miniprogram', 'utils', 'notice-print.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'NoticePrint',
      platform: 'browser',
      target: 'es2020',
      write: false,
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.setContent(`<canvas id="print" width="${PRINT_PAGE.width}" height="${PRINT_PAGE.height}"></canvas>`);
    await page.addScriptTag({ content: code });

    // Distinct characters must come out as distinct pictures: with no CJK font they are all the same box.
    const glyphs: unknown = await page.evaluate(`(() => {
    const picture = (ch) => {
      const c = document.createElement('canvas');
      c.width = 64; c.height = 64;
      const x = c.getContext('2d');
      x.fillStyle = '#fff'; x.fillRect(0, 0, 64, 64);
      x.fillStyle = '#000'; x.font = '48px sans-serif'; x.textBaseline = 'top';
      x.fillText(ch, 8, 8);
      const d = x.getImageData(0, 0, 64, 64).data;
      let ink = 0; let sig = '';
      for (let i = 0; i < d.length; i += 4) { const dark = d[i] < 128; ink += dark ? 1 : 0; sig += dark ? '1' : '0'; }
      return { ink, sig };
    };
    return ['和', '美', '村', '公', '示'].map(picture);
  })()`);
    if (!Array.isArray(glyphs)) throw new Error('no glyph pictures');
    const sigs = glyphs.map((g: unknown) => (typeof g === 'object' && g !== null && 'sig' in g ? String(g.sig) : ''));
    const inks = glyphs.map((g: unknown) => (typeof g === 'object' && g !== null && 'ink' in g ? Number(g.ink) : 0));
    expect(inks.every((n) => n > 50)).toBe(true);
    expect(new Set(sigs).size).toBe(sigs.length);

    const notice = sampleNotice();
    const now = Date.parse('2026-12-01T02:00:00Z');
    const result: unknown = await page.evaluate(`(async () => {
    const canvas = document.getElementById('print');
    const ctx = canvas.getContext('2d');
    const urls = [];
    const layout = await NoticePrint.drawPrint(ctx, ${JSON.stringify(notice)}, async () => { urls.push(canvas.toDataURL('image/png')); }, { now: ${now} });
    return [String(layout.pages.length), ...urls];
  })()`);
    if (!isStrings(result)) throw new Error('no pages drawn');
    const [count, ...urls] = result;
    expect(Number(count)).toBe(urls.length);
    // 150 households and one of 90 items: several pages.
    expect(urls.length).toBeGreaterThan(1);
    fs.mkdirSync(OUT, { recursive: true });
    for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
    urls.forEach((url, i) => {
      const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      // The IHDR chunk: width and height of the page.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([PRINT_PAGE.width, PRINT_PAGE.height]);
      fs.writeFileSync(path.join(OUT, `notice-2026-11-page-${i + 1}.png`), png);
    });
    console.log(`notice print: ${urls.length} pages written to ${path.relative(ROOT, OUT)}/`);
  },
);
