// 发布公开内容 (cadres): 党务 / 村务 / 财务公开, 大事记 (with the day it happened) or 通知, with
// attachments — photos, or PDF and other files picked from a WeChat chat — uploaded as they are
// picked. Finance is saved for the 村务监督委员 to sign off before it can be published; the others
// are published at once or kept as drafts. ?kind= for a new item, ?id= to edit a draft.
import type { BoardAttachment, BoardKind } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import { chooseDocuments, getItem, saveItem } from '../../../services/board';
import { chooseImages, extensionOf, uploadFile } from '../../../services/upload';
import { dayText, KIND_NAMES, kindParam } from '../../../utils/board-format';
import { pageUrl } from '../../../utils/board-share';
import { blankDraft, type DraftFields, draftForm, draftStart, saveDraft } from '../draft-form';
import { chinaDate } from '../../../utils/china-time';
import { dataNumber } from '../../../utils/event';
import { care } from '../../../behaviors/care';
import { formShell } from '../../../behaviors/page-shell';

const MAX_ATTACHMENTS = 9;
function typeOf(name: string): BoardAttachment['type'] {
  const ext = extensionOf(name);
  if (ext === 'pdf') return 'pdf';
  return ['jpg', 'jpeg', 'png', 'gif', 'webp'].includes(ext) ? 'image' : 'file';
}

interface ComposeData extends DraftFields {
  kind: BoardKind;
  kindName: string;
  eventDate: string;
  eventDateText: string;
  today: string;
  attachments: BoardAttachment[];
}

const initial: ComposeData = {
  ...blankDraft,
  kind: 'village',
  kindName: KIND_NAMES.village,
  eventDate: '',
  eventDateText: '',
  today: '',
  attachments: [],
};

Component({
  behaviors: [care, formShell, draftForm],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const k = kindParam(query, 'kind', 'village');
      const today = chinaDate();
      this.setData({
        ...draftStart(query),
        kind: k,
        kindName: KIND_NAMES[k],
        today,
        eventDate: today,
        eventDateText: dayText(today),
      });
    },
    async load() {
      // A new one: nothing to load.
      if (!this.data.id) return;
      const item = await getItem(this.data.id);
      const eventDate = item.eventDate ?? this.data.today;
      this.setData({
        kind: item.kind,
        kindName: item.kindName,
        title: item.title,
        body: item.body,
        attachments: item.attachments,
        eventDate,
        eventDateText: dayText(eventDate),
      });
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const eventDate = String(e.detail.value);
      this.setData({ eventDate, eventDateText: dayText(eventDate) });
    },
    async upload(files: { path: string; name: string }[]) {
      this.setData({ uploading: true });
      const day = chinaDate();
      const added: BoardAttachment[] = [];
      try {
        for (const [i, f] of files.entries()) {
          const n = this.data.attachments.length + i + 1;
          const fileId = await uploadFile(f.path, `board/${day}/${this.data.clientKey}-${n}.${extensionOf(f.name)}`);
          added.push({ fileId, name: f.name, type: typeOf(f.name) });
        }
      } catch (e) {
        showError(e);
      }
      this.setData({ attachments: [...this.data.attachments, ...added], uploading: false });
    },
    async onAddPhoto() {
      const room = MAX_ATTACHMENTS - this.data.attachments.length;
      if (room <= 0 || this.data.uploading) return;
      try {
        const paths = await chooseImages(room);
        const n = this.data.attachments.filter((a) => a.type === 'image').length;
        await this.upload(paths.map((p, i) => ({ path: p, name: `图片${n + i + 1}.${extensionOf(p)}` })));
      } catch (e) {
        showError(e);
      }
    },
    async onAddFile() {
      const room = MAX_ATTACHMENTS - this.data.attachments.length;
      if (room <= 0 || this.data.uploading) return;
      try {
        await this.upload(await chooseDocuments(room));
      } catch (e) {
        showError(e);
      }
    },
    onRemove(e: WechatMiniprogram.BaseEvent) {
      const index = dataNumber(e, 'index');
      this.setData({ attachments: this.data.attachments.filter((_, i) => i !== index) });
    },
    async save(publish: boolean) {
      const { kind, attachments, eventDate } = this.data;
      const title = this.data.title.trim();
      const body = this.data.body.trim();
      const missing = !title ? '请填写标题' : !body && !attachments.length ? '请填写内容或添加附件' : '';
      const item = await saveDraft(this, missing, (keys) =>
        saveItem({ ...keys, kind, title, body, attachments, ...(kind === 'chronicle' ? { eventDate } : {}), publish }),
      );
      if (!item) return;
      wx.showToast({ title: publish ? '已发布' : kind === 'finance' ? '已提交审核' : '草稿已保存', icon: 'success' });
      wx.redirectTo({ url: pageUrl('item/item', { id: item.id, villageId: item.village.id }) });
    },
    onPublish() {
      void this.save(true);
    },
  },
});
