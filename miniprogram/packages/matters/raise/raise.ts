// 我要说事: what happened (typed, or said by holding the button — for those who cannot type),
// photos, a category, public or for the cadres only, and where. Photos and the voice note are
// uploaded as they are made; the submission carries a key made once per form, so a retry after a
// weak network (or a double tap) raises it once.
import type { MatterCategory, MatterLocation, MatterRaiseRequest, MatterRaiseResult } from '../../../../typings/index';
import { CloudError, showError } from '../../../services/cloud';
import {
  askSubscribe,
  MATTER_CATEGORIES,
  MATTER_TEMPLATES,
  raiseMatter,
  uploadVoice,
  voiceRecorder,
  playVoice,
  type Recording,
} from '../../../services/matters';
import { fileUrl, type UploadedPhoto } from '../../../services/upload';
import { care } from '../../../behaviors/care';
import { addPhotos, removePhoto } from '../photos';
import { chinaDate } from '../../../utils/china-time';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';

const MAX_TEXT = 1000;

interface VoiceRow {
  fileId: string;
  seconds: number;
  src: string;
}

interface Done {
  id: string;
  held: boolean;
  message: string;
}

interface RaiseData {
  loading: boolean;
  categories: { name: MatterCategory; on: boolean }[];
  category: MatterCategory | '';
  text: string;
  photos: UploadedPhoto[];
  photoSeq: number;
  uploading: boolean;
  voice: VoiceRow | null;
  recording: boolean;
  voiceUploading: boolean;
  isPublic: boolean;
  location: MatterLocation | null;
  submitting: boolean;
  error: string;
  done: Done | null;
  clientKey: string;
}

function categories(chosen: MatterCategory | ''): RaiseData['categories'] {
  return MATTER_CATEGORIES.map((name) => ({ name, on: name === chosen }));
}

function fresh(): RaiseData {
  return {
    loading: false,
    categories: categories(''),
    category: '',
    text: '',
    photos: [],
    photoSeq: 0,
    uploading: false,
    voice: null,
    recording: false,
    voiceUploading: false,
    isPublic: false,
    location: null,
    submitting: false,
    error: '',
    done: null,
    clientKey: newClientKey(),
  };
}

function isCategory(name: string): name is MatterCategory {
  return MATTER_CATEGORIES.some((c) => c === name);
}

let recorder: ReturnType<typeof voiceRecorder> | null = null;

/** The receipt: the two-working-day promise with its date, and who can see the matter. */
function receiptText(res: MatterRaiseResult): string {
  if (res.held) return `已提交。内容需要村干部审核后才会公开。村干部会在两个工作日内、${res.matter.deadlineText}前答复您。`;
  return `已提交。村干部会在两个工作日内、${res.matter.deadlineText}前答复您${res.matter.public ? '' : '（只有村干部能看到）'}。`;
}

Component({
  behaviors: [care],
  data: fresh(),
  methods: {
    onLoad() {
      recorder = voiceRecorder((rec, message) => void this.onRecorded(rec, message));
    },
    onCategory(e: WechatMiniprogram.BaseEvent) {
      const name = dataString(e, 'name');
      if (!isCategory(name)) return;
      this.setData({ category: name, categories: categories(name), error: '' });
    },
    onText(e: WechatMiniprogram.Input) {
      this.setData({ text: e.detail.value });
    },
    // ---- voice: hold to talk ----
    onVoiceStart() {
      if (this.data.recording || this.data.voiceUploading || !recorder) return;
      this.setData({ recording: true, error: '' });
      recorder.start();
    },
    onVoiceEnd() {
      if (!this.data.recording) return;
      this.setData({ recording: false });
      recorder?.stop();
    },
    async onRecorded(rec: Recording | null, message: string) {
      this.setData({ recording: false });
      if (!rec) {
        this.setData({ error: message });
        return;
      }
      this.setData({ voiceUploading: true });
      try {
        const fileId = await uploadVoice(rec, chinaDate(), `${this.data.clientKey}-voice`);
        this.setData({ voice: { fileId, seconds: rec.seconds, src: rec.tempFilePath }, voiceUploading: false });
      } catch (e) {
        this.setData({ voiceUploading: false });
        showError(e);
      }
    },
    onPlayVoice() {
      if (this.data.voice) playVoice(this.data.voice.src);
    },
    onRemoveVoice() {
      this.setData({ voice: null });
    },
    // ---- photos ----
    onChoosePhoto() {
      this.setData({ error: '' });
      return addPhotos(this);
    },
    onRemovePhoto(e: WechatMiniprogram.BaseEvent) {
      removePhoto(this, dataNumber(e, 'index'));
    },
    onPreviewPhoto(e: WechatMiniprogram.BaseEvent) {
      const i = dataNumber(e, 'index');
      const urls = this.data.photos.map((p) => fileUrl(p.fileID));
      wx.previewImage({ urls, current: urls[i] ?? '' });
    },
    // ---- who sees it, where ----
    onPublic(e: WechatMiniprogram.SwitchChange) {
      this.setData({ isPublic: e.detail.value });
    },
    onChooseLocation() {
      wx.chooseLocation({
        success: (res) => {
          // Only the place's name and point: never the street address a pick may carry.
          this.setData({ location: { name: (res.name || '已选地点').slice(0, 50), latitude: res.latitude, longitude: res.longitude } });
        },
        fail: () => undefined,
      });
    },
    onClearLocation() {
      this.setData({ location: null });
    },
    // ---- submit ----
    /** What stops the matter from being sent, '' when nothing does. */
    missing(text: string): string {
      if (!this.data.category) return '请先选一个类别';
      if (!text && !this.data.voice) return '请写几句话，或者按住按钮说一段语音';
      if (text.length > MAX_TEXT) return `最多写${MAX_TEXT}个字`;
      if (this.data.uploading || this.data.voiceUploading) return '照片或语音还在上传，请稍等';
      return '';
    },
    request(text: string, category: MatterCategory): MatterRaiseRequest {
      const { photos, voice, location } = this.data;
      return {
        clientKey: this.data.clientKey,
        text,
        category,
        public: this.data.isPublic,
        ...(photos.length ? { photos: photos.map((p) => p.fileID) } : {}),
        ...(voice ? { voice: { fileId: voice.fileId, seconds: voice.seconds } } : {}),
        ...(location ? { location } : {}),
      };
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const text = this.data.text.trim();
      const missing = this.missing(text);
      const category = this.data.category;
      if (missing || !category) return this.setData({ error: missing });
      // Asked inside the tap (WeChat requires it): to hear the answers by subscribe message.
      const subscribed = askSubscribe(MATTER_TEMPLATES.villager);
      this.setData({ submitting: true, error: '' });
      try {
        await subscribed;
        const res = await raiseMatter(this.request(text, category));
        this.setData({ submitting: false, done: { id: res.matter.id, held: res.held, message: receiptText(res) } });
      } catch (e) {
        // The function's refusal stays on the form in its words; a network failure is a toast.
        const refused = e instanceof CloudError && e.code !== 'NETWORK';
        this.setData({ submitting: false, error: refused ? e.message : '' });
        if (!refused) showError(e);
      }
    },
    onOpenDone() {
      if (this.data.done) wx.navigateTo({ url: `/packages/matters/detail/detail?id=${this.data.done.id}` });
    },
    onAgain() {
      this.setData(fresh());
    },
  },
});
