// The preview's fixes to what miniprogram-simulate renders (npm run preview): rpx at the phone's
// scale, classes scoped as simulate scopes them, WXML tags as the wx-* elements it renders, `page`
// on body, `:host` on the component's tag; and the routes and file names it works through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { routesOf, slugOf } from './manifest';
import { pageCss, rpxToPx, scopeSelector, scopeWxss, usedComponents } from './wxss';

test('rpx is half a CSS pixel at 375px wide (750rpx is the screen), decimals and negatives too', () => {
  expect(rpxToPx('margin: 24rpx -8rpx 0.5rpx 750rpx; width: 100px')).toBe('margin: 12px -4px 0.25px 375px; width: 100px');
  expect(rpxToPx('calc(88rpx * var(--scale))')).toBe('calc(44px * var(--scale))');
});

test('selectors: classes prefixed, WXML tags mapped, page on body, :host on the tag', () => {
  expect(scopeSelector('.card .title', 'main', null)).toBe('.main--card .main--title');
  expect(scopeSelector('.a.b>view+text', 'main', null)).toBe('.main--a.main--b>wx-view+wx-text');
  expect(scopeSelector('page', 'main', null)).toBe('body');
  expect(scopeSelector('button:not(.x)', 'main', null)).toBe('wx-button:not(.main--x)');
  expect(scopeSelector(':host', 'hm-tag', 'hm-tag')).toBe('hm-tag');
  expect(scopeSelector(':host(.on) .hm-tag', 'hm-tag', 'hm-tag')).toBe('hm-tag.hm-tag--on .hm-tag--hm-tag');
  // An unknown tag (another component's) stays as it is.
  expect(scopeSelector('hm-button .x', 'main', null)).toBe('hm-button .main--x');
});

test('a sheet: comments dropped, @media scoped inside, @keyframes kept, rpx converted', () => {
  const css = scopeWxss('/* c */ page, .page { --tap-min: calc(88rpx * var(--scale)); }\n@media (min-width: 400px) { .card { margin: 24rpx; } }\n@keyframes spin { to { transform: rotate(1turn); } }', 'main', null);
  expect(css).toBe(
    'body,.main--page{ --tap-min: calc(44px * var(--scale)); }\n@media (min-width: 400px){.main--card{ margin: 12px; }}\n@keyframes spin{ to { transform: rotate(1turn); } }',
  );
});

test("a page's CSS: app.wxss and the page's own (with @import) under the page's prefix, each component under its tag", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-css-'));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('app.wxss', '.card { padding: 24rpx; }');
  write('packages/a/common.wxss', '.line { margin: 8rpx; }');
  write('packages/a/p/p.wxss', '@import "../common.wxss";\n.x { color: red; }');
  write('packages/a/p/p.json', JSON.stringify({ usingComponents: { 'hm-tag': '/components/hm-tag/hm-tag' } }));
  write('components/hm-tag/hm-tag.json', JSON.stringify({ component: true, usingComponents: {} }));
  write('components/hm-tag/hm-tag.wxss', ':host { display: inline-block; }\n.hm-tag { padding: 4rpx; }');
  write('components/hm-tag/hm-tag.ts', "Component({ options: { styleIsolation: 'isolated' } });");
  try {
    expect(usedComponents(path.join(root, 'packages/a/p/p'), root)).toEqual([{ tag: 'hm-tag', file: path.join(root, 'components/hm-tag/hm-tag') }]);
    const css = pageCss(root, 'packages/a/p/p');
    expect(css).toContain('.main--card{ padding: 12px; }');
    expect(css).toContain('.main--line{ margin: 4px; }');
    expect(css).toContain('.main--x{ color: red; }');
    expect(css).toContain('hm-tag{ display: inline-block; }');
    expect(css).toContain('.hm-tag--hm-tag{ padding: 2px; }');
    // An isolated component does not take app.wxss.
    expect(css).not.toContain('.hm-tag--card');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('routes: the main package, then every subpackage under its root; file names from them', () => {
  const app = { pages: ['pages/home/home'], subpackages: [{ root: 'packages/points/', pages: ['rules/rules', 'archive/archive'] }], subPackages: [] };
  expect(routesOf(app)).toEqual(['pages/home/home', 'packages/points/rules/rules', 'packages/points/archive/archive']);
  expect(slugOf('pages/home/home')).toBe('home');
  expect(slugOf('packages/points/archive/archive')).toBe('points-archive');
  expect(slugOf('packages/notice/notice/notice')).toBe('notice');
});

test('every page of the real app.json has its files (the preview renders each)', () => {
  const app: unknown = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'miniprogram', 'app.json'), 'utf8'));
  const routes = routesOf(app);
  expect(routes[0]).toBe('pages/home/home');
  for (const route of routes) expect(fs.existsSync(path.resolve(__dirname, '..', '..', 'miniprogram', `${route}.wxml`))).toBe(true);
});
