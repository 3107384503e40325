// What the phone and WeChat's own servers do, stood in for once for every page test: pickers that answer
// with real files the test wrote, uploads that are real multipart requests to the test's local cloud
// (which stores the bytes and answers { fileID }, as it does for the mini-program in local mode), and
// navigations, previews and titles that are recorded. Each area's support composes the stand-ins it
// needs and says where they record, so its tests read what they always read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Callbacks, failLater, succeedLater } from './callbacks';
import { type PageCloud, usePageCloud } from './cloud';
import { fileIdOf, postMultipart } from './http';
import { wxState } from './wx';

/** A 1×1 PNG: a real, small picture. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let tempDir = '';

/** Writes `bytes` (a PNG unless said) where the phone keeps temporary files, and answers its path. */
export function writeTemp(name: string, bytes: Buffer = PNG): string {
  tempDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-tmp-'));
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export type NavigationApi = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab';
type UrlOption = Callbacks<{ errMsg: string }> & { url: string };

/** wx.navigateTo and its kin (the `apis` named), each recording where it went and succeeding. */
export function navigation<A extends NavigationApi>(
  apis: readonly A[],
  record: (api: A, url: string) => void,
): Partial<Record<A, (option: UrlOption) => void>> {
  const stands: Partial<Record<A, (option: UrlOption) => void>> = {};
  for (const api of apis)
    stands[api] = (option) => {
      record(api, option.url);
      succeedLater(option, { errMsg: `${api}:ok` });
    };
  return stands;
}

type PickOption<R> = Callbacks<R & { errMsg: string }> & { count?: number };

/** A picker of the phone: answers with what `next` gives, at most `count` of it; nothing (undefined) = the user cancels. */
function picker<T, R extends object>(
  api: string,
  next: () => T[] | undefined,
  answer: (picked: T[]) => R,
): (option: PickOption<R>) => void {
  return (option) => {
    const picked = next();
    if (!picked) {
      failLater(option, `${api}:fail cancel`);
      return;
    }
    succeedLater(option, { ...answer(picked.slice(0, option.count ?? 9)), errMsg: `${api}:ok` });
  };
}

const sizeOf = (file: string): number => fs.statSync(file).size;

/** wx.chooseMedia: answers with the pictures `next` gives. */
export function chooseMedia(next: () => string[] | undefined): (option: PickOption<{ tempFiles: object[]; type: string }>) => void {
  return picker('chooseMedia', next, (picked) => ({
    tempFiles: picked.map((p) => ({ tempFilePath: p, size: sizeOf(p), fileType: 'image' })),
    type: 'image',
  }));
}

export interface ChatFile {
  path: string;
  name: string;
}

/** wx.chooseMessageFile: answers with the chat files `next` gives. */
export function chooseMessageFile(next: () => ChatFile[] | undefined): (option: PickOption<{ tempFiles: object[] }>) => void {
  return picker('chooseMessageFile', next, (picked) => ({
    tempFiles: picked.map((f) => ({ path: f.path, name: f.name, size: sizeOf(f.path), type: 'file', time: 0 })),
  }));
}

export interface Stored {
  cloudPath: string;
  fileID: string;
}

type UploadOption = Callbacks<{ data: string; statusCode: number; errMsg: string }> & {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, unknown>;
};

/** wx.uploadFile: a real multipart POST; a stored file (the reply names its fileID) is recorded. */
export function uploadFile(record: (stored: Stored) => void = () => {}, fileType?: string): (option: UploadOption) => void {
  return (option) => {
    const cloudPath = typeof option.formData?.cloudPath === 'string' ? option.formData.cloudPath : '';
    postMultipart(option.url, option.formData ?? {}, option.name, option.filePath, fileType).then(
      (reply) => {
        const fileID = fileIdOf(reply.text);
        if (fileID) record({ cloudPath, fileID });
        succeedLater(option, { data: reply.text, statusCode: reply.status, errMsg: 'uploadFile:ok' });
      },
      (e: unknown) => failLater(option, `uploadFile:fail ${reason(e)}`),
    );
  };
}

type CloudUploadOption = Callbacks<{ fileID: string; statusCode: number; errMsg: string }> & { cloudPath: string; filePath: string };

/** wx.cloud.uploadFile: WeChat's storage is the test's local cloud; a stored file is recorded. */
export function cloudUploadFile(record: (stored: Stored) => void = () => {}): (option: CloudUploadOption) => void {
  return (option) => {
    postMultipart(`${wxState().cloudUrl}/_storage/upload`, { cloudPath: option.cloudPath }, 'file', option.filePath).then(
      (reply) => {
        const fileID = fileIdOf(reply.text);
        if (!fileID) {
          failLater(option, `cloud.uploadFile:fail ${reply.status}`);
          return;
        }
        record({ cloudPath: option.cloudPath, fileID });
        succeedLater(option, { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
      },
      (e: unknown) => failLater(option, `cloud.uploadFile:fail ${reason(e)}`),
    );
  };
}

type PreviewOption = Callbacks<{ errMsg: string }> & { urls?: string[]; current?: string };

/** wx.previewImage: records the pictures shown and the one shown first. */
export function previewImage(record: (urls: string[], current: string) => void = () => {}): (option: PreviewOption) => void {
  return (option) => {
    record([...(option.urls ?? [])], option.current ?? '');
    succeedLater(option, { errMsg: 'previewImage:ok' });
  };
}

/** wx.setNavigationBarTitle: records the title. */
export function setNavigationBarTitle(
  record: (title: string) => void = () => {},
): (option: Callbacks<{ errMsg: string }> & { title?: string }) => void {
  return (option) => {
    record(option.title ?? '');
    succeedLater(option, { errMsg: 'setNavigationBarTitle:ok' });
  };
}

type SubscribeOption = Callbacks<Record<string, string>> & { tmplIds: string[] };

/** wx.requestSubscribeMessage: records the templates asked for and answers each as `answer` says. */
export function requestSubscribeMessage(
  record: (tmplIds: string[]) => void = () => {},
  answer: () => 'accept' | 'reject' = () => 'accept',
): (option: SubscribeOption) => void {
  return (option) => {
    record([...option.tmplIds]);
    const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of option.tmplIds) res[id] = answer();
    succeedLater(option, res);
  };
}

type ScanOption = Callbacks<{ result: string; scanType: string; charSet: string; path: string; rawData: string; errMsg: string }>;

/** wx.scanCode: reads the QR code `next` holds up to the camera; none (undefined) = the camera is closed. */
export function scanCode(next: () => string | undefined): (option: ScanOption) => void {
  return (option) => {
    const text = next();
    if (text === undefined) {
      failLater(option, 'scanCode:fail cancel');
      return;
    }
    const rawData = Buffer.from(text).toString('base64');
    succeedLater(option, { result: text, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData, errMsg: 'scanCode:ok' });
  };
}

export interface StandIns<S extends object> {
  /** Added to the global wx (and to wx.cloud) before the file's first test. */
  wx: object;
  cloud?: object;
  /** What the stand-ins record and answer, put back to `fresh()` before each test. */
  state: S;
  fresh: () => S;
  /** The demo village (default) or an empty store. */
  seed?: 'demo' | 'none';
}

/** A real local cloud for the test file, with an area's stand-ins on the global wx. */
export function useStandIns<S extends object>({ wx: extras, cloud, state, fresh, seed = 'demo' }: StandIns<S>): PageCloud {
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: seed } });
  beforeAll(() => {
    Object.assign(wx, extras);
    if (cloud) Object.assign(wx.cloud, cloud);
  });
  beforeEach(() => {
    Object.assign(state, fresh());
  });
  return pc;
}
