// 一条公开内容: the item with its attachments (pictures open large, PDFs in WeChat's viewer) and, for
// finance, the 村务监督委员's sign-off. The supervisor signs off a finance draft (the version on
// screen); a cadre edits a draft or publishes it (finance only once signed off). Opened from a share
// card with ?villageId=, someone not in the village reads it and may join.
import type { BoardAttachment, BoardItemDetail } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import { decideItem, getItem, openDocument, publishItem, signOffItem } from '../../../services/board';
import { confirmDecision, decidedText, holdDecision } from '../../../utils/held';
import { fileUrl } from '../../../services/upload';
import { dayText, whenText } from '../../../utils/board-format';
import { goJoin, pageUrl, shareCard, timelineCard } from '../../../utils/board-share';
import { dataNumber, dataString } from '../../../utils/event';
import { act } from '../act';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';

interface AttachmentRow {
  name: string;
  type: BoardAttachment['type'];
  url: string;
  icon: string;
}

interface ItemData {
  id: string;
  villageId: string;
  item: BoardItemDetail | null;
  when: string;
  attachments: AttachmentRow[];
  signedText: string;
  signing: boolean;
  signNote: string;
  acting: boolean;
  notice: string;
}

const initial: ItemData = {
  id: '',
  villageId: '',
  item: null,
  when: '',
  attachments: [],
  signedText: '',
  signing: false,
  signNote: '',
  acting: false,
  notice: '',
};

const ICONS: Record<BoardAttachment['type'], string> = { pdf: 'PDF', image: '图片', file: '文件' };

Component({
  behaviors: [care, shell, queryParams('id', 'villageId')],
  data: initial,
  methods: {
    async load() {
      this.show(await getItem(this.data.id));
    },
    show(item: BoardItemDetail) {
      const when =
        item.kind === 'chronicle' ? dayText(item.eventDate) : item.status === 'draft' ? '未发布' : `${whenText(item.publishedAt)} 发布`;
      this.setData({
        item,
        villageId: item.village.id,
        when,
        attachments: item.attachments.map((a) => ({ name: a.name, type: a.type, url: fileUrl(a.fileId), icon: ICONS[a.type] })),
        signedText: item.signOff
          ? `${item.signOff.byName} 于 ${whenText(item.signOff.at)} 审核签字${item.signOff.note ? `：${item.signOff.note}` : ''}`
          : '',
      });
    },
    async onOpenAttachment(e: WechatMiniprogram.BaseEvent) {
      const a = this.data.attachments[dataNumber(e, 'index')];
      if (!a) return;
      if (a.type === 'image') {
        const urls = this.data.attachments.filter((x) => x.type === 'image').map((x) => x.url);
        wx.previewImage({ urls, current: a.url });
        return;
      }
      try {
        await openDocument(a.url);
      } catch (err) {
        showError(err);
      }
    },
    onOpenSign() {
      this.setData({ signing: true, signNote: '' });
    },
    onCloseSign() {
      this.setData({ signing: false });
    },
    onSheetTap() {},
    onSignNote(e: WechatMiniprogram.TextareaInput) {
      this.setData({ signNote: e.detail.value });
    },
    async onConfirmSign() {
      const item = this.data.item;
      if (!item) return;
      const note = this.data.signNote.trim();
      const step = async () => this.show(await signOffItem(item.id, item.updatedAt, note));
      if (!(await act(this, step, '已审核签字，村干部可以发布了'))) return;
      this.setData({ signing: false });
      wx.showToast({ title: '已审核签字', icon: 'success' });
    },
    async onPublish() {
      const item = this.data.item;
      if (!item) return;
      if (await act(this, async () => this.show(await publishItem(item.id)), '已发布，全村都能看到了')) {
        wx.showToast({ title: '已发布', icon: 'success' });
      }
    },
    async onDecide(e: WechatMiniprogram.BaseEvent) {
      const item = this.data.item;
      const decision = holdDecision(dataString(e, 'decision'));
      if (!item || !decision || this.data.acting || !(await confirmDecision(decision, '这条内容'))) return;
      await act(this, async () => this.show(await decideItem(item.id, decision)), decidedText(decision));
    },
    onEdit() {
      wx.navigateTo({ url: pageUrl('compose/compose', { id: this.data.id }) });
    },
    onBoard() {
      wx.navigateTo({ url: pageUrl('board/board', { villageId: this.data.villageId, tab: this.data.item?.kind }) });
    },
    onJoin() {
      goJoin(this.data.villageId);
    },
    onShareAppMessage() {
      const item = this.data.item;
      return shareCard(item ? `${item.kindName}：${item.title}` : '村务公开', 'item/item', {
        id: this.data.id,
        villageId: this.data.villageId,
      });
    },
    onShareTimeline() {
      const item = this.data.item;
      return timelineCard(item ? `${item.kindName}：${item.title}` : '村务公开', { id: this.data.id, villageId: this.data.villageId });
    },
  },
});
