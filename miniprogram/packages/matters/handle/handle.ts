// 办理说事 (cadres; the assignee posts progress): one screen, few taps. A held matter is looked at
// first (publish it, or keep it to the cadres); then 答复群众, 内部讨论 or 公布议事结果, 交办 (a
// person of the village or a body, with a due date), 办理进展, 办结 with the result and photos.
// Each submission carries a key made once per form: a retry does it once.
import type { MatterAssignRequest, MatterDetail } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import {
  assignMatter,
  closeMatter,
  matterAssignees,
  moderateMatter,
  noteMatter,
  progressMatter,
  respondMatter,
} from '../../../services/matters';
import type { UploadedPhoto } from '../../../services/upload';
import { care } from '../../../behaviors/care';
import { addPhotos, removePhoto } from '../photos';
import { formShell } from '../../../behaviors/page-shell';
import { addDays, chinaDate, dateText } from '../../../utils/china-time';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';
import { matterPage } from '../detail/load';
import { matterView, type MatterView } from '../detail/view';

type Form = '' | 'respond' | 'note' | 'assign' | 'progress' | 'close';

const FORM_NAMES: Record<Exclude<Form, ''>, string> = {
  respond: '答复群众',
  note: '讨论 / 议事结果',
  assign: '交办',
  progress: '办理进展',
  close: '办结',
};
const DONE_TOASTS: Record<Exclude<Form, ''>, string> = {
  respond: '已答复',
  note: '已记录',
  assign: '已交办',
  progress: '已上报进展',
  close: '已办结',
};

interface Person {
  personId: string;
  label: string;
}

interface HandleData {
  notFound: string;
  id: string;
  m: MatterView | null;
  forms: { key: Form; name: string; on: boolean }[];
  form: Form;
  text: string;
  publish: boolean;
  photos: UploadedPhoto[];
  photoSeq: number;
  uploading: boolean;
  assignKind: 'person' | 'body';
  people: Person[];
  personIndex: number;
  bodyName: string;
  dueDate: string;
  dueLabel: string;
  minDate: string;
  submitting: boolean;
  error: string;
  clientKey: string;
}

const today = chinaDate();

const initial: HandleData = {
  notFound: '',
  id: '',
  m: null,
  forms: [],
  form: '',
  text: '',
  publish: false,
  photos: [],
  photoSeq: 0,
  uploading: false,
  assignKind: 'person',
  people: [],
  personIndex: 0,
  bodyName: '',
  dueDate: addDays(today, 3),
  dueLabel: dateText(addDays(today, 3)),
  minDate: today,
  submitting: false,
  error: '',
  clientKey: newClientKey(),
};

function formsOf(m: MatterView, current: Form): HandleData['forms'] {
  const keys: Exclude<Form, ''>[] = ['respond', 'progress', 'assign', 'close', 'note'];
  return keys.filter((k) => m.can[k]).map((k) => ({ key: k, name: FORM_NAMES[k], on: k === current }));
}

/** The form to open first: the step the matter waits for. */
function firstForm(m: MatterView): Form {
  if (m.can.respond) return 'respond';
  if (m.can.close && !m.can.assign) return 'progress';
  return '';
}

function isForm(v: string): v is Exclude<Form, ''> {
  return v === 'respond' || v === 'note' || v === 'assign' || v === 'progress' || v === 'close';
}

