// WXSS for a browser preview: the page's and its components' style sheets scoped the way
// miniprogram-simulate scopes them (a class `.x` of the page becomes `.main--x`, of component
// hm-button `.hm-button--x`), with what simulate leaves out or gets wrong for a screenshot fixed:
// rpx at the phone's scale (1rpx = 0.5px at 375px wide; simulate makes it 1px), app.wxss applied to
// the page, `page {}` rules on body, `:host {}` on the component's tag, WXML tags (view, text …)
// as the wx-* elements simulate renders.
import fs from 'node:fs';
import path from 'node:path';

/** CSS px per rpx at a 375px-wide screen (750rpx is the screen's width). */
export const PX_PER_RPX = 375 / 750;

/** WeChat's built-in components: a type selector `view` means the rendered `wx-view`. */
export const BUILT_IN_TAGS = [
  'cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area', 'movable-view', 'page-container', 'root-portal', 'scroll-view',
  'share-element', 'sticky-header', 'sticky-section', 'swiper', 'swiper-item', 'view', 'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox',
  'checkbox-group', 'editor', 'form', 'input', 'keyboard-accessory', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio', 'radio-group',
  'slider', 'switch', 'textarea', 'navigator', 'audio', 'camera', 'image', 'live-player', 'live-pusher', 'video', 'map', 'canvas', 'web-view',
  'navigation-bar', 'page-meta',
];
const BUILT_IN = new Set(BUILT_IN_TAGS);

/** "24rpx" → "12px" (decimals and negatives too). */
export function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx\b/gi, (_, n: string) => `${Number((Number(n) * PX_PER_RPX).toFixed(3))}px`);
}

/** The WXSS of a file with its @imports inlined (relative, or absolute from the mini-program root). */
export function readWxss(file: string, root: string, seen = new Set<string>()): string {
  if (seen.has(file) || !fs.existsSync(file)) return '';
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  return source.replace(/@import\s+(?:"([^"]+)"|'([^']+)')\s*;/g, (_, a: string | undefined, b: string | undefined) => {
    const target = a ?? b ?? '';
    const resolved = target.startsWith('/') ? path.join(root, target) : path.resolve(path.dirname(file), target);
    return readWxss(resolved.endsWith('.wxss') ? resolved : `${resolved}.wxss`, root, seen);
  });
}

/** One selector, scoped: classes prefixed, WXML tags mapped, `page` → body, `:host` → the tag. */
export function scopeSelector(selector: string, prefix: string, hostTag: string | null): string {
  let s = selector.trim();
  if (hostTag) s = s.replace(/:host\b(\(([^)]*)\))?/g, (_, _p: string | undefined, inner: string | undefined) => `${hostTag}${inner ?? ''}`);
  s = s.replace(/(?<!\d)\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/g, (_, cls: string) => `.${prefix}--${cls}`);
  return s.replace(/(^|[\s>+~,(])([a-z][a-z0-9-]*)(?=$|[\s.#:[>+~,)])/g, (all, before: string, tag: string) => {
    if (tag === 'page') return `${before}body`;
    return BUILT_IN.has(tag) ? `${before}wx-${tag}` : all;
  });
}

/** Splits CSS into its top-level blocks: [prelude, body] (at-rules without a body are dropped). */
function blocks(css: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    // A prelude may carry a statement before it (`@charset "x"; .a`): keep what follows the last ';'.
    const prelude = css.slice(i, open).split(';').pop() ?? '';
    out.push([prelude.trim(), css.slice(open + 1, j - 1)]);
    i = j;
  }
  return out;
}

/** WXSS scoped to `prefix` (see scopeSelector), rpx converted. */
export function scopeWxss(wxss: string, prefix: string, hostTag: string | null): string {
  const css = wxss.replace(/\/\*[\s\S]*?\*\//g, '');
  return blocks(css)
    .map(([prelude, body]) => {
      if (/^@(media|supports)\b/.test(prelude)) return `${prelude}{${scopeWxss(body, prefix, hostTag)}}`;
      if (prelude.startsWith('@')) return `${prelude}{${rpxToPx(body)}}`;
      const selectors = prelude.split(',').map((sel) => scopeSelector(sel, prefix, hostTag));
      return `${selectors.join(',')}{${rpxToPx(body)}}`;
    })
    .join('\n');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A component a page uses: its tag (the usingComponents key) and its path without extension. */
export interface UsedComponent {
  tag: string;
  file: string;
}

/** Every component a page (or component) uses, and theirs, as simulate registers them. */
export function usedComponents(file: string, root: string, seen = new Set<string>()): UsedComponent[] {
  const jsonFile = `${file}.json`;
  if (!fs.existsSync(jsonFile)) return [];
  const json: unknown = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  const using = isRecord(json) && isRecord(json.usingComponents) ? json.usingComponents : {};
  const out: UsedComponent[] = [];
  for (const [tag, value] of Object.entries(using)) {
    if (typeof value !== 'string' || value.startsWith('plugin://')) continue;
    const target = value.startsWith('/') ? path.join(root, value) : path.resolve(path.dirname(file), value);
    const key = `${tag} ${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ tag, file: target }, ...usedComponents(target, root, seen));
  }
  return out;
}

/** Whether a component takes app.wxss too (addGlobalClass, or styleIsolation apply-shared / shared). */
function takesAppStyles(componentFile: string): boolean {
  for (const ext of ['.ts', '.js']) {
    if (!fs.existsSync(componentFile + ext)) continue;
    const source = fs.readFileSync(componentFile + ext, 'utf8');
    return /addGlobalClass\s*:\s*true/.test(source) || /styleIsolation\s*:\s*['"](apply-shared|shared)['"]/.test(source);
  }
  return false;
}

/**
 * All the CSS a page needs in a browser: app.wxss and the page's WXSS scoped to the page (simulate
 * loads pages with the tag "main"), and each component's WXSS scoped to its tag.
 */
export function pageCss(root: string, route: string, pageTag = 'main'): string {
  const appWxss = readWxss(path.join(root, 'app.wxss'), root);
  const pageFile = path.join(root, route);
  const parts = [`/* app.wxss */\n${scopeWxss(appWxss, pageTag, null)}`, `/* ${route}.wxss */\n${scopeWxss(readWxss(`${pageFile}.wxss`, root), pageTag, null)}`];
  for (const c of usedComponents(pageFile, root)) {
    const own = scopeWxss(readWxss(`${c.file}.wxss`, root), c.tag, c.tag);
    const shared = takesAppStyles(c.file) ? scopeWxss(appWxss, c.tag, c.tag) : '';
    parts.push(`/* <${c.tag}> ${path.relative(root, c.file)}.wxss */\n${shared}\n${own}`);
  }
  return parts.join('\n');
}
