// The design tokens are the one source of sizes: app.wxss computes every size token from --scale
// (so .care / .care-xl enlarge them all), and our components take every font size and tap height
// from the tokens — a fixed font size would stay small in 关怀模式.
import fs from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM } from '../support/page';
import { COMPONENTS, componentPath } from './support';

const APP_WXSS = fs.readFileSync(path.join(MINIPROGRAM, 'app.wxss'), 'utf8');

/** The declarations of the first rule whose selector list is exactly `selector`. */
function rule(css: string, selector: string): Record<string, string> {
  const body = new RegExp(`(?:^|\\})\\s*${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(
    css.replace(/\/\*[\s\S]*?\*\//g, ''),
  )?.[1];
  if (body === undefined) throw new Error(`no rule for ${selector} in app.wxss`);
  const out: Record<string, string> = {};
  for (const decl of body.split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim();
  }
  return out;
}

test('every size token is computed from --scale, on page and again on each page root', () => {
  const sized = rule(APP_WXSS, 'page,\n.page');
  for (const token of ['--font-small', '--font-body', '--font-title', '--font-figure', '--space', '--tap-min']) {
    expect(sized[token]).toMatch(/^calc\(\d+rpx \* var\(--scale\)\)$/);
  }
  expect(rule(APP_WXSS, 'page')['--scale']).toBe('1');
});

test('关怀模式 scales up, and its larger step more', () => {
  const care = Number(rule(APP_WXSS, '.care')['--scale']);
  const xl = Number(rule(APP_WXSS, '.care-xl')['--scale']);
  expect(care).toBeGreaterThanOrEqual(1.2);
  expect(xl).toBeGreaterThan(care);
  // The root view applies the body size itself: an inherited size would be the page's, unscaled.
  expect(rule(APP_WXSS, '.page')['font-size']).toBe('var(--font-body)');
});

test.each(COMPONENTS)('%s takes font sizes and tap heights from the tokens', (name) => {
  const wxss = fs.readFileSync(`${componentPath(name)}.wxss`, 'utf8');
  const fontSizes = [...wxss.matchAll(/font-size:\s*([^;]+);/g)].map((m) => m[1]);
  for (const size of fontSizes) expect(size).toMatch(/^var\(--font-(small|body|title|figure)\b/);
  const minHeights = [...wxss.matchAll(/min-height:\s*([^;]+);/g)].map((m) => m[1]);
  for (const h of minHeights) expect(h).toMatch(/^var\(--tap-min\b/);
  // No px: every length is rpx or a token (1px looks different on every phone).
  expect(wxss).not.toMatch(/\d(px)\b/);
});
