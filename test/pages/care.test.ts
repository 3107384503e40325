// The care behavior (miniprogram/behaviors/care.ts): which class a page's root gets from the
// stored switch and WeChat's font size, and that the switch restyles every open page at once.
import fs from 'node:fs';
import path from 'node:path';
import { routesOf } from '../preview/manifest';
import { freshSimulate } from './components/support';

type CareModule = typeof import('../../miniprogram/behaviors/care');

let originalBaseInfo: unknown;
beforeEach(() => {
  originalBaseInfo = Reflect.get(wx, 'getAppBaseInfo');
});
afterEach(() => {
  Reflect.set(wx, 'getAppBaseInfo', originalBaseInfo);
});

/** WeChat's font size as getAppBaseInfo reports it (only the fields the behavior reads). */
function fontSize(info: { fontSizeSetting?: number; fontSizeScaleFactor?: number }): void {
  Reflect.set(wx, 'getAppBaseInfo', () => ({ SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', ...info }));
}

/** Two pages using the behavior, rendered as WeChat would keep them in the page stack. */
async function twoPages(): Promise<{ care: CareModule; roots: () => string[]; detachSecond: () => void }> {
  const simulate = await freshSimulate();
  // After simulate (it defines Behavior), in the same module registry.
  const care: CareModule = await import('../../miniprogram/behaviors/care');
  const id = simulate.load({ template: '<view class="page {{careClass}}">正文</view>', behaviors: [care.care] });
  const first = simulate.render(id);
  first.attach(document.createElement('parent-wrapper'));
  const second = simulate.render(id);
  second.attach(document.createElement('parent-wrapper'));
  const rootClass = (c: typeof first): string => String(c.data.careClass);
  return { care, roots: () => [rootClass(first), rootClass(second)], detachSecond: () => second.detach() };
}

test('standard font, switch never used: no care class', async () => {
  fontSize({ fontSizeSetting: 17, fontSizeScaleFactor: 1 });
  const { care, roots } = await twoPages();
  expect(roots()).toEqual(['', '']);
  expect(care.isCareOn()).toBe(false);
});

test('an old base library without the font size: standard', async () => {
  Reflect.set(wx, 'getAppBaseInfo', () => {
    throw new Error('getAppBaseInfo:fail not supported');
  });
  const { care, roots } = await twoPages();
  expect(care.systemFontScale()).toBe(1);
  expect(roots()).toEqual(['', '']);
});

test("WeChat's font set large turns 关怀模式 on by itself; the largest sizes take the larger step", async () => {
  fontSize({ fontSizeSetting: 20 }); // no scale factor reported: 20 / 17
  let { roots } = await twoPages();
  expect(roots()).toEqual(['care', 'care']);

  fontSize({ fontSizeSetting: 24, fontSizeScaleFactor: 1.4 });
  ({ roots } = await twoPages());
  expect(roots()).toEqual(['care care-xl', 'care care-xl']);
});

test('the switch restyles every open page at once and is remembered', async () => {
  fontSize({ fontSizeSetting: 17, fontSizeScaleFactor: 1 });
  const { care, roots, detachSecond } = await twoPages();
  care.setCareMode(true);
  expect(roots()).toEqual(['care', 'care']);
  expect(wx.getStorageSync('hm.careMode')).toBe('on');
  expect(care.careChoice()).toBe('on');

  // A page closed since (navigateBack) is no longer restyled.
  detachSecond();
  care.setCareMode(false);
  expect(roots()).toEqual(['', 'care']);

  // A page opened later reads the stored choice.
  care.setCareMode(true);
  const later = await twoPages();
  expect(later.roots()).toEqual(['care', 'care']);
});

test('switched off by the user: standard even with a large WeChat font', async () => {
  fontSize({ fontSizeSetting: 24, fontSizeScaleFactor: 1.4 });
  wx.setStorageSync('hm.careMode', 'off');
  const { care, roots } = await twoPages();
  expect(care.isCareOn()).toBe(false);
  expect(roots()).toEqual(['', '']);
  care.setCareMode(true);
  expect(roots()).toEqual(['care care-xl', 'care care-xl']);
});

describe('every page of app.json takes part in 关怀模式', () => {
  const root = path.resolve(__dirname, '..', '..', 'miniprogram');
  const app: unknown = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  test.each(routesOf(app))('%s: the care behavior and the root class', (route) => {
    expect(fs.readFileSync(path.join(root, `${route}.ts`), 'utf8')).toMatch(/behaviors: \[care\b/);
    // The root view comes first, after any <import>, <wxs>, <template> definition or comment.
    const wxml = fs
      .readFileSync(path.join(root, `${route}.wxml`), 'utf8')
      .replace(/<!--[\s\S]*?-->|<import\b[^>]*\/>|<wxs\b[\s\S]*?<\/wxs>|<wxs\b[^>]*\/>|<template name=[\s\S]*?<\/template>/g, '')
      .trimStart();
    expect(wxml).toMatch(/^<view class="page (tab-page )?\{\{careClass\}\}"/);
  });
});
