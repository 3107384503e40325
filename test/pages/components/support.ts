// Loads our own components (miniprogram/components/) in miniprogram-simulate, alone or inside a
// small host template, from their real .ts/.wxml/.wxss/.json — the same way a page's
// usingComponents would resolve them ("/components/hm-button/hm-button" under the mini-program root).
import path from 'node:path';
import type * as Simulate from 'miniprogram-simulate';
import { MINIPROGRAM, sleep } from '../support/page';

export type Rendered = ReturnType<typeof Simulate.render>;
type Simulator = typeof Simulate;

export const COMPONENTS = ['hm-button', 'hm-cell', 'hm-tag', 'hm-empty', 'hm-section', 'hm-state'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

export const componentPath = (name: ComponentName): string => path.join(MINIPROGRAM, 'components', name, name);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Fresh modules and an empty wcc template cache (a window global that survives resetModules). */
export async function freshSimulate(): Promise<Simulator> {
  jest.resetModules();
  const cache: unknown = Reflect.get(globalThis, '__WXML_GLOBAL__');
  if (isRecord(cache)) Object.assign(cache, { ops_cached: {}, ops_set: {}, ops_init: {}, modules: {} });
  return import('miniprogram-simulate');
}

/** One component alone, with these properties. */
export async function renderComponent(name: ComponentName, props: Record<string, unknown> = {}): Promise<Rendered> {
  const simulate = await freshSimulate();
  const id = simulate.load(componentPath(name), name, { rootPath: MINIPROGRAM });
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Every event a host handler received: its name, the host's dataset and detail. */
export interface Received {
  handler: string;
  dataset: unknown;
  detail: unknown;
}

const isComponent = (tag: string): tag is ComponentName => COMPONENTS.some((name) => name === tag);

/** Our components the template uses, by tag. */
const componentsIn = (template: string): ComponentName[] =>
  [...new Set(Array.from(template.matchAll(/<(hm-[a-z-]+)/g), (m) => m[1] ?? ''))].filter(isComponent);

/** The host handlers the template binds (bindtap="onSave" → onSave). */
const handlersIn = (template: string): string[] => [...new Set(Array.from(template.matchAll(/bind:?[a-z]+="(\w+)"/g), (m) => m[1] ?? ''))];

/**
 * A host template using the components it names by tag (as a page would), with the handlers it binds
 * recording what they receive.
 */
export async function renderInHost(template: string): Promise<{ host: Rendered; root: Rendered; received: Received[] }> {
  const names = componentsIn(template);
  const handlers = handlersIn(template);
  const simulate = await freshSimulate();
  const usingComponents: Record<string, string> = {};
  for (const name of names) usingComponents[name] = simulate.load(componentPath(name), name, { rootPath: MINIPROGRAM });
  const received: Received[] = [];
  const methods: Record<string, (e: WechatMiniprogram.CustomEvent) => void> = {};
  for (const handler of handlers) methods[handler] = (e) => received.push({ handler, dataset: e.currentTarget.dataset, detail: e.detail });
  const id = simulate.load({ usingComponents, template, methods });
  const host = simulate.render(id);
  host.attach(document.createElement('parent-wrapper'));
  // Where a test looks: the element of the template's first class (the component it is about).
  const first = /class="([\w-]+)"/.exec(template)?.[1];
  const root = (first && host.querySelector(`.${first}`)) || host;
  return { host, root, received };
}

/** The rendered element of `selector` inside a rendered component (fails when it is not there). */
export function el(comp: Rendered, selector: string): HTMLElement {
  const found = comp.querySelector(selector)?.dom;
  if (!found) throw new Error(`${selector} is not rendered in ${comp.dom?.outerHTML ?? '(nothing)'}`);
  return found;
}

/** The classes simulate gave an element, without its prefix ("hm-button--hm-button--primary" → "hm-button--primary"). */
export function classesOf(element: Element, prefix: string): string[] {
  return Array.from(element.classList).map((c) => (c.startsWith(`${prefix}--`) ? c.slice(prefix.length + 2) : c));
}

/** Taps an element inside a component and lets the event reach the host's handler. */
export async function tapInside(comp: Rendered, hostSelector: string | null, innerSelector: string): Promise<void> {
  const host = hostSelector === null ? comp : comp.querySelector(hostSelector);
  const target = host?.querySelector(innerSelector);
  if (!target) throw new Error(`${innerSelector} is not rendered in ${comp.dom?.outerHTML ?? '(nothing)'}`);
  target.dispatchEvent('tap');
  await sleep(0);
}

export const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text of each of `selectors` inside a rendered component, in order (fails when one is not there). */
export const textsAt = (comp: Rendered, selectors: string[]): string[] => selectors.map((selector) => text(el(comp, selector)));

/**
 * An attribute as the template set it (simulate keeps aria-* and hover-class in its own tree, not
 * in the DOM): camelCase, e.g. "ariaRole".
 */
export function attrOf(comp: Rendered, selector: string, name: string): unknown {
  const found = comp.querySelector(selector);
  if (!found) throw new Error(`${selector} is not rendered in ${comp.dom?.outerHTML ?? '(nothing)'}`);
  return found.toJSON().attrs.find((a) => a.name === name)?.value;
}
