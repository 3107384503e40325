// What the village pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what the phone and WeChat's own servers do is stood in
// for: the chat-file picker answers with real files the test wrote, uploads are real multipart HTTP
// requests to the test's local cloud (which stores the bytes and answers { fileID }, as it does for
// the mini-program in local mode), navigation and titles are recorded.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { usePageCloud, type PageCloud } from '../support/cloud';
import { wxState } from '../support/wx';
import { fileIdOf, postMultipart } from '../support/http';
import { type Callbacks, failLater, later } from '../support/callbacks';
import { type FunctionFixtures, functionFixtures } from '../support/http';

interface ChooseMessageFileOption
  extends Callbacks<{ tempFiles: { path: string; name: string; size: number; type: string; time: number }[]; errMsg: string }> {
  count: number;
  type?: string;
  extension?: string[];
}

interface UploadOption extends Callbacks<{ data: string; statusCode: number; errMsg: string }> {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, unknown>;
}

interface CloudUploadOption extends Callbacks<{ fileID: string; statusCode: number; errMsg: string }> {
  cloudPath: string;
  filePath: string;
}

interface UrlOption extends Callbacks<{ errMsg: string }> {
  url: string;
}

interface TitleOption extends Callbacks<{ errMsg: string }> {
  title: string;
}

interface VillageWxState {
  /** What the next wx.chooseMessageFile answers (one entry per call); none left = the user cancels. */
  files: string[];
  navigations: string[];
  relaunches: string[];
  titles: string[];
  uploads: string[];
}

const state: VillageWxState = { files: [], navigations: [], relaunches: [], titles: [], uploads: [] };

const extras = {
  chooseMessageFile(option: ChooseMessageFileOption): void {
    const file = state.files.shift();
    if (!file) {
      failLater(option, 'chooseMessageFile:fail cancel');
      return;
    }
    const tempFiles = [{ path: file, name: path.basename(file), size: fs.statSync(file).size, type: 'file', time: Date.now() }];
    later(option, { ok: true, res: { tempFiles, errMsg: 'chooseMessageFile:ok' } });
  },
  uploadFile(option: UploadOption): void {
    postMultipart(option.url, option.formData ?? {}, option.name, option.filePath).then(
      (reply) => {
        const fileID = fileIdOf(reply.text);
        if (fileID) state.uploads.push(fileID);
        later(option, { ok: true, res: { data: reply.text, statusCode: reply.status, errMsg: 'uploadFile:ok' } });
      },
      (e: unknown) => failLater(option, `uploadFile:fail ${e instanceof Error ? e.message : String(e)}`),
    );
  },
  navigateTo(option: UrlOption): void {
    state.navigations.push(option.url);
    later(option, { ok: true, res: { errMsg: 'navigateTo:ok' } });
  },
  reLaunch(option: UrlOption): void {
    state.relaunches.push(option.url);
    later(option, { ok: true, res: { errMsg: 'reLaunch:ok' } });
  },
  setNavigationBarTitle(option: TitleOption): void {
    state.titles.push(option.title);
    later(option, { ok: true, res: { errMsg: 'setNavigationBarTitle:ok' } });
  },
};

/** wx.cloud.uploadFile: WeChat's storage is the test's local cloud. */
function cloudUploadFile(option: CloudUploadOption): void {
  postMultipart(`${wxState().cloudUrl}/_storage/upload`, { cloudPath: option.cloudPath }, 'file', option.filePath).then(
    (reply) => {
      const fileID = fileIdOf(reply.text);
      if (!fileID) {
        failLater(option, `cloud.uploadFile:fail ${reply.status}`);
        return;
      }
      state.uploads.push(fileID);
      later(option, { ok: true, res: { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' } });
    },
    (e: unknown) => failLater(option, `cloud.uploadFile:fail ${e instanceof Error ? e.message : String(e)}`),
  );
}

let fileDir = '';

/** Writes a file where the phone keeps files picked from a chat, and answers its temp path. */
export function writeChatFile(name: string, bytes: Buffer): string {
  fileDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-chat-'));
  const file = path.join(fileDir, name);
  fs.writeFileSync(file, bytes);
  return file;
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
export function httpBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

/** A field of a page's data object, without trusting its type. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** A real local cloud (the demo village unless `demo` is false), the global wx extended, fixtures. */
export function useVillagePages(opts: { demo?: boolean } = {}): { pc: PageCloud; api: () => VillageFixtures } {
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: opts.demo === false ? 'none' : 'demo' } });
  beforeAll(() => {
    Object.assign(wx, extras);
    Object.assign(wx.cloud, { uploadFile: cloudUploadFile });
  });
  beforeEach(() => {
    state.files.length = 0;
    state.navigations.length = 0;
    state.relaunches.length = 0;
    state.titles.length = 0;
    state.uploads.length = 0;
  });
  return { pc, api: () => functionFixtures(pc.url, 'village') };
}
