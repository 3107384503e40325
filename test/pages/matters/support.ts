// What the 村民说事 pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what the phone and WeChat's servers do is stood in for:
// the recorder "records" a real file the test wrote and reports its length, the photo picker answers
// with real files, the map picker with a place; uploads are real multipart HTTP requests to the
// test's local cloud (which stores the bytes and answers { fileID }, as for the mini-program in
// local mode). Navigations, previews, played audio and subscribe requests are recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usePageCloud, type PageCloud } from '../support/cloud';
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
}

interface UrlOption extends Callbacks<{ errMsg: string }> {
  url: string;
}

interface LocationOption extends Callbacks<{ name: string; address: string; latitude: number; longitude: number; errMsg: string }> {}

interface SubscribeOption extends Callbacks<Record<string, string>> {
  tmplIds: string[];
}

interface PreviewOption extends Callbacks<{ errMsg: string }> {
  urls: string[];
  current?: string;
}

interface StopResult {
  tempFilePath: string;
  duration: number;
  fileSize: number;
}

export interface Upload {
  cloudPath: string;
  fileID: string;
}

interface MattersWxState {
  picks: string[][];
  /** What the recorder "records" next: a file and its length in ms. */
  recordings: { file: string; ms: number }[];
  places: { name: string; address: string; latitude: number; longitude: number }[];
  uploads: Upload[];
  navigations: string[];
  previews: string[][];
  played: string[];
  subscribeRequests: string[][];
  recorderStarts: number;
}

const state: MattersWxState = {
  picks: [],
  recordings: [],
  places: [],
  uploads: [],
  navigations: [],
  previews: [],
  played: [],
  subscribeRequests: [],
  recorderStarts: 0,
};

/** The one recorder manager of the phone: start, then stop reports the file the test prepared. */
function recorderManager() {
  const stops: ((res: StopResult) => void)[] = [];
  const errors: ((err: { errMsg: string }) => void)[] = [];
  let current: { file: string; ms: number } | null = null;
  return {
    start(): void {
      state.recorderStarts += 1;
      current = state.recordings.shift() ?? null;
      if (!current)
        setTimeout(() => {
          for (const f of errors) f({ errMsg: 'operateRecorder:fail auth deny' });
        }, 0);
    },
    stop(): void {
      const rec = current;
      current = null;
      if (!rec) return;
      setTimeout(() => {
        for (const f of stops) f({ tempFilePath: rec.file, duration: rec.ms, fileSize: fs.statSync(rec.file).size });
      }, 0);
    },
    onStop(f: (res: StopResult) => void): void {
      stops.push(f);
    },
    onError(f: (err: { errMsg: string }) => void): void {
      errors.push(f);
    },
    onStart(): void {},
    pause(): void {},
    resume(): void {},
  };
}

let manager: ReturnType<typeof recorderManager> | null = null;

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
        if (fileID) state.uploads.push({ cloudPath, fileID });
        later(option, { ok: true, res: { data: reply.text, statusCode: reply.status, errMsg: 'uploadFile:ok' } });
      },
      (e: unknown) => later(option, { ok: false, err: { errMsg: `uploadFile:fail ${e instanceof Error ? e.message : String(e)}` } }),
    );
  },
  getRecorderManager() {
    manager ??= recorderManager();
    return manager;
  },
  createInnerAudioContext() {
    const ctx = {
      src: '',
      play(): void {
        state.played.push(ctx.src);
      },
      stop(): void {},
      destroy(): void {},
    };
    return ctx;
  },
  chooseLocation(option: LocationOption): void {
    const place = state.places.shift();
    if (!place) {
      later(option, { ok: false, err: { errMsg: 'chooseLocation:fail cancel' } });
      return;
    }
    later(option, { ok: true, res: { ...place, errMsg: 'chooseLocation:ok' } });
  },
  requestSubscribeMessage(option: SubscribeOption): void {
    state.subscribeRequests.push([...option.tmplIds]);
    later(option, { ok: true, res: Object.fromEntries(option.tmplIds.map((t) => [t, 'accept'])) });
  },
  navigateTo(option: UrlOption): void {
    state.navigations.push(option.url);
    later(option, { ok: true, res: { errMsg: 'navigateTo:ok' } });
  },
  previewImage(option: PreviewOption): void {
    state.previews.push([...option.urls]);
    later(option, { ok: true, res: { errMsg: 'previewImage:ok' } });
  },
};

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of an MP3 frame: a real (if silent) recording's bytes. */
const MP3 = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...new Array<number>(400).fill(0)]);
let dir = '';

function tempFile(name: string, bytes: Buffer): string {
  dir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'wx-tmp-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The next wx.chooseMedia answers with a photo the test wrote. */
export function pickPhoto(name: string): string {
  const file = tempFile(name, PNG);
  state.picks.push([file]);
  return file;
}

/** The next recording lasts `seconds`. */
export function nextRecording(name: string, seconds: number): string {
  const file = tempFile(name, MP3);
  state.recordings.push({ file, ms: seconds * 1000 });
  return file;
}

export function nextPlace(place: MattersWxState['places'][number]): void {
  state.places.push(place);
}

export const uploads = (): readonly Upload[] => state.uploads;
export const navigations = (): readonly string[] => state.navigations;
export const played = (): readonly string[] => state.played;
export const subscribeRequests = (): readonly string[][] => state.subscribeRequests;

export type MattersFixtures = FunctionFixtures<'matters'>;

/** The demo village on a real local cloud, the global wx extended, and a caller for fixtures. */
export function useMattersCloud(): { pc: PageCloud; api: () => MattersFixtures } {
  const pc = usePageCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  beforeAll(() => {
    Object.assign(wx, extras);
  });
  beforeEach(() => {
    state.picks.length = 0;
    state.recordings.length = 0;
    state.places.length = 0;
    state.uploads.length = 0;
    state.navigations.length = 0;
    state.previews.length = 0;
    state.played.length = 0;
    state.subscribeRequests.length = 0;
  });
  return { pc, api: () => functionFixtures(pc.url, 'matters') };
}
