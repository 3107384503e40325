// What the points pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what WeChat's own servers and the phone do is stood in
// for: the photo picker answers with real files the test wrote, and uploads are real multipart HTTP
// requests to the test's local cloud, which stores the bytes and answers { fileID } as it does for
// the mini-program in local mode (and, standing in for WeChat's storage, for wx.cloud.uploadFile).
import type { PageCloud } from '../support/cloud';
import {
  chooseMedia,
  cloudUploadFile,
  navigation,
  previewImage,
  setNavigationBarTitle,
  uploadFile,
  useStandIns,
  writeTemp,
} from '../support/device';
import { type FunctionFixtures, functionFixtures, httpGet } from '../support/http';

export interface Upload {
  api: 'uploadFile' | 'cloud.uploadFile';
  cloudPath: string;
  fileID: string;
}

interface PointsWxState {
  /** What the next wx.chooseMedia answers (each call takes one entry); none left = the user cancels. */
  picks: string[][];
  uploads: Upload[];
  previews: { urls: string[]; current: string }[];
  navigations: string[];
  titles: string[];
}

const fresh = (): PointsWxState => ({ picks: [], uploads: [], previews: [], navigations: [], titles: [] });
const state = fresh();

const extras = {
  chooseMedia: chooseMedia(() => state.picks.shift()),
  uploadFile: uploadFile((stored) => state.uploads.push({ api: 'uploadFile', ...stored })),
  previewImage: previewImage((urls, current) => state.previews.push({ urls, current })),
  ...navigation(['navigateTo'], (_, url) => state.navigations.push(url)),
  setNavigationBarTitle: setNavigationBarTitle((title) => state.titles.push(title)),
};

/** Writes a small real image where the phone keeps picked files, and answers its temp path. */
export function writePhoto(name: string): string {
  return writeTemp(name);
}

/** The next wx.chooseMedia answers with these files. */
export function pickPhotos(...paths: string[]): void {
  state.picks.push(paths);
}

export const uploads = (): readonly Upload[] => state.uploads;
export const previews = (): PointsWxState['previews'] => state.previews;
export const navigations = (): readonly string[] => state.navigations;
export const titles = (): readonly string[] => state.titles;

export type PointsFixtures = FunctionFixtures<'points'>;

/** The demo village on a real local cloud, the global wx extended, and a direct caller for fixtures. */
export function usePointsCloud(): { pc: PageCloud; api: () => PointsFixtures } {
  const pc = useStandIns({
    wx: extras,
    cloud: { uploadFile: cloudUploadFile((stored) => state.uploads.push({ api: 'cloud.uploadFile', ...stored })) },
    state,
    fresh,
  });
  return { pc, api: () => functionFixtures(pc.url, 'points') };
}

/** The HTTP status of a GET (jsdom has no fetch). */
export async function httpStatus(url: string): Promise<number> {
  return (await httpGet(url)).status;
}

/** Today in China, as the functions count it. */
export const chinaToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
