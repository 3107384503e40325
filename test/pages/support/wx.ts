// The one global `wx` of the page tests, installed before miniprogram-simulate loads (whatever is on
// global.wx first wins over simulate's own mock, which fills in the rest: getSystemInfoSync,
// createSelectorQuery, nextTick …). Nothing of ours is mocked: wx.request and wx.cloud.callFunction
// make real HTTP requests to the real local cloud the test file started, as the identity the test
// chose; storage is in memory; toasts are recorded for the tests to read.
import http from 'node:http';
import type { AppConfig } from '../../../miniprogram/config';
import { setDemoOpenid } from '../../../miniprogram/services/identity';

export interface Toast {
  title: string;
  icon: string;
  duration: number;
}

/** What wx.request answers on success (any HTTP status), as WeChat does. */
export interface RequestSuccess {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
  errMsg: string;
}

export interface RequestOption {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, unknown>;
  dataType?: string;
  timeout?: number;
  success?: (res: RequestSuccess) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: RequestSuccess | { errMsg: string }) => void;
}

export interface CallFunctionSuccess {
  result: unknown;
  errMsg: string;
  requestID: string;
}

export interface CallFunctionFail {
  errCode: number;
  errMsg: string;
}

export interface CallFunctionOption {
  name: string;
  data?: unknown;
  success?: (res: CallFunctionSuccess) => void;
  fail?: (err: CallFunctionFail) => void;
  complete?: (res: CallFunctionSuccess | CallFunctionFail) => void;
}

interface SimpleOption {
  success?: (res: { errMsg: string }) => void;
  complete?: (res: { errMsg: string }) => void;
}

interface ModalOption {
  title?: string;
  content?: string;
  success?: (res: { confirm: boolean; cancel: boolean; errMsg: string }) => void;
  fail?: (res: { errMsg: string }) => void;
  complete?: (res: { errMsg: string }) => void;
}

interface ToastOption extends SimpleOption {
  title: string;
  icon?: string;
  duration?: number;
}

/** A confirmation shown with wx.showModal. */
export interface Dialog {
  title: string;
  content: string;
}

/** One HTTP exchange of wx.request or wx.cloud.callFunction, for failure messages. */
export interface Exchange {
  api: 'request' | 'cloud.callFunction';
  method: string;
  url: string;
  openid?: string;
  /** The HTTP status and the start of the body, or the network error. */
  outcome: string;
}

/** The state behind the global wx, one per test file (see resetWx for what a test starts with). */
export interface WxState {
  /** The local cloud the wx calls reach (set by usePageCloud). */
  cloudUrl: string;
  /** Who wx.cloud.callFunction calls as (WeChat says who the caller is; here the test does). */
  openid: string;
  storage: Map<string, unknown>;
  toasts: Toast[];
  pullDownStops: number;
  /** Confirmations shown with wx.showModal, in order. */
  modals: Dialog[];
  /** What the person answers to the next confirmations (true = confirm); confirm when empty. */
  modalAnswers: boolean[];
  exchanges: Exchange[];
  /** The config module of the page loaded last (its `localUrl` follows the test's cloud). */
  config: AppConfig | null;
  /** What getCurrentPages() answers: the page loaded last (loadPage works like wx.reLaunch). */
  pages: object[];
  app: { globalData: Record<string, unknown> };
}

declare global {
  // One state for the whole test file, whatever module registry (jest.resetModules) reads it.
  var __pageTestWx: WxState | undefined;
}

export function wxState(): WxState {
  globalThis.__pageTestWx ??= {
    cloudUrl: '',
    openid: '',
    storage: new Map(),
    toasts: [],
    pullDownStops: 0,
    modals: [],
    modalAnswers: [],
    exchanges: [],
    config: null,
    pages: [],
    app: { globalData: {} },
  };
  return globalThis.__pageTestWx;
}

/** What every test starts with: no identity, empty storage, no toasts. */
export function resetWx(): void {
  const s = wxState();
  s.openid = '';
  s.storage.clear();
  s.toasts.length = 0;
  s.pullDownStops = 0;
  s.modals.length = 0;
  s.modalAnswers.length = 0;
  s.exchanges.length = 0;
  s.pages = [];
}

