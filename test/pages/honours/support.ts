import { type Callbacks, succeedLater } from '../support/callbacks';
import type { PageCloud } from '../support/cloud';
import { navigation, useStandIns } from '../support/device';
import { type DirectCaller, directCaller } from '../support/http';
import type { PageHandle } from '../support/page';
import { answerModals, dialogs } from '../support/wx';

interface HonoursWxState {
  clipboard: string[];
  navigations: string[];
}

const fresh = (): HonoursWxState => ({ clipboard: [], navigations: [] });
const state = fresh();

const extras = {
  setClipboardData(option: Callbacks<{ errMsg: string }> & { data: string }): void {
    state.clipboard.push(option.data);
    succeedLater(option, { errMsg: 'setClipboardData:ok' });
  },
  ...navigation(['navigateTo'], (_, url) => state.navigations.push(url)),
};

export const modals = dialogs;
export const clipboard = (): readonly string[] => state.clipboard;
export const navigations = (): readonly string[] => state.navigations;

/** The next confirm dialogs answer these (true: 确定, false: 取消). */
export const answerDialogs = answerModals;

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
  const pc = useStandIns({ wx: extras, state, fresh });
  return { pc, api: () => directCaller(pc.url) };
}
