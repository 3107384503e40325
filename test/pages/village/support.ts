// What the village pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what the phone and WeChat's own servers do is stood in
// for: the chat-file picker answers with real files the test wrote, uploads are real multipart HTTP
// requests to the test's local cloud (which stores the bytes and answers { fileID }, as it does for
// the mini-program in local mode), navigation and titles are recorded.
import path from 'node:path';
import type { PageCloud } from '../support/cloud';
import {
  chooseMessageFile,
  cloudUploadFile,
  navigation,
  setNavigationBarTitle,
  uploadFile,
  useStandIns,
  writeTemp,
} from '../support/device';
import { type FunctionFixtures, functionFixtures, httpGet } from '../support/http';

interface VillageWxState {
  /** What the next wx.chooseMessageFile answers (one entry per call); none left = the user cancels. */
  files: string[];
  navigations: string[];
  relaunches: string[];
  titles: string[];
  uploads: string[];
}

const fresh = (): VillageWxState => ({ files: [], navigations: [], relaunches: [], titles: [], uploads: [] });
const state = fresh();

const extras = {
  chooseMessageFile: chooseMessageFile(() => {
    const file = state.files.shift();
    return file ? [{ path: file, name: path.basename(file) }] : undefined;
  }),
  uploadFile: uploadFile(({ fileID }) => state.uploads.push(fileID)),
  ...navigation(['navigateTo', 'reLaunch'], (api, url) => (api === 'reLaunch' ? state.relaunches : state.navigations).push(url)),
  setNavigationBarTitle: setNavigationBarTitle((title) => state.titles.push(title)),
};

/** Writes a file where the phone keeps files picked from a chat, and answers its temp path. */
export function writeChatFile(name: string, bytes: Buffer): string {
  return writeTemp(name, bytes);
}

/** The next wx.chooseMessageFile answers with this file. */
export function pickChatFile(file: string): void {
  state.files.push(file);
}

export const navigations = (): readonly string[] => state.navigations;
export const relaunches = (): readonly string[] => state.relaunches;
export const titles = (): readonly string[] => state.titles;
export const uploads = (): readonly string[] => state.uploads;

/** Calls of the village function as someone, for fixtures. */
export type VillageFixtures = FunctionFixtures<'village'>;

/** The bytes a GET answers (jsdom has no fetch). */
export async function httpBytes(url: string): Promise<Buffer> {
  return (await httpGet(url)).bytes;
}

/** A field of a page's data object, without trusting its type. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** A real local cloud (the demo village unless `demo` is false), the global wx extended, fixtures. */
export function useVillagePages(opts: { demo?: boolean } = {}): { pc: PageCloud; api: () => VillageFixtures } {
  const pc = useStandIns({
    wx: extras,
    cloud: { uploadFile: cloudUploadFile(({ fileID }) => state.uploads.push(fileID)) },
    state,
    fresh,
    seed: opts.demo === false ? 'none' : 'demo',
  });
  return { pc, api: () => functionFixtures(pc.url, 'village') };
}
