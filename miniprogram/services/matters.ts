// 村民说事: the typed calls of the `matters` function, the categories, the subscribe-message
// templates the pages ask for, voice recording (hold to talk) and playback.
import type {
  CalendarOverrideRequest,
  CalendarResult,
  MatterAssignRequest,
  MatterAssigneesResult,
  MatterCategory,
  MatterCloseRequest,
  MatterDetail,
  MatterModerateRequest,
  MatterNoteRequest,
  MatterPage,
  MatterProgressRequest,
  MatterQueue,
  MatterRaiseRequest,
  MatterRaiseResult,
  MatterRateRequest,
  MatterReopenRequest,
  MatterRespondRequest,
  MatterStatsResult,
} from '../../typings/index';
import { call } from './cloud';
import { uploadFile } from './upload';

/** The categories, in the order the raise page offers them. */
export const MATTER_CATEGORIES: readonly MatterCategory[] = [
  '道路交通',
  '环境卫生',
  '水电设施',
  '邻里纠纷',
  '政策咨询',
  '产业发展',
  '治安消防',
  '干部作风',
  '其他',
];

/**
 * Subscribe-message templates (the same IDs as cloudfunctions/shared/notify.ts; set per deployment
 * in the mini-program console). A villager who raises a matter subscribes to hear its answers; a
 * cadre to hear of new matters and overdue ones; a town admin of a missing calendar year.
 */
export const MATTER_TEMPLATES = {
  villager: ['TPL_MATTER_UPDATE'],
  cadre: ['TPL_MATTER_NEW', 'TPL_MATTER_OVERDUE', 'TPL_MATTER_RATED', 'TPL_MATTER_ASSIGNED'],
  town: ['TPL_CALENDAR_MISSING'],
} as const;

/**
 * Asks to be told by subscribe message (must run inside a tap). Never fails the action that asked:
 * a refusal, or an old WeChat without the API, just means no message.
 */
export function askSubscribe(tmplIds: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    try {
      if (typeof wx.requestSubscribeMessage !== 'function') return resolve();
      wx.requestSubscribeMessage({ tmplIds: [...tmplIds], complete: () => resolve() });
    } catch {
      resolve();
    }
  });
}

export const raiseMatter = (req: MatterRaiseRequest): Promise<MatterRaiseResult> => call('matters', 'raise', req);
export const publicMatters = (page: number): Promise<MatterPage> => call('matters', 'list', { page });
export const myMatters = (page: number): Promise<MatterPage> => call('matters', 'mine', { page });
export const matterQueue = (): Promise<MatterQueue> => call('matters', 'queue', {});
export const matterDetail = (id: string): Promise<MatterDetail> => call('matters', 'detail', { id });
export const moderateMatter = (req: MatterModerateRequest): Promise<MatterDetail> => call('matters', 'moderate', req);
export const respondMatter = (req: MatterRespondRequest): Promise<MatterDetail> => call('matters', 'respond', req);
export const noteMatter = (req: MatterNoteRequest): Promise<MatterDetail> => call('matters', 'note', req);
export const assignMatter = (req: MatterAssignRequest): Promise<MatterDetail> => call('matters', 'assign', req);
export const progressMatter = (req: MatterProgressRequest): Promise<MatterDetail> => call('matters', 'progress', req);
export const closeMatter = (req: MatterCloseRequest): Promise<MatterDetail> => call('matters', 'close', req);
export const rateMatter = (req: MatterRateRequest): Promise<MatterDetail> => call('matters', 'rate', req);
export const reopenMatter = (req: MatterReopenRequest): Promise<MatterDetail> => call('matters', 'reopen', req);
export const matterAssignees = (): Promise<MatterAssigneesResult> => call('matters', 'assignees', {});
export const matterStats = (from: string, to: string): Promise<MatterStatsResult> => call('matters', 'stats', { from, to });
export const holidayCalendar = (): Promise<CalendarResult> => call('matters', 'calendar', {});
export const setHolidayOverride = (req: CalendarOverrideRequest): Promise<CalendarResult> => call('matters', 'setOverride', req);

// ---- voice notes -------------------------------------------------------------------------------

/** The longest voice note, in seconds (the function accepts 1–60). */
export const MAX_VOICE_SECONDS = 60;

export interface Recording {
  tempFilePath: string;
  seconds: number;
}

/**
 * Hold-to-talk: start() when the finger goes down, stop() when it lifts; `onDone` gets the file
 * (or null for a slip of the finger under a second, or a failure, with a message).
 */
export function voiceRecorder(onDone: (rec: Recording | null, message: string) => void): { start(): void; stop(): void } {
  const manager = wx.getRecorderManager();
  let recording = false;
  manager.onStop((res) => {
    if (!recording) return;
    recording = false;
    const seconds = Math.min(MAX_VOICE_SECONDS, Math.round(res.duration / 1000));
    if (seconds < 1) onDone(null, '说话时间太短，请按住按钮多说几句');
    else onDone({ tempFilePath: res.tempFilePath, seconds }, '');
  });
  manager.onError(() => {
    recording = false;
    onDone(null, '没能录音，请允许使用麦克风后再试');
  });
  return {
    start() {
      recording = true;
      manager.start({ duration: MAX_VOICE_SECONDS * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
    },
    stop() {
      if (recording) manager.stop();
    },
  };
}

/** Uploads a recording under matters/<day>/; answers its cloud file ID. */
export function uploadVoice(rec: Recording, day: string, name: string): Promise<string> {
  return uploadFile(rec.tempFilePath, `matters/${day}/${name}.mp3`);
}

let player: WechatMiniprogram.InnerAudioContext | null = null;

/** Plays a voice note (one at a time). */
export function playVoice(src: string): void {
  player?.stop();
  player = wx.createInnerAudioContext();
  player.src = src;
  player.play();
}

export function stopVoice(): void {
  player?.stop();
}
