// What the points pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what WeChat's own servers and the phone do is stood in
// for: the photo picker answers with real files the test wrote, and uploads are real multipart HTTP
// requests to the test's local cloud, which stores the bytes and answers { fileID } as it does for
// the mini-program in local mode (and, standing in for WeChat's storage, for wx.cloud.uploadFile).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { usePageCloud, type PageCloud } from '../support/cloud';
import { wxState } from '../support/wx';
import { type FunctionFixtures, fileIdOf, functionFixtures, postMultipart } from '../support/http';
import { type Callbacks, later } from '../support/callbacks';

interface ChooseMediaOption
  extends Callbacks<{ tempFiles: { tempFilePath: string; size: number; fileType: string }[]; type: string; errMsg: string }> {
  count?: number;
}

interface UploadOption extends Callbacks<{ data: string; statusCode: number; errMsg: string }> {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

interface CloudUploadOption extends Callbacks<{ fileID: string; statusCode: number; errMsg: string }> {
  cloudPath: string;
  filePath: string;
}

interface UrlOption extends Callbacks<{ errMsg: string }> {
  url: string;
}

interface PreviewOption extends Callbacks<{ errMsg: string }> {
  urls: string[];
  current?: string;
}

interface TitleOption extends Callbacks<{ errMsg: string }> {
  title: string;
}

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

const state: PointsWxState = { picks: [], uploads: [], previews: [], navigations: [], titles: [] };

const extras = {
  chooseMedia(option: ChooseMediaOption): void {
    const picked = state.picks.shift();
    if (!picked) {
      later(option, { ok: false, err: { errMsg: 'chooseMedia:fail cancel' } });
      return;
    }
    const files = picked.slice(0, option.count ?? 9).map((p) => ({ tempFilePath: p, size: fs.statSync(p).size, fileType: 'image' }));
    later(option, { ok: true, res: { tempFiles: files, type: 'image', errMsg: 'chooseMedia:ok' } });
  },
  uploadFile(option: UploadOption): void {
    const cloudPath = typeof option.formData?.cloudPath === 'string' ? option.formData.cloudPath : '';
    postMultipart(option.url, option.formData ?? {}, option.name, option.filePath).then(
      (reply) => {
        const fileID = fileIdOf(reply.text);
        if (fileID) state.uploads.push({ api: 'uploadFile', cloudPath, fileID });
        later(option, { ok: true, res: { data: reply.text, statusCode: reply.status, errMsg: 'uploadFile:ok' } });
      },
      (e: unknown) => later(option, { ok: false, err: { errMsg: `uploadFile:fail ${e instanceof Error ? e.message : String(e)}` } }),
    );
  },
  previewImage(option: PreviewOption): void {
    state.previews.push({ urls: [...option.urls], current: option.current ?? '' });
    later(option, { ok: true, res: { errMsg: 'previewImage:ok' } });
  },
  navigateTo(option: UrlOption): void {
    state.navigations.push(option.url);
    later(option, { ok: true, res: { errMsg: 'navigateTo:ok' } });
  },
  setNavigationBarTitle(option: TitleOption): void {
    state.titles.push(option.title);
    later(option, { ok: true, res: { errMsg: 'setNavigationBarTitle:ok' } });
  },
};

/** wx.cloud.uploadFile: WeChat's storage is the test's local cloud. */
function cloudUploadFile(option: CloudUploadOption): void {
  const url = `${wxState().cloudUrl}/_storage/upload`;
  postMultipart(url, { cloudPath: option.cloudPath }, 'file', option.filePath).then(
    (reply) => {
      const fileID = fileIdOf(reply.text);
      if (!fileID) {
        later(option, { ok: false, err: { errMsg: `cloud.uploadFile:fail ${reply.status}` } });
        return;
      }
      state.uploads.push({ api: 'cloud.uploadFile', cloudPath: option.cloudPath, fileID });
      later(option, { ok: true, res: { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' } });
    },
    (e: unknown) => later(option, { ok: false, err: { errMsg: `cloud.uploadFile:fail ${e instanceof Error ? e.message : String(e)}` } }),
  );
}

/** A 1×1 PNG: a real, small image file. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let photoDir = '';

/** Writes a small real image where the phone keeps picked files, and answers its temp path. */
export function writePhoto(name: string): string {
  photoDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-tmp-'));
  const file = path.join(photoDir, name);
  fs.writeFileSync(file, PNG);
  return file;
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
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  beforeAll(() => {
    Object.assign(wx, extras);
    Object.assign(wx.cloud, { uploadFile: cloudUploadFile });
  });
  beforeEach(() => {
    state.picks.length = 0;
    state.uploads.length = 0;
    state.previews.length = 0;
    state.navigations.length = 0;
    state.titles.length = 0;
  });
  return { pc, api: () => functionFixtures(pc.url, 'points') };
}

/** The HTTP status of a GET (jsdom has no fetch). */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** Today in China, as the functions count it. */
export const chinaToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
