// What the 积分超市 pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what the phone and WeChat's own servers do is stood in
// for: the camera (wx.scanCode answers what the test queued, as if that QR were held up to it), the
// photo picker (real files the test wrote), uploads and downloads (real HTTP to the test's local
// cloud), the confirm dialog (the test's answer) and the document viewer (recorded).
import { type Callbacks, failLater, succeedLater } from '../support/callbacks';
import type { PageCloud } from '../support/cloud';
import { chooseMedia, navigation, previewImage, scanCode, uploadFile, useStandIns, writeTemp } from '../support/device';
import { type FunctionFixtures, functionFixtures, httpGet } from '../support/http';
import { answerModals, dialogs } from '../support/wx';

/** Calls of the shop function as someone, for fixtures. */
export type ShopFixtures = FunctionFixtures<'shop'>;

interface ShopWxState {
  /** What the next wx.scanCode reads (each call takes one); none left = the keeper closes the camera. */
  scans: string[];
  /** What the next wx.chooseMedia answers; none left = the user cancels. */
  picks: string[];
  navigations: string[];
  documents: { filePath: string; fileType: string; showMenu: boolean }[];
  downloads: string[];
}

const fresh = (): ShopWxState => ({ scans: [], picks: [], navigations: [], documents: [], downloads: [] });
const state = fresh();

const extras = {
  scanCode: scanCode(() => state.scans.shift()),
  ...navigation(['navigateTo'], (_, url) => state.navigations.push(url)),
  chooseMedia: chooseMedia(() => {
    const picked = state.picks.shift();
    return picked === undefined ? undefined : [picked];
  }),
  uploadFile: uploadFile(undefined, 'image/png'),
  downloadFile(option: Callbacks<{ tempFilePath: string; statusCode: number; errMsg: string }> & { url: string }): void {
    state.downloads.push(option.url);
    httpGet(option.url).then(
      (reply) => {
        const file = writeTemp(`download-${state.downloads.length}`, reply.bytes);
        succeedLater(option, { tempFilePath: file, statusCode: reply.status, errMsg: 'downloadFile:ok' });
      },
      (e: unknown) => failLater(option, `downloadFile:fail ${String(e)}`),
    );
  },
  openDocument(option: Callbacks<{ errMsg: string }> & { filePath: string; fileType?: string; showMenu?: boolean }): void {
    state.documents.push({ filePath: option.filePath, fileType: option.fileType ?? '', showMenu: option.showMenu ?? false });
    succeedLater(option, { errMsg: 'openDocument:ok' });
  },
  previewImage: previewImage(),
};

/** A small real PNG written where the phone keeps picked photos; its temp path. */
export function writePhoto(name: string): string {
  return writeTemp(name);
}

export const shopWx = {
  scan: (text: string): void => void state.scans.push(text),
  answerModal: (confirm: boolean): void => answerModals(confirm),
  pick: (filePath: string): void => void state.picks.push(filePath),
  modalTexts: (): readonly string[] => dialogs().map((d) => `${d.title}|${d.content}`),
  navigations: (): readonly string[] => state.navigations,
  documents: (): ShopWxState['documents'] => state.documents,
  downloads: (): readonly string[] => state.downloads,
};

/** The demo village (with its shop) on a real local cloud, the global wx extended, a direct caller. */
export function useShopCloud(): { pc: PageCloud; api: () => ShopFixtures } {
  const pc = useStandIns({ wx: extras, state, fresh });
  return { pc, api: () => functionFixtures(pc.url, 'shop') };
}

export { httpGet };

export const chinaToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
