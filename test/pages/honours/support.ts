import { usePageCloud, type PageCloud } from '../support/cloud';
import type { PageHandle } from '../support/page';
import { type Callbacks, succeedLater } from '../support/callbacks';
import { type DirectCaller, directCaller } from '../support/http';

interface ModalOption extends Callbacks<{ confirm: boolean; cancel: boolean; errMsg: string }> {
  title?: string;
  content?: string;
}

interface ClipboardOption extends Callbacks<{ errMsg: string }> {
  data: string;
}

interface UrlOption extends Callbacks<{ errMsg: string }> {
  url: string;
}

interface HonoursWxState {
  /** What the next dialogs answer (true: 确定); none left = 确定. */
  answers: boolean[];
  modals: { title: string; content: string }[];
  clipboard: string[];
  navigations: string[];
}

const state: HonoursWxState = { answers: [], modals: [], clipboard: [], navigations: [] };

const extras = {
  showModal(option: ModalOption): void {
    state.modals.push({ title: option.title ?? '', content: option.content ?? '' });
    const confirm = state.answers.shift() ?? true;
    succeedLater(option, { confirm, cancel: !confirm, errMsg: 'showModal:ok' });
  },
  setClipboardData(option: ClipboardOption): void {
    state.clipboard.push(option.data);
    succeedLater(option, { errMsg: 'setClipboardData:ok' });
  },
  navigateTo(option: UrlOption): void {
    state.navigations.push(option.url);
    succeedLater(option, { errMsg: 'navigateTo:ok' });
  },
};

export const modals = (): HonoursWxState['modals'] => state.modals;
export const clipboard = (): readonly string[] => state.clipboard;
export const navigations = (): readonly string[] => state.navigations;

/** The next confirm dialogs answer these (true: 确定, false: 取消). */
export function answerDialogs(...answers: boolean[]): void {
  state.answers.push(...answers);
}

/** What the page's onShareAppMessage answers for a tap on a share button carrying `dataset`. */
export function shareFromButton(page: PageHandle, dataset: Record<string, string>): unknown {
  const instance = page.comp.instance;
  const fn: unknown = Reflect.get(instance, 'onShareAppMessage');
  if (typeof fn !== 'function') throw new Error(`${page.route} has no onShareAppMessage`);
  return Reflect.apply(fn, instance, [{ from: 'button', target: { dataset } }]);
}

/** Moves the local cloud's clock (what the functions see as now); null puts it back. */
export async function setCloudClock(pc: PageCloud, now: string | null): Promise<void> {
  await (now === null ? pc.lc.resetClock() : pc.lc.setClock(now));
}

/** The demo village on a real local cloud, the global wx extended, and a direct caller for checks. */
export function useHonoursCloud(): { pc: PageCloud; api: () => DirectCaller } {
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  beforeAll(() => {
    Object.assign(wx, extras);
  });
  beforeEach(() => {
    state.answers.length = 0;
    state.modals.length = 0;
    state.clipboard.length = 0;
    state.navigations.length = 0;
  });
  return { pc, api: () => directCaller(pc.url) };
}
