// What the 积分超市 pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what the phone and WeChat's own servers do is stood in
// for: the camera (wx.scanCode answers what the test queued, as if that QR were held up to it), the
// photo picker (real files the test wrote), uploads and downloads (real HTTP to the test's local
// cloud), the confirm dialog (the test's answer) and the document viewer (recorded).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { usePageCloud, type PageCloud } from '../support/cloud';
import { type Callbacks, failLater, later } from '../support/callbacks';
import { type FunctionFixtures, functionFixtures, multipartBody } from '../support/http';

/** Calls of the shop function as someone, for fixtures. */
export type ShopFixtures = FunctionFixtures<'shop'>;

interface ShopWxState {
  /** What the next wx.scanCode reads (each call takes one); none left = the keeper closes the camera. */
  scans: string[];
  /** The answers to the next wx.showModal (true = confirm); none left = confirm. */
  modals: boolean[];
  modalTexts: string[];
  /** What the next wx.chooseMedia answers; none left = the user cancels. */
  picks: string[];
  navigations: string[];
  documents: { filePath: string; fileType: string; showMenu: boolean }[];
  downloads: string[];
}

const state: ShopWxState = { scans: [], modals: [], modalTexts: [], picks: [], navigations: [], documents: [], downloads: [] };

function request(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let tmpDir = '';
function tmp(name: string): string {
  tmpDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-shop-'));
  return path.join(tmpDir, name);
}

const extras = {
  scanCode(option: Callbacks<{ result: string; scanType: string; charSet: string; path: string; rawData: string; errMsg: string }>): void {
    const text = state.scans.shift();
    if (text === undefined) {
      failLater(option, 'scanCode:fail cancel');
      return;
    }
    later(option, {
      ok: true,
      res: {
        result: text,
        scanType: 'QR_CODE',
        charSet: 'utf-8',
        path: '',
        rawData: Buffer.from(text).toString('base64'),
        errMsg: 'scanCode:ok',
      },
    });
  },
  showModal(option: Callbacks<{ confirm: boolean; cancel: boolean; errMsg: string }> & { title?: string; content?: string }): void {
    state.modalTexts.push(`${option.title ?? ''}|${option.content ?? ''}`);
    const confirm = state.modals.shift() ?? true;
    later(option, { ok: true, res: { confirm, cancel: !confirm, errMsg: 'showModal:ok' } });
  },
  navigateTo(option: Callbacks<{ errMsg: string }> & { url: string }): void {
    state.navigations.push(option.url);
    later(option, { ok: true, res: { errMsg: 'navigateTo:ok' } });
  },
  chooseMedia(
    option: Callbacks<{ tempFiles: { tempFilePath: string; size: number; fileType: string }[]; type: string; errMsg: string }>,
  ): void {
    const picked = state.picks.shift();
    if (!picked) {
      failLater(option, 'chooseMedia:fail cancel');
      return;
    }
    later(option, {
      ok: true,
      res: {
        tempFiles: [{ tempFilePath: picked, size: fs.statSync(picked).size, fileType: 'image' }],
        type: 'image',
        errMsg: 'chooseMedia:ok',
      },
    });
  },
  uploadFile(
    option: Callbacks<{ data: string; statusCode: number; errMsg: string }> & {
      url: string;
      filePath: string;
      name: string;
      formData?: Record<string, unknown>;
    },
  ): void {
    const form = multipartBody(option.formData ?? {}, option.name, option.filePath, 'image/png');
    request(
      option.url,
      'POST',
      { 'content-type': `multipart/form-data; boundary=${form.boundary}`, 'content-length': String(form.body.length) },
      form.body,
    ).then(
      (reply) =>
        later(option, { ok: true, res: { data: reply.bytes.toString('utf8'), statusCode: reply.status, errMsg: 'uploadFile:ok' } }),
      (e: unknown) => failLater(option, `uploadFile:fail ${String(e)}`),
    );
  },
  downloadFile(option: Callbacks<{ tempFilePath: string; statusCode: number; errMsg: string }> & { url: string }): void {
    state.downloads.push(option.url);
    request(option.url, 'GET', {}).then(
      (reply) => {
        const file = tmp(`download-${state.downloads.length}`);
        fs.writeFileSync(file, reply.bytes);
        later(option, { ok: true, res: { tempFilePath: file, statusCode: reply.status, errMsg: 'downloadFile:ok' } });
      },
      (e: unknown) => failLater(option, `downloadFile:fail ${String(e)}`),
    );
  },
  openDocument(option: Callbacks<{ errMsg: string }> & { filePath: string; fileType?: string; showMenu?: boolean }): void {
    state.documents.push({ filePath: option.filePath, fileType: option.fileType ?? '', showMenu: option.showMenu ?? false });
    later(option, { ok: true, res: { errMsg: 'openDocument:ok' } });
  },
  previewImage(option: Callbacks<{ errMsg: string }>): void {
    later(option, { ok: true, res: { errMsg: 'previewImage:ok' } });
  },
};

/** A small real PNG written where the phone keeps picked photos; its temp path. */
export function writePhoto(name: string): string {
  const file = tmp(name);
  fs.writeFileSync(
    file,
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  );
  return file;
}

export const shopWx = {
  scan: (text: string): void => void state.scans.push(text),
  answerModal: (confirm: boolean): void => void state.modals.push(confirm),
  pick: (filePath: string): void => void state.picks.push(filePath),
  modalTexts: (): readonly string[] => state.modalTexts,
  navigations: (): readonly string[] => state.navigations,
  documents: (): ShopWxState['documents'] => state.documents,
  downloads: (): readonly string[] => state.downloads,
};

/** The demo village (with its shop) on a real local cloud, the global wx extended, a direct caller. */
export function useShopCloud(): { pc: PageCloud; api: () => ShopFixtures } {
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  beforeAll(() => {
    Object.assign(wx, extras);
  });
  beforeEach(() => {
    state.scans.length = 0;
    state.modals.length = 0;
    state.modalTexts.length = 0;
    state.picks.length = 0;
    state.navigations.length = 0;
    state.documents.length = 0;
    state.downloads.length = 0;
  });
  return { pc, api: () => functionFixtures(pc.url, 'shop') };
}

/** The HTTP status and bytes of a GET. */
export async function httpGet(url: string): Promise<{ status: number; bytes: Buffer }> {
  return request(url, 'GET', {});
}

export const chinaToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
