// 关怀模式 (elder mode), after WeChat's 适老化 guidance: one mechanism for every page. A page adds
// `behaviors: [care]` and roots its WXML in `<view class="page {{careClass}}">`; app.wxss scales
// every size token (text, spacing, tap targets) under .care / .care-xl.
//
// Whether it is on: the switch on 首页 when the user has used it (stored on the phone); until then
// WeChat's own font size (我 → 设置 → 通用 → 字体大小) decides, so someone who made WeChat's text
// large gets large text here too without looking for a switch.

const KEY = 'hm.careMode';

/** WeChat's standard font size in px (iOS; Android reports a scale factor of 1 for its standard). */
const STANDARD_FONT_PX = 17;
/** From this scale of WeChat's font on, 关怀模式 is on by default… */
const LARGE_FONT = 1.15;
/** …and from this one, the larger step. */
const LARGEST_FONT = 1.35;

export type CareChoice = 'on' | 'off' | '';

/** What the user chose with the switch; '' when they never used it. */
export function careChoice(): CareChoice {
  const saved: unknown = wx.getStorageSync(KEY);
  return saved === 'on' || saved === 'off' ? saved : '';
}

/** How much larger than standard WeChat's font size is set (1 when unknown). */
export function systemFontScale(): number {
  try {
    const info = wx.getAppBaseInfo();
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor;
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return info.fontSizeSetting / STANDARD_FONT_PX;
  } catch {
    // An old base library without getAppBaseInfo: standard size.
  }
  return 1;
}

/** Whether 关怀模式 is on: the user's choice, else WeChat's font size. */
export function isCareOn(): boolean {
  const choice = careChoice();
  if (choice) return choice === 'on';
  return systemFontScale() >= LARGE_FONT;
}

/** The class of a page's root view: '' (standard), 'care', or 'care care-xl'. */
export function careClass(): string {
  if (!isCareOn()) return '';
  return systemFontScale() >= LARGEST_FONT ? 'care care-xl' : 'care';
}

interface CareTarget {
  setData(data: { careClass: string }): void;
}

/** The pages alive now (the page stack): a change of the switch reaches them all at once. */
const live = new Set<CareTarget>();

/** Turns 关怀模式 on or off (remembered on the phone) and restyles every open page. */
export function setCareMode(on: boolean): void {
  wx.setStorageSync(KEY, on ? 'on' : 'off');
  const value = careClass();
  for (const page of live) page.setData({ careClass: value });
}

export const care = Behavior({
  data: { careClass: '' },
  lifetimes: {
    // `this` spelled out: the page instance, of which the behavior needs only setData.
    attached(this: CareTarget) {
      live.add(this);
      this.setData({ careClass: careClass() });
    },
    detached(this: CareTarget) {
      live.delete(this);
    },
  },
});