Component({
  behaviors: [care, formShell, matterPage],
  data: initial,
  methods: {
    /** Shows the matter; the form to open is picked the first time and after a step is done. */
    show(detail: MatterDetail, pickForm?: boolean) {
      const m = matterView(detail);
      const form = (pickForm ?? !this.data.m) ? firstForm(m) : this.data.form && m.can[this.data.form] ? this.data.form : '';
      this.setData({ m, form, forms: formsOf(m, form) });
    },
    onOpenDetail() {
      wx.navigateTo({ url: `/packages/matters/detail/detail?id=${this.data.id}` });
    },
    onForm(e: WechatMiniprogram.BaseEvent) {
      const key = dataString(e, 'key');
      if (!isForm(key) || !this.data.m) return;
      this.setData({ form: key, forms: formsOf(this.data.m, key), error: '' });
      if (key === 'assign' && !this.data.people.length) void this.loadPeople();
    },
    async loadPeople() {
      try {
        const res = await matterAssignees();
        this.setData({ people: res.people.map((p) => ({ personId: p.personId, label: `${p.name}（${p.roleName}）` })), personIndex: 0 });
      } catch (e) {
        showError(e);
      }
    },
    onText(e: WechatMiniprogram.Input) {
      this.setData({ text: e.detail.value });
    },
    onPublish(e: WechatMiniprogram.SwitchChange) {
      this.setData({ publish: e.detail.value });
    },
    onAssignKind(e: WechatMiniprogram.BaseEvent) {
      const kind = dataString(e, 'kind');
      if (kind === 'person' || kind === 'body') this.setData({ assignKind: kind });
    },
    onPerson(e: WechatMiniprogram.PickerChange) {
      this.setData({ personIndex: Number(e.detail.value) });
    },
    onBodyName(e: WechatMiniprogram.Input) {
      this.setData({ bodyName: e.detail.value });
    },
    onDueDate(e: WechatMiniprogram.PickerChange) {
      const date = String(e.detail.value);
      this.setData({ dueDate: date, dueLabel: dateText(date) });
    },
    onChoosePhoto() {
      return addPhotos(this);
    },
    onRemovePhoto(e: WechatMiniprogram.BaseEvent) {
      removePhoto(this, dataNumber(e, 'index'));
    },
    async onModerate(e: WechatMiniprogram.BaseEvent) {
      const decision = dataString(e, 'decision');
      if (this.data.submitting || (decision !== 'release' && decision !== 'private')) return;
      this.setData({ submitting: true });
      try {
        const m = await moderateMatter({ id: this.data.id, clientKey: this.data.clientKey, decision });
        this.show(m, true);
        this.setData({ submitting: false, clientKey: newClientKey() });
        wx.showToast({ title: decision === 'release' ? '已公开' : '已设为仅干部可见', icon: 'none' });
      } catch (err) {
        this.setData({ submitting: false });
        showError(err);
      }
    },
    /** The assignee picked for 交办, or what is missing. */
    assignee(): MatterAssignRequest['assignee'] | string {
      if (this.data.assignKind === 'person') {
        const person = this.data.people[this.data.personIndex];
        return person ? { kind: 'person', personId: person.personId } : '请选择承办人';
      }
      const body = this.data.bodyName.trim();
      return body ? { kind: 'body', name: body } : '请填写承办单位，例如：镇水务站';
    },
    /** The call the open form makes, or what is missing from it. */
    request(form: Exclude<Form, ''>, text: string): Promise<MatterDetail> | string {
      const base = { id: this.data.id, clientKey: this.data.clientKey };
      const photos = this.data.photos.length ? { photos: this.data.photos.map((p) => p.fileID) } : {};
      if (form === 'respond') return respondMatter({ ...base, text, ...photos });
      if (form === 'note') return noteMatter({ ...base, text, publish: this.data.publish });
      if (form === 'progress') return progressMatter({ ...base, text, ...photos });
      if (form === 'close') return closeMatter({ ...base, text, ...photos });
      const assignee = this.assignee();
      if (typeof assignee === 'string') return assignee;
      return assignMatter({ ...base, assignee, dueDate: this.data.dueDate, ...(text ? { note: text } : {}) });
    },
    async onSubmit() {
      const form = this.data.form;
      if (this.data.submitting || !form) return;
      const text = this.data.text.trim();
      if (form !== 'assign' && !text) return this.setData({ error: form === 'close' ? '请写明办理结果' : '请写几句话' });
      if (this.data.uploading) return this.setData({ error: '照片还在上传，请稍等' });
      const step = this.request(form, text);
      if (typeof step === 'string') return this.setData({ error: step });
      this.setData({ submitting: true, error: '' });
      try {
        const m = await step;
        this.show(m, true);
        this.setData({ submitting: false, text: '', photos: [], publish: false, bodyName: '', clientKey: newClientKey() });
        wx.showToast({ title: DONE_TOASTS[form], icon: 'none' });
      } catch (e) {
        this.setData({ submitting: false });
        showError(e);
      }
    },
  },
});
