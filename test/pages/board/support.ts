// What the board pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added to
// the same global wx in a beforeAll. Only what WeChat's own servers and the phone do is stood in for:
// the subscribe-message consent answers as the test says the villager taps; the photo and chat-file
// pickers answer with real files the test wrote; uploads are real multipart requests to the test's
// local cloud (which stores the bytes and answers { fileID }); navigation is recorded.
import type { PageCloud } from '../support/cloud';
import {
  type ChatFile,
  chooseMedia,
  chooseMessageFile,
  navigation,
  previewImage,
  requestSubscribeMessage,
  type Stored,
  uploadFile,
  useStandIns,
  writeTemp,
} from '../support/device';
import { type FunctionFixtures, functionFixtures, getJson } from '../support/http';
import { type PageHandle, waitFor } from '../support/page';
import { wxState } from '../support/wx';

/** Fixtures through the board function itself, as `openid`. */
export type BoardCaller = FunctionFixtures<'board'>;

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'reLaunch';
  url: string;
}

interface BoardWxState {
  /** How the villager answers the next consent dialogs ('accept' or 'reject' for every template). */
  consent: 'accept' | 'reject';
  subscribeAsks: string[][];
  photoPicks: string[][];
  filePicks: ChatFile[][];
  uploads: Stored[];
  previews: { urls: string[]; current: string }[];
  navigations: Navigation[];
}

const fresh = (): BoardWxState => ({
  consent: 'accept',
  subscribeAsks: [],
  photoPicks: [],
  filePicks: [],
  uploads: [],
  previews: [],
  navigations: [],
});
const state = fresh();

const extras = {
  requestSubscribeMessage: requestSubscribeMessage(
    (ids) => state.subscribeAsks.push(ids),
    () => state.consent,
  ),
  chooseMedia: chooseMedia(() => state.photoPicks.shift()),
  chooseMessageFile: chooseMessageFile(() => state.filePicks.shift()),
  uploadFile: uploadFile((stored) => state.uploads.push(stored)),
  previewImage: previewImage((urls, current) => state.previews.push({ urls, current })),
  ...navigation(['navigateTo', 'redirectTo', 'reLaunch'], (api, url) => state.navigations.push({ api, url })),
};

/** A tiny PDF: a real file, small. */
const PDF = Buffer.from('%PDF-1.1\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The next wx.chooseMedia answers with a picture the test wrote. */
export function pickPhoto(name: string): string {
  const file = writeTemp(name);
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
  const pc = useStandIns({ wx: extras, state, fresh });
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

/**
 * Writes a letter's or an item's title and body, and adds the file picked before (pickPhoto, pickPdf)
 * with `addButton`; waits until the page's `list` holds it, uploaded.
 */
export async function fillIn(page: PageHandle, title: string, body: string, addButton: string, list: string): Promise<void> {
  await page.dispatch('#title', 'input', { value: title });
  await page.dispatch('#body', 'input', { value: body });
  await page.tap(addButton);
  await page.until((d) => {
    const files = d[list];
    return Array.isArray(files) && files.length === 1 && d.uploading === false;
  }, `the file is uploaded to ${list}`);
}

/** Taps `button` and waits until the page redirects to what it saved. */
export async function saveAndRedirect(page: PageHandle, button: string): Promise<void> {
  await page.tap(button);
  await waitFor(() => state.navigations.some((n) => n.api === 'redirectTo'), `the redirect after ${button}`);
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
