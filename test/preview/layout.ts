// The layout checks of npm run preview, run in Chromium on every rendered page (shoot.ts):
// - text that overflows its box (past its block's edge or the screen's);
// - a line break inside a run of digits ("13. / 3%", "136**** / 0444", "0 / 9:00") or inside a
//   2–4 character name or tag standing alone in its element ("曾 / 建国", "村 / 民");
// - in 关怀模式, a tap target smaller than 44 × 44 px.
// `findLayoutProblems` runs inside the page (page.evaluate): it must not use anything from outside
// its own body.

export interface LayoutProblem {
  kind: 'overflow' | 'digits' | 'name' | 'tap';
  /** The element: tag and its first class, as the page's WXML names it (simulate's prefix cut). */
  element: string;
  text: string;
  detail: string;
}

/** The least tap target in 关怀模式, in CSS px (WeChat's 适老化 guidance: 44 px and up). */
export const MIN_TAP_PX = 44;

export function findLayoutProblems(args: { care: boolean; minTap: number }): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const SCREEN = document.documentElement.clientWidth;
  const SLACK = 1;

  const describe = (el: Element): string => {
    const cls = (el.getAttribute('class') ?? '').split(/\s+/).find(Boolean) ?? '';
    return `${el.tagName.toLowerCase()}${cls ? `.${cls.replace(/^[\w-]+?--/, '')}` : ''}`;
  };
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  /** The element that gives a text its box: the nearest ancestor that is not inline. */
  const boxOf = (el: Element): Element => {
    let cur: Element | null = el;
    while (cur && getComputedStyle(cur).display === 'inline') cur = cur.parentElement;
    return cur ?? el;
  };
  /** Text in a horizontally scrolled strip or a deliberate ellipsis is allowed past its box. */
  const mayOverflow = (el: Element): boolean => {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      const s = getComputedStyle(cur);
      if (s.textOverflow === 'ellipsis' || s.overflowX === 'auto' || s.overflowX === 'scroll') return true;
      // The preview's own notes (navigation bar, toast, an undrawn canvas or video) are not the page's.
      if (/hm-preview-|wx-canvas-note|wx-media-note/.test(cur.getAttribute('class') ?? '')) return true;
    }
    return false;
  };
  /** How many lines a range of text takes. */
  const lines = (range: Range): number => {
    const tops: number[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 0.5) continue;
      if (!tops.some((t) => Math.abs(t - r.top) < 3)) tops.push(r.top);
    }
    return tops.length;
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const parent = node.parentElement;
    if (!parent || !text.trim() || !visible(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = boxOf(parent);
    const boxRect = box.getBoundingClientRect();
    if (!mayOverflow(parent)) {
      for (const r of Array.from(range.getClientRects())) {
        if (r.width < 0.5) continue;
        const past = Math.max(r.right - Math.max(boxRect.right, 0), boxRect.left - r.left, r.right - SCREEN, -r.left);
        if (past > SLACK) {
          problems.push({ kind: 'overflow', element: describe(box), text: text.trim().slice(0, 40), detail: `超出 ${past.toFixed(1)} px` });
          break;
        }
      }
    }
    // A run of digits (with the marks inside numbers, dates, times, percentages and masked phones).
    const runs = /[0-9*][0-9*.,:%/-]*[0-9*%]/g;
    for (let m = runs.exec(text); m; m = runs.exec(text)) {
      if (!/[0-9]/.test(m[0])) continue;
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      if (lines(r) > 1) problems.push({ kind: 'digits', element: describe(box), text: m[0], detail: `“${text.trim().slice(0, 40)}”中的数字被拆成两行` });
    }
    const trimmed = text.trim();
    if (/^[\u4e00-\u9fff·]{2,4}$/.test(trimmed) && lines(range) > 1) {
      problems.push({ kind: 'name', element: describe(box), text: trimmed, detail: '两到四个字的名字或标签被拆成两行' });
    }
  }

  if (args.care) {
    for (const el of Array.from(document.querySelectorAll('[data-hm-tap]'))) {
      if (!visible(el) || el.closest('[hidden]')) continue;
      // A tappable element inside another is reached through the outer one (the host of hm-button).
      const outer = el.parentElement?.closest('[data-hm-tap]');
      if (outer && visible(outer)) continue;
      const r = el.getBoundingClientRect();
      if (r.height + SLACK < args.minTap || r.width + SLACK < args.minTap) {
        problems.push({ kind: 'tap', element: describe(el), text: (el.textContent ?? '').trim().slice(0, 20), detail: `${r.width.toFixed(0)}×${r.height.toFixed(0)} px，小于 ${args.minTap} px` });
      }
    }
  }
  return problems;
}
