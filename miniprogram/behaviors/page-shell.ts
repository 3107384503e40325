// The page shell: one way for every page to load, show it is loading, fail with a retry, and come
// back fresh. A page adds `behaviors: [care, shell]` and defines `load()` (fetch and setData); the
// shell runs it when the page shows (the first time and whenever the person comes back to it), on
// pull-down and on 重新加载, and keeps `loading`, `failed` and `errorText` for the WXML. Content
// already on screen stays when a later refresh fails: the toast says why, the page is not blanked.
// A page where the person fills something in (a form with photos) adds `formShell` instead: it loads
// on the first show and on pull-down only, since WeChat shows the page again on return from the photo
// picker or a preview, and a reload then would overwrite what was typed.
import { errorText, showError } from '../services/cloud';

export interface ShellData {
  /** True until the first load ends (and again while a retry after a failure runs). */
  loading: boolean;
  /** The load failed and nothing is on screen: show errorText and a 重新加载 (bindtap="onRetry"). */
  failed: boolean;
  /** Why the last load failed, in the words showError shows. */
  errorText: string;
  /** A load has succeeded once: later refreshes keep the page on screen. */
  loaded: boolean;
  /** A load (the first or a later one) is running. */
  refreshing: boolean;
}

interface ShellHost {
  data: ShellData;
  setData(data: Partial<ShellData>): void;
  load(): Promise<void>;
}

/** The refresh in flight per page: onShow and a pull-down at once run one load, not two. */
const running = new WeakMap<object, Promise<void>>();

async function run(page: ShellHost): Promise<void> {
  page.setData(page.data.loaded ? { refreshing: true } : { loading: true, failed: false, refreshing: true });
  try {
    await page.load();
    page.setData({ loading: false, failed: false, loaded: true, errorText: '', refreshing: false });
  } catch (e) {
    page.setData({ loading: false, failed: !page.data.loaded, errorText: errorText(e), refreshing: false });
    showError(e);
  }
}

/** Loads the page now (one load at a time); resolves when it has ended, failed or not. */
export function refresh(page: ShellHost): Promise<void> {
  const current = running.get(page);
  if (current) return current;
  const next = run(page).finally(() => running.delete(page));
  running.set(page, next);
  return next;
}

/**
 * Loads the page again after something changed what it shows (a tab picked, an action done): waits
 * for a load in flight (which may have read the old state), then runs one more.
 */
export function reload(page: ShellHost): Promise<void> {
  const current = running.get(page) ?? Promise.resolve();
  return current.then(() => refresh(page));
}

const initial: ShellData = { loading: true, failed: false, errorText: '', loaded: false, refreshing: false };

export const shell = Behavior({
  data: initial,
  methods: {
    onShow(this: ShellHost) {
      void refresh(this);
    },
    onPullDownRefresh(this: ShellHost) {
      void refresh(this).then(() => wx.stopPullDownRefresh());
    },
    onRetry(this: ShellHost) {
      void refresh(this);
    },
  },
});

/** The shell for a form: the first show and a pull-down load, a failure offers 重新加载; coming back keeps the form. */
export const formShell = Behavior({
  data: initial,
  methods: {
    onShow(this: ShellHost) {
      if (!this.data.loaded) void refresh(this);
    },
    onPullDownRefresh(this: ShellHost) {
      void refresh(this).then(() => wx.stopPullDownRefresh());
    },
    onRetry(this: ShellHost) {
      void refresh(this);
    },
  },
});
