// A page rendered by miniprogram-simulate, turned into a standalone HTML document that Chromium
// shows as the phone would: the rendered DOM (wx-view … elements with simulate's scoped classes),
// WeChat's built-in components drawn from the attributes the template gave them (simulate renders
// them as empty shells: an input without its placeholder, an image without its picture), inline
// styles with rpx at the phone's scale, a base sheet with WeChat's defaults, the navigation bar and
// any toast the page showed. Animations are off.
import http from 'node:http';
import { rpxToPx } from './wxss';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes the template set on a rendered element (simulate keeps them off the DOM). */
export function templateAttrs(el: Element): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const wxElement: unknown = Reflect.get(el, '__wxElement');
  const vt: unknown = typeof wxElement === 'object' && wxElement !== null ? Reflect.get(wxElement, '_vt') : undefined;
  const attrs: unknown = isRecord(vt) ? vt.attrs : undefined;
  if (Array.isArray(attrs)) {
    for (const a of attrs) if (isRecord(a) && typeof a.name === 'string') out.set(a.name, a.value);
  }
  return out;
}

/** Whether the template bound a tap (or long press) on a rendered element. */
function hasTapHandler(el: Element): boolean {
  const wxElement: unknown = Reflect.get(el, '__wxElement');
  const vt: unknown = typeof wxElement === 'object' && wxElement !== null ? Reflect.get(wxElement, '_vt') : undefined;
  const event: unknown = isRecord(vt) ? vt.event : undefined;
  return isRecord(event) && ('tap' in event || 'longpress' in event);
}

/** Built-ins a finger taps whatever their handlers: the layout check measures them in 关怀模式. */
const TAPPED = new Set(['wx-navigator', 'wx-button', 'wx-switch', 'wx-checkbox', 'wx-radio', 'wx-picker']);

const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '' || (typeof v === 'number' && v !== 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Pictures by URL, fetched while the local cloud still runs (the screenshots come later). */
export type ImageInliner = (src: string) => string;

/** Fetches every http image of a page into a data: URL (the local cloud's files). */
export async function inlineImages(root: Element): Promise<ImageInliner> {
  const urls = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('wx-image, wx-cover-image'))) {
    const src = str(templateAttrs(el).get('src'));
    if (/^https?:\/\//.test(src)) urls.add(src);
  }
  const data = new Map<string, string>();
  await Promise.all(
    [...urls].map(
      (url) =>
        new Promise<void>((resolve) => {
          http
            .get(url, { agent: false }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => {
                const type = String(res.headers['content-type'] ?? 'image/png').split(';')[0];
                if (res.statusCode === 200) data.set(url, `data:${type};base64,${Buffer.concat(chunks).toString('base64')}`);
                resolve();
              });
            })
            .on('error', () => resolve());
        }),
    ),
  );
  return (src) => data.get(src) ?? src;
}

const IMAGE_FIT: Record<string, string> = { scaleToFill: 'fill', aspectFit: 'contain', aspectFill: 'cover', widthFix: 'fill', heightFix: 'fill' };

/** The inside of a built-in component that simulate renders empty. */
function builtInInside(tag: string, attrs: Map<string, unknown>, inline: ImageInliner, children: string): string {
  switch (tag) {
    case 'wx-input':
    case 'wx-textarea': {
      const value = str(attrs.get('value'));
      const shown = value ? (str(attrs.get('type')) === 'password' || truthy(attrs.get('password')) ? '•'.repeat(value.length) : value) : str(attrs.get('placeholder'));
      return `<span class="wx-field${value ? '' : ' wx-placeholder'}">${escapeHtml(shown)}</span>`;
    }
    case 'wx-image':
    case 'wx-cover-image': {
      const src = str(attrs.get('src'));
      const fit = IMAGE_FIT[str(attrs.get('mode')) || 'scaleToFill'] ?? 'fill';
      return src ? `<img src="${escapeHtml(inline(src))}" style="object-fit:${fit}" alt="">` : '';
    }
    case 'wx-switch':
    case 'wx-checkbox':
    case 'wx-radio':
      return `<span class="${tag}-input${truthy(attrs.get('checked')) ? ' wx-checked' : ''}"></span>${children}`;
    case 'wx-button':
      return `${truthy(attrs.get('loading')) ? '<span class="wx-loading"></span>' : ''}${children}`;
    case 'wx-canvas':
      return '<span class="wx-canvas-note">图表（预览中不绘制）</span>';
    case 'wx-rich-text':
      return typeof attrs.get('nodes') === 'string' ? str(attrs.get('nodes')) : children;
    case 'wx-progress':
      return `<span class="wx-progress-bar" style="width:${Math.max(0, Math.min(100, Number(attrs.get('percent')) || 0))}%"></span>`;
    case 'wx-video':
    case 'wx-map':
    case 'wx-camera':
    case 'wx-web-view':
    case 'wx-live-player':
      return `<span class="wx-media-note">${escapeHtml(tag.slice(3))}</span>`;
    default:
      return children;
  }
}