// ---- HTTP ---------------------------------------------------------------------------------------

interface HttpReply {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function httpRequest(
  api: Exchange['api'],
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<HttpReply> {
  const exchange: Exchange = {
    api,
    method,
    url,
    outcome: 'pending',
    ...(headers['x-wx-openid'] === undefined ? {} : { openid: headers['x-wx-openid'] }),
  };
  wxState().exchanges.push(exchange);
  return new Promise<HttpReply>((resolve, reject) => {
    // agent: false — one connection per request, closed after it: nothing lingers once a test
    // stops its cloud, and a stopped cloud fails the next call at once (ECONNREFUSED).
    const req = http.request(url, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  }).then(
    (reply) => {
      exchange.outcome = `${reply.status} ${reply.text.slice(0, 300)}`;
      return reply;
    },
    (e: unknown) => {
      exchange.outcome = `failed: ${e instanceof Error ? e.message : String(e)}`;
      throw e;
    },
  );
}

/** Response headers as wx.request hands them over: one string per name. */
function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
  return flat;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function queryString(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
}

/** Where wx.request's data goes: a GET's into the query string, other methods' into the body. */
function requestParts(option: RequestOption, method: string, contentType: string): { url: string; body?: string } {
  const data = option.data;
  if (data === undefined) return { url: option.url };
  if (method === 'GET')
    return { url: isRecord(data) ? option.url + (option.url.includes('?') ? '&' : '?') + queryString(data) : option.url };
  if (typeof data === 'string') return { url: option.url, body: data };
  if (contentType.startsWith('application/x-www-form-urlencoded') && isRecord(data)) return { url: option.url, body: queryString(data) };
  return { url: option.url, body: JSON.stringify(data) };
}

/** wx.request: GET data goes to the query string, other methods send JSON (or a form if asked). */
function request(option: RequestOption): { abort(): void } {
  const method = (option.method ?? 'GET').toUpperCase();
  const header: Record<string, string> = { 'content-type': 'application/json' };
  for (const [k, v] of Object.entries(option.header ?? {})) header[k.toLowerCase()] = String(v);
  const { url, body } = requestParts(option, method, header['content-type'] ?? '');
  httpRequest('request', url, method, header, body, option.timeout ?? 60_000).then(
    (reply) => {
      const res: RequestSuccess = {
        data: option.dataType === 'json' || option.dataType === undefined ? parseJson(reply.text) : reply.text,
        statusCode: reply.status,
        header: reply.headers,
        cookies: [],
        errMsg: 'request:ok',
      };
      option.success?.(res);
      option.complete?.(res);
    },
    (e: unknown) => {
      const err = { errMsg: `request:fail ${e instanceof Error ? e.message : String(e)}` };
      option.fail?.(err);
      option.complete?.(err);
    },
  );
  return { abort() {} };
}

/** wx.cloud.callFunction against the local cloud, as the test's current identity. */
async function invoke(name: string, data: unknown): Promise<CallFunctionSuccess> {
  const s = wxState();
  if (!s.cloudUrl) throw { errCode: -1, errMsg: 'cloud.callFunction:fail no local cloud is started for this test file' };
  let reply: HttpReply;
  try {
    reply = await httpRequest(
      'cloud.callFunction',
      `${s.cloudUrl}/functions/${encodeURIComponent(name)}`,
      'POST',
      { 'content-type': 'application/json', 'x-wx-openid': s.openid },
      JSON.stringify(data ?? {}),
      60_000,
    );
  } catch (e) {
    throw { errCode: -1, errMsg: `cloud.callFunction:fail ${e instanceof Error ? e.message : String(e)}` };
  }
  const body = parseJson(reply.text);
  if (reply.status === 200 && isRecord(body) && 'result' in body) {
    return { result: body.result, errMsg: 'cloud.callFunction:ok', requestID: typeof body.requestID === 'string' ? body.requestID : '' };
  }
  const errCode = isRecord(body) && typeof body.errCode === 'number' ? body.errCode : -1;
  const errMsg = isRecord(body) && typeof body.errMsg === 'string' ? body.errMsg : `cloud.callFunction:fail HTTP ${reply.status}`;
  throw { errCode, errMsg };
}

function isCallFail(v: unknown): v is CallFunctionFail {
  return isRecord(v) && typeof v.errCode === 'number' && typeof v.errMsg === 'string';
}

/** Callback style when any callback is given, a promise otherwise (as WeChat's API does). */
function callFunction(option: CallFunctionOption): Promise<CallFunctionSuccess> | undefined {
  const done = invoke(option.name, option.data);
  if (!option.success && !option.fail && !option.complete) return done;
  done.then(
    (res) => {
      option.success?.(res);
      option.complete?.(res);
    },
    (e: unknown) => {
      const err = isCallFail(e) ? e : { errCode: -1, errMsg: `cloud.callFunction:fail ${String(e)}` };
      option.fail?.(err);
      option.complete?.(err);
    },
  );
  return undefined;
}

/** Storage keeps a copy, as WeChat's does (it serialises). jsdom has no structuredClone. */
function copy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

const ok = (api: string): { errMsg: string } => ({ errMsg: `${api}:ok` });

export const testWx = {
  request,
  cloud: {
    init(): void {},
    callFunction,
  },
  getStorageSync(key: string): unknown {
    const s = wxState();
    // WeChat answers '' for a key never set.
    return s.storage.has(key) ? copy(s.storage.get(key)) : '';
  },
  setStorageSync(key: string, value: unknown): void {
    wxState().storage.set(key, copy(value));
  },
  removeStorageSync(key: string): void {
    wxState().storage.delete(key);
  },
  clearStorageSync(): void {
    wxState().storage.clear();
  },
  showToast(option: ToastOption): void {
    wxState().toasts.push({ title: option.title, icon: option.icon ?? 'success', duration: option.duration ?? 1500 });
    option.success?.(ok('showToast'));
    option.complete?.(ok('showToast'));
  },
  hideToast(option: SimpleOption = {}): void {
    option.success?.(ok('hideToast'));
    option.complete?.(ok('hideToast'));
  },
  showModal(option: ModalOption): void {
    const s = wxState();
    s.modals.push({ title: option.title ?? '', content: option.content ?? '' });
    const confirm = s.modalAnswers.shift() ?? true;
    setTimeout(() => {
      option.success?.({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
      option.complete?.(ok('showModal'));
    }, 0);
  },
  stopPullDownRefresh(option: SimpleOption = {}): void {
    wxState().pullDownStops++;
    option.success?.(ok('stopPullDownRefresh'));
    option.complete?.(ok('stopPullDownRefresh'));
  },
};

function defineGlobal(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
}

/** Puts wx, getApp and getCurrentPages on the global object (before miniprogram-simulate loads). */
export function installWx(): void {
  const s = wxState();
  defineGlobal('wx', testWx);
  defineGlobal('getApp', () => s.app);
  defineGlobal('getCurrentPages', () => [...s.pages]);
}

/** Points the wx calls (and the loaded page's config) at a local cloud. */
export function pointAt(url: string): void {
  const s = wxState();
  s.cloudUrl = url;
  if (s.config) s.config.localUrl = url;
}

/** The confirmations shown in this test ("title：content"). */
export function modals(): readonly string[] {
  return wxState().modals.map((d) => [d.title, d.content].filter(Boolean).join('：'));
}

/** The confirmations shown in this test, title and content apart. */
export function dialogs(): readonly Dialog[] {
  return wxState().modals;
}

/** The person's answers to the next confirmations (true confirms, false cancels). */
export function answerModals(...answers: boolean[]): void {
  wxState().modalAnswers.push(...answers);
}

/** How many times the page stopped its pull-down refresh in this test. */
export function pullDownStops(): number {
  return wxState().pullDownStops;
}

/** The HTTP exchanges of wx.request and wx.cloud.callFunction so far in this test. */
export function exchanges(): readonly Exchange[] {
  return wxState().exchanges;
}

/** The toasts shown so far in this test. */
export function toasts(): readonly Toast[] {
  return wxState().toasts;
}

/**
 * The user the test acts as: the caller wx.cloud.callFunction names (cloud mode) and the demo
 * identity the mini-program's local transport sends (local mode, kept in storage by our own
 * services/identity.ts).
 */
export function asUser(openid: string): void {
  wxState().openid = openid;
  setDemoOpenid(openid);
}
