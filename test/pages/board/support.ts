// What the board pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added to
// the same global wx in a beforeAll. Only what WeChat's own servers and the phone do is stood in for:
// the subscribe-message consent answers as the test says the villager taps; the photo and chat-file
// pickers answer with real files the test wrote; uploads are real multipart requests to the test's
// local cloud (which stores the bytes and answers { fileID }); navigation is recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usePageCloud, type PageCloud } from '../support/cloud';
import { loadPage, type PageHandle } from '../support/page';
import { wxState } from '../support/wx';
import { type FunctionFixtures, fileIdOf, functionFixtures, getJson, postMultipart } from '../support/http';

/** Fixtures through the board function itself, as `openid`. */
export type BoardCaller = FunctionFixtures<'board'>;
import { type Callbacks, later } from '../support/callbacks';

interface SubscribeOption extends Callbacks<Record<string, string>, { errMsg: string; errCode: number }> {
  tmplIds: string[];
}

interface ChooseMediaOption
  extends Callbacks<{ tempFiles: { tempFilePath: string; size: number; fileType: string }[]; type: string; errMsg: string }> {
  count?: number;
}

interface ChooseFileOption
  extends Callbacks<{ tempFiles: { path: string; name: string; size: number; type: string; time: number }[]; errMsg: string }> {
  count?: number;
}

interface UploadOption extends Callbacks<{ data: string; statusCode: number; errMsg: string }> {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, unknown>;
}

interface UrlOption extends Callbacks<{ errMsg: string }> {
  url: string;
}

interface PreviewOption extends Callbacks<{ errMsg: string }> {
  urls: string[];
  current?: string;
}

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'reLaunch';
  url: string;
}

interface BoardWxState {
  /** How the villager answers the next consent dialogs ('accept' or 'reject' for every template). */
  consent: 'accept' | 'reject';
  subscribeAsks: string[][];
  photoPicks: string[][];
  filePicks: { path: string; name: string }[][];
  uploads: { cloudPath: string; fileID: string }[];
  previews: { urls: string[]; current: string }[];
  navigations: Navigation[];
}

const state: BoardWxState = {
  consent: 'accept',
  subscribeAsks: [],
  photoPicks: [],
  filePicks: [],
  uploads: [],
  previews: [],
  navigations: [],
};

const navigate =
  (api: Navigation['api']) =>
  (option: UrlOption): void => {
    state.navigations.push({ api, url: option.url });
    later(option, { ok: true, res: { errMsg: `${api}:ok` } });
  };

const extras = {
  requestSubscribeMessage(option: SubscribeOption): void {
    state.subscribeAsks.push([...option.tmplIds]);
    const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of option.tmplIds) res[id] = state.consent;
    later(option, { ok: true, res });
  },
  chooseMedia(option: ChooseMediaOption): void {
    const picked = state.photoPicks.shift();
    if (!picked) {
      later(option, { ok: false, err: { errMsg: 'chooseMedia:fail cancel' } });
      return;
    }
    const files = picked.slice(0, option.count ?? 9).map((p) => ({ tempFilePath: p, size: fs.statSync(p).size, fileType: 'image' }));
    later(option, { ok: true, res: { tempFiles: files, type: 'image', errMsg: 'chooseMedia:ok' } });
  },
  chooseMessageFile(option: ChooseFileOption): void {
    const picked = state.filePicks.shift();
    if (!picked) {
      later(option, { ok: false, err: { errMsg: 'chooseMessageFile:fail cancel' } });
      return;
    }
    const files = picked
      .slice(0, option.count ?? 9)
      .map((f) => ({ path: f.path, name: f.name, size: fs.statSync(f.path).size, type: 'file', time: 0 }));
    later(option, { ok: true, res: { tempFiles: files, errMsg: 'chooseMessageFile:ok' } });
  },
  uploadFile(option: UploadOption): void {
    const cloudPath = typeof option.formData?.cloudPath === 'string' ? option.formData.cloudPath : '';
    postMultipart(option.url, option.formData ?? {}, option.name, option.filePath).then(
      (reply) => {
        const fileID = fileIdOf(reply.text);
        if (fileID) state.uploads.push({ cloudPath, fileID });
        later(option, { ok: true, res: { data: reply.text, statusCode: reply.status, errMsg: 'uploadFile:ok' } });
      },
      (e: unknown) => later(option, { ok: false, err: { errMsg: `uploadFile:fail ${e instanceof Error ? e.message : String(e)}` } }),
    );
  },
  previewImage(option: PreviewOption): void {
    state.previews.push({ urls: [...option.urls], current: option.current ?? '' });
    later(option, { ok: true, res: { errMsg: 'previewImage:ok' } });
  },
  navigateTo: navigate('navigateTo'),
  redirectTo: navigate('redirectTo'),
  reLaunch: navigate('reLaunch'),
};