/** Attributes a built-in keeps in the preview so the base sheet can style it ([type=primary] …). */
const KEPT: Record<string, string[]> = {
  'wx-button': ['type', 'size', 'plain', 'disabled', 'loading'],
  'wx-image': ['mode'],
  'wx-textarea': ['auto-height', 'autoHeight'],
  'wx-switch': ['disabled'],
  'wx-checkbox': ['disabled'],
  'wx-radio': ['disabled'],
  'wx-scroll-view': ['scroll-x', 'scrollX'],
};

function elementHtml(el: Element, inline: ImageInliner): string {
  const tag = el.tagName.toLowerCase();
  const attrs = templateAttrs(el);
  const children = Array.from(el.childNodes)
    .map((n) => {
      if (n.nodeType === 3) {
        const t = n.textContent ?? '';
        return escapeHtml(tag === 'wx-text' ? t.replace(/^\n+|\n+$/g, '') : t);
      }
      return n instanceof Element ? elementHtml(n, inline) : '';
    })
    .join('');
  const out: string[] = [];
  const cls = el.getAttribute('class');
  if (cls) out.push(`class="${escapeHtml(cls)}"`);
  const style = str(attrs.get('style')) || el.getAttribute('style') || '';
  if (style) out.push(`style="${escapeHtml(rpxToPx(style))}"`);
  if (truthy(attrs.get('hidden'))) out.push('hidden');
  if (TAPPED.has(tag) || hasTapHandler(el)) out.push('data-hm-tap');
  for (const name of KEPT[tag] ?? []) {
    const v = attrs.get(name);
    if (v === undefined || v === false || v === null) continue;
    const attr = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    out.push(v === true ? attr : `${attr}="${escapeHtml(str(v))}"`);
  }
  if (tag === 'wx-image' && (str(attrs.get('mode')) === 'widthFix' || str(attrs.get('mode')) === 'heightFix')) out.push(`data-fix="${str(attrs.get('mode'))}"`);
  const name = tag === 'main' ? 'div' : tag;
  return `<${name}${out.length ? ` ${out.join(' ')}` : ''}>${builtInInside(tag, attrs, inline, children)}</${name}>`;
}

/** The page's rendered DOM as HTML for a browser. */
export function pageHtml(root: Element, inline: ImageInliner): string {
  return elementHtml(root, inline);
}

