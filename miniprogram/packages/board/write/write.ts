// 写公开信 (the secretary): title, body and up to 9 pictures (uploaded as they are picked), kept as a
// draft or published to the village. ?id= continues a draft. The form's key is made once, so a
// retried save (weak network, double tap) makes one letter.
import { showError } from '../../../services/cloud';
import { getLetter, saveLetter } from '../../../services/board';
import { chooseImages, extensionOf, fileUrl, uploadFile } from '../../../services/upload';
import { pageUrl } from '../../../utils/board-share';
import { blankDraft, type DraftFields, draftForm, draftStart, saveDraft } from '../draft-form';
import { chinaDate } from '../../../utils/china-time';
import { dataNumber } from '../../../utils/event';
import { care } from '../../../behaviors/care';
import { formShell } from '../../../behaviors/page-shell';
import { confirmAction } from '../../../utils/confirm';

const MAX_PICTURES = 9;

interface Picture {
  fileID: string;
  src: string;
}

interface WriteData extends DraftFields {
  pictures: Picture[];
}

const initial: WriteData = { ...blankDraft, pictures: [] };

Component({
  behaviors: [care, formShell, draftForm],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData(draftStart(query));
    },
    async load() {
      // A new one: nothing to load.
      if (!this.data.id) return;
      const letter = await getLetter(this.data.id);
      this.setData({
        title: letter.title,
        body: letter.body,
        pictures: letter.pictures.map((f) => ({ fileID: f, src: fileUrl(f) })),
      });
    },
    async onAddPicture() {
      const room = MAX_PICTURES - this.data.pictures.length;
      if (room <= 0 || this.data.uploading) return;
      try {
        const paths = await chooseImages(room);
        if (!paths.length) return;
        this.setData({ uploading: true });
        const day = chinaDate();
        const uploaded: Picture[] = [];
        for (const [i, p] of paths.entries()) {
          const fileID = await uploadFile(
            p,
            `letters/${day}/${this.data.clientKey}-${this.data.pictures.length + i + 1}.${extensionOf(p)}`,
          );
          uploaded.push({ fileID, src: fileUrl(fileID) });
        }
        this.setData({ pictures: [...this.data.pictures, ...uploaded], uploading: false });
      } catch (e) {
        this.setData({ uploading: false });
        showError(e);
      }
    },
    onRemovePicture(e: WechatMiniprogram.BaseEvent) {
      const index = dataNumber(e, 'index');
      this.setData({ pictures: this.data.pictures.filter((_, i) => i !== index) });
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const urls = this.data.pictures.map((p) => p.src);
      wx.previewImage({ urls, current: urls[dataNumber(e, 'index')] ?? urls[0] ?? '' });
    },
    async save(publish: boolean) {
      const title = this.data.title.trim();
      const body = this.data.body.trim();
      const missing = !title ? '请填写标题' : !body ? '请填写正文' : '';
      const pictures = this.data.pictures.map((p) => p.fileID);
      const letter = await saveDraft(this, missing, (keys) => saveLetter({ ...keys, title, body, pictures, publish }));
      if (!letter) return;
      wx.showToast({ title: publish ? '已发布' : '草稿已保存', icon: 'success' });
      if (publish) wx.redirectTo({ url: pageUrl('letter/letter', { id: letter.id, villageId: letter.village.id }) });
    },
    async onPublish() {
      if (!this.data.title.trim() || !this.data.body.trim()) return void this.save(true);
      const sure = await confirmAction('发布给全村', `《${this.data.title.trim()}》将发给全村的人看，村民可以阅读、点赞和留言。`, '发布');
      if (sure) void this.save(true);
    },
  },
});
