// What the honours pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll: the confirm dialog (answered as the test says), the
// clipboard, navigation (recorded). Everything else — the functions, the store — is real.
import http from 'node:http';
import type { ActionName, Envelope, FunctionName, RequestOf, ResponseOf } from '../../../typings';
import { usePageCloud, type PageCloud } from '../support/cloud';
import type { PageHandle } from '../support/page';
import { type Callbacks, succeedLater } from '../support/callbacks';

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

function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const post = (url: string, openid: string, body: string): Promise<string> =>
  send('POST', url, { 'content-type': 'application/json', 'x-wx-openid': openid }, body);

/** Moves the local cloud's clock (what the functions see as now); null puts it back. */
export async function setCloudClock(pc: PageCloud, now: string | null): Promise<void> {
  await (now === null ? pc.lc.resetClock() : pc.lc.setClock(now));
}

function isEnvelope<T>(v: unknown): v is Envelope<T> {
  return typeof v === 'object' && v !== null && 'ok' in v && (v.ok === true ? 'data' in v : 'error' in v);
}

/** Calls a function as `openid` over HTTP (jsdom has no fetch) and answers its data, or fails the test. */
export interface DirectCaller {
  ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    payload: RequestOf<F, A>,
  ): Promise<ResponseOf<F, A>>;
}

function directCaller(pc: PageCloud): DirectCaller {
  return {
    async ok<F extends FunctionName, A extends ActionName<F>>(
      openid: string,
      fn: F,
      action: A,
      payload: RequestOf<F, A>,
    ): Promise<ResponseOf<F, A>> {
      const text = await post(`${pc.url}/functions/${fn}`, openid, JSON.stringify({ action, payload }));
      const body: unknown = JSON.parse(text);
      const result: unknown = typeof body === 'object' && body !== null && 'result' in body ? body.result : null;
      if (!isEnvelope<ResponseOf<F, A>>(result)) throw new Error(`${fn}.${action} failed: ${text}`);
      if (!result.ok) throw new Error(`${fn}.${action} as ${openid} refused: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
  };
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
  return { pc, api: () => directCaller(pc) };
}