/** WeChat's defaults for its built-in components (style v2), as far as a screenshot needs them. */
export const BASE_CSS = `
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-size: 16px; line-height: normal; font-family: -apple-system, 'PingFang SC', sans-serif; }
*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent; }
[hidden] { display: none !important; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-navigator, wx-cover-view, wx-picker, wx-picker-view, wx-movable-area,
wx-movable-view, wx-rich-text, wx-editor, wx-match-media, wx-page-container, wx-root-portal, wx-grid-view, wx-list-view, wx-sticky-header,
wx-sticky-section, wx-radio-group, wx-checkbox-group, wx-web-view, wx-map, wx-video, wx-camera { display: block; }
wx-label, wx-text, wx-icon { display: inline; }
wx-text { white-space: pre-line; }
wx-scroll-view[scroll-x] { overflow-x: auto; white-space: nowrap; }
wx-swiper { position: relative; height: 150px; overflow: hidden; }
wx-swiper-item { display: block; width: 100%; height: 100%; }
wx-input { display: block; height: 1.4rem; min-height: 1.4rem; overflow: hidden; text-overflow: clip; white-space: nowrap; line-height: 1.4rem; }
wx-textarea { display: block; width: 300px; height: 150px; overflow: hidden; white-space: pre-wrap; word-break: break-all; line-height: normal; }
wx-textarea[auto-height] { height: auto; min-height: 1.4rem; }
.wx-placeholder { color: #808080; }
wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; background: #e8ebe9; vertical-align: top; }
wx-image img { display: block; width: 100%; height: 100%; }
wx-image[data-fix="widthFix"] { height: auto; }
wx-image[data-fix="widthFix"] img { height: auto; }
wx-button { position: relative; display: block; box-sizing: border-box; margin-left: auto; margin-right: auto; padding: 8px 24px;
  font-size: 17px; font-weight: 700; line-height: 1.41176471; text-align: center; text-decoration: none; border-radius: 8px; overflow: hidden;
  color: #06ae56; background-color: #f2f2f2; }
wx-button:not([size="mini"]) { width: 184px; }
wx-button[size="mini"] { display: inline-block; padding: 0 0.75em; line-height: 2.3; font-size: 16px; }
wx-button[type="primary"] { color: #fff; background-color: #07c160; }
wx-button[type="warn"] { color: #fa5151; background-color: #f2f2f2; }
wx-button[plain] { color: #353535; border: 1px solid #353535; background-color: transparent; }
wx-button[disabled] { color: rgba(0, 0, 0, 0.18); background-color: #f2f2f2; }
wx-button[type="primary"][disabled] { color: rgba(255, 255, 255, 0.6); background-color: #9ed99d; }
.wx-loading { display: inline-block; width: 1em; height: 1em; margin-right: 0.4em; vertical-align: -0.15em; border-radius: 50%;
  border: 2px solid currentColor; border-right-color: transparent; }
wx-switch { display: inline-block; vertical-align: middle; }
.wx-switch-input { position: relative; display: inline-block; width: 52px; height: 32px; border-radius: 16px; background: #dfdfdf; }
.wx-switch-input::after { content: ''; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 50%; background: #fff;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4); }
.wx-switch-input.wx-checked { background: #07c160; }
.wx-switch-input.wx-checked::after { left: 22px; }
wx-checkbox, wx-radio { display: inline-block; }
.wx-checkbox-input, .wx-radio-input { display: inline-block; box-sizing: border-box; width: 22px; height: 22px; margin-right: 5px; vertical-align: middle;
  border: 1px solid #d1d1d1; border-radius: 3px; background: #fff; text-align: center; line-height: 20px; }
.wx-radio-input { border-radius: 50%; }
.wx-checked.wx-checkbox-input::before, .wx-checked.wx-radio-input::before { content: '✓'; color: #07c160; font-size: 18px; }
wx-canvas { display: block; position: relative; width: 300px; height: 150px; background: repeating-linear-gradient(45deg, #f4f6f5 0 8px, #eef1ef 8px 16px); }
.wx-canvas-note { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #8a948e; font-size: 12px; }
wx-progress { display: block; height: 6px; background: #ebebeb; }
.wx-progress-bar { display: block; height: 100%; background: #07c160; }
.wx-media-note { display: flex; align-items: center; justify-content: center; min-height: 150px; background: #222; color: #aaa; }
.hm-preview-nav { display: flex; align-items: center; justify-content: center; height: 44px; padding: 0 88px; font-size: 17px; font-weight: 600;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.hm-preview-toast { position: fixed; left: 50%; top: 45%; transform: translate(-50%, -50%); max-width: 240px; padding: 12px 16px; border-radius: 8px;
  background: rgba(17, 17, 17, 0.8); color: #fff; font-size: 15px; line-height: 1.5; text-align: center; z-index: 9999; }
.hm-preview-stuck { position: fixed; left: 0; right: 0; bottom: 0; padding: 8px; background: #b3261e; color: #fff; font-size: 13px; z-index: 9999; }
`;

export interface NavigationBar {
  title: string;
  background: string;
  /** WeChat's navigationBarTextStyle: "white" or "black". */
  textStyle: string;
}

export interface Document {
  nav: NavigationBar;
  body: string;
  css: string;
  /** The last toast the page showed (WeChat shows one at a time). */
  toast: string;
  /** Said at the bottom when the page never finished loading. */
  stuck: string;
}

export function documentHtml(d: Document): string {
  const color = d.nav.textStyle === 'black' ? '#000' : '#fff';
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=375, initial-scale=1">',
    `<title>${escapeHtml(d.nav.title)}</title>`,
    `<style>${BASE_CSS}</style>`,
    `<style>${d.css}</style>`,
    '</head><body>',
    `<div class="hm-preview-nav" style="background:${escapeHtml(d.nav.background)};color:${color}">${escapeHtml(d.nav.title)}</div>`,
    d.body,
    d.toast ? `<div class="hm-preview-toast">${escapeHtml(d.toast)}</div>` : '',
    d.stuck ? `<div class="hm-preview-stuck">${escapeHtml(d.stuck)}</div>` : '',
    '</body></html>',
  ].join('\n');
}
