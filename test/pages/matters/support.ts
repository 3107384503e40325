// What the 村民说事 pages need of WeChat beyond the shared harness (test/pages/support/wx.ts), added
// to the same global wx in a beforeAll. Only what the phone and WeChat's servers do is stood in for:
// the recorder "records" a real file the test wrote and reports its length, the photo picker answers
// with real files, the map picker with a place; uploads are real multipart HTTP requests to the
// test's local cloud (which stores the bytes and answers { fileID }, as for the mini-program in
// local mode). Navigations, previews, played audio and subscribe requests are recorded.
import fs from 'node:fs';
import { type Callbacks, later } from '../support/callbacks';
import type { PageCloud } from '../support/cloud';
import {
  chooseMedia,
  navigation,
  previewImage,
  requestSubscribeMessage,
  type Stored,
  uploadFile,
  useStandIns,
  writeTemp,
} from '../support/device';
import { type FunctionFixtures, functionFixtures } from '../support/http';

interface LocationOption extends Callbacks<{ name: string; address: string; latitude: number; longitude: number; errMsg: string }> {}

interface StopResult {
  tempFilePath: string;
  duration: number;
  fileSize: number;
}

export type Upload = Stored;

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
}

const fresh = (): MattersWxState => ({
  picks: [],
  recordings: [],
  places: [],
  uploads: [],
  navigations: [],
  previews: [],
  played: [],
  subscribeRequests: [],
});
const state = fresh();

/** The one recorder manager of the phone: start, then stop reports the file the test prepared. */
function recorderManager() {
  const stops: ((res: StopResult) => void)[] = [];
  const errors: ((err: { errMsg: string }) => void)[] = [];
  let current: { file: string; ms: number } | null = null;
  return {
    start(): void {
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
  chooseMedia: chooseMedia(() => state.picks.shift()),
  uploadFile: uploadFile((stored) => state.uploads.push(stored)),
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
  requestSubscribeMessage: requestSubscribeMessage((ids) => state.subscribeRequests.push(ids)),
  ...navigation(['navigateTo'], (_, url) => state.navigations.push(url)),
  previewImage: previewImage((urls) => state.previews.push(urls)),
};

/** The start of an MP3 frame: a real (if silent) recording's bytes. */
const MP3 = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...new Array<number>(400).fill(0)]);

/** The next wx.chooseMedia answers with a photo the test wrote. */
export function pickPhoto(name: string): string {
  const file = writeTemp(name);
  state.picks.push([file]);
  return file;
}

/** The next recording lasts `seconds`. */
export function nextRecording(name: string, seconds: number): string {
  const file = writeTemp(name, MP3);
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
  const pc = useStandIns({ wx: extras, state, fresh });
  return { pc, api: () => functionFixtures(pc.url, 'matters') };
}