/** A 1×1 PNG and a tiny PDF: real files, small. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.1\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
let tmpDir = '';

function writeTemp(name: string, bytes: Buffer): string {
  tmpDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-board-'));
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The next wx.chooseMedia answers with a picture the test wrote. */
export function pickPhoto(name: string): string {
  const file = writeTemp(name, PNG);
  state.photoPicks.push([file]);
  return file;
}

/** The next wx.chooseMessageFile answers with a PDF the test wrote (under its chat name). */
export function pickPdf(name: string): void {
  state.filePicks.push([{ path: writeTemp(`tmp-${Date.now()}.pdf`, PDF), name }]);
}

export function consentWith(answer: 'accept' | 'reject'): void {
  state.consent = answer;
}

export const subscribeAsks = (): readonly string[][] => state.subscribeAsks;
export const uploads = (): BoardWxState['uploads'] => state.uploads;
export const previews = (): BoardWxState['previews'] => state.previews;
export const navigations = (): readonly Navigation[] => state.navigations;

/** The demo village on a real local cloud, the global wx extended, and a direct caller for fixtures. */
export function useBoardCloud(): { pc: PageCloud; api: () => BoardCaller } {
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  beforeAll(() => {
    Object.assign(wx, extras);
  });
  beforeEach(() => {
    state.consent = 'accept';
    state.subscribeAsks.length = 0;
    state.photoPicks.length = 0;
    state.filePicks.length = 0;
    state.uploads.length = 0;
    state.previews.length = 0;
    state.navigations.length = 0;
  });
  return { pc, api: () => functionFixtures(pc.url, 'board') };
}

/** The local cloud's outbox of subscribe messages. */
export async function sentMessages(pc: PageCloud, templateId: string): Promise<{ touser: string; page: string }[]> {
  const body = await getJson(`${pc.url}/_localcloud/outbox`);
  const entries: unknown[] =
    typeof body === 'object' && body !== null && 'entries' in body && Array.isArray(body.entries) ? body.entries : [];
  const out: { touser: string; page: string }[] = [];
  for (const e of entries) {
    if (typeof e !== 'object' || e === null) continue;
    const get = (k: string): string => {
      const v: unknown = Reflect.get(e, k);
      return typeof v === 'string' ? v : '';
    };
    if (get('kind') === 'subscribeMessage' && get('templateId') === templateId) out.push({ touser: get('touser'), page: get('page') });
  }
  return out;
}

/** The state the harness keeps (e.g. the cloud url for checks). */
export const harness = wxState;

/** The route and query of a page URL, as WeChat hands them to onLoad. */
export function routeOf(url: string): { route: string; query: Record<string, string> } {
  const [p = '', q = ''] = url.split('?');
  return { route: p.replace(/^\//, ''), query: Object.fromEntries(new URLSearchParams(q)) };
}

/** Opens a page by its URL (a share card's path, a navigation) and waits for it to load. */
export async function open(url: string): Promise<PageHandle> {
  const { route, query } = routeOf(url);
  const page = await loadPage(route, { query });
  await page.settled();
  return page;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** What the page's onShareAppMessage answers (a card's title and path). */
export function shareOf(page: PageHandle): { title: string; path: string } {
  const fn: unknown = Reflect.get(page.comp.instance, 'onShareAppMessage');
  if (typeof fn !== 'function') throw new Error(`${page.route} has no onShareAppMessage`);
  const card: unknown = Reflect.apply(fn, page.comp.instance, [{ from: 'menu' }]);
  if (!isRecord(card) || typeof card.title !== 'string' || typeof card.path !== 'string')
    throw new Error(`${page.route} shares ${JSON.stringify(card)}`);
  return { title: card.title, path: card.path };
}

/** What the page's onShareTimeline answers (a title and the query the page opens with). */
export function timelineOf(page: PageHandle): { title: string; query: string } {
  const fn: unknown = Reflect.get(page.comp.instance, 'onShareTimeline');
  if (typeof fn !== 'function') throw new Error(`${page.route} has no onShareTimeline`);
  const card: unknown = Reflect.apply(fn, page.comp.instance, []);
  if (!isRecord(card) || typeof card.title !== 'string' || typeof card.query !== 'string')
    throw new Error(`${page.route} shares ${JSON.stringify(card)}`);
  return { title: card.title, query: card.query };
}
