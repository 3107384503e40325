// 一封公开信: the letter with its pictures, how many households read it, likes, comments and the
// secretary's replies. A member's open counts as their household's read. Members like and comment
// (a comment the content check holds waits for the secretary, who approves or rejects it and
// replies). Opened from a share card with ?villageId=, someone not in the village reads it (names of
// commenters shown as "村民") and is offered a way to join.
import type { CommentView, LetterDetail, ReadersResult } from '../../../../typings/index';
import { errorText, showError } from '../../../services/cloud';
import {
  askSubscription,
  decideLetter,
  getLetter,
  getReaders,
  moderateComment,
  postComment,
  replyComment,
  setLike,
} from '../../../services/board';
import { confirmDecision, decidedText, holdDecision } from '../../../utils/held';
import { fileUrl } from '../../../services/upload';
import { whenText } from '../../../utils/board-format';
import { goJoin, pageUrl, param, shareCard, timelineCard } from '../../../utils/board-share';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';
import { act } from '../act';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';

interface CommentRow {
  id: string;
  author: string;
  text: string;
  when: string;
  status: CommentView['status'];
  statusText: string;
  reason: string;
  mine: boolean;
  reply: { text: string; byName: string; when: string } | null;
}

type Sheet = 'none' | 'reply' | 'reject' | 'readers';

interface LetterData {
  id: string;
  villageId: string;
  letter: LetterDetail | null;
  pictures: string[];
  when: string;
  readText: string;
  comments: CommentRow[];
  held: CommentRow[];
  liked: boolean;
  likes: number;
  liking: boolean;
  /** A release or withdrawal of the held letter is on its way. */
  deciding: boolean;
  commentText: string;
  commentKey: string;
  posting: boolean;
  /** What the last action did, kept on screen. */
  notice: string;
  sheet: Sheet;
  target: string;
  sheetText: string;
  sheetError: string;
  acting: boolean;
  readers: ReadersResult | null;
}

const initial: LetterData = {
  id: '',
  villageId: '',
  letter: null,
  pictures: [],
  when: '',
  readText: '',
  comments: [],
  held: [],
  liked: false,
  likes: 0,
  liking: false,
  deciding: false,
  commentText: '',
  commentKey: '',
  posting: false,
  notice: '',
  sheet: 'none',
  target: '',
  sheetText: '',
  sheetError: '',
  acting: false,
  readers: null,
};

function commentRow(c: CommentView): CommentRow {
  return {
    id: c.id,
    author: c.mine ? `${c.authorName}（我）` : c.authorName,
    text: c.text,
    when: whenText(c.createdAt),
    status: c.status,
    statusText: c.statusText,
    reason: c.reason,
    mine: c.mine,
    reply: c.reply ? { text: c.reply.text, byName: c.reply.byName, when: whenText(c.reply.at) } : null,
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: param(query, 'id'), villageId: param(query, 'villageId'), commentKey: newClientKey() });
    },
    async load() {
      this.show(await getLetter(this.data.id));
    },
    show(letter: LetterDetail) {
      this.setData({
        letter,
        villageId: letter.village.id,
        pictures: letter.pictures.map(fileUrl),
        when:
          letter.status === 'published'
            ? whenText(letter.publishedAt)
            : letter.status === 'held'
              ? '待审核，还没有公开'
              : '草稿，还没有发布',
        readText: `已读 ${letter.readHouseholds} / ${letter.households} 户`,
        comments: letter.comments.map(commentRow),
        held: letter.held.map(commentRow),
        liked: letter.liked,
        likes: letter.likes,
      });
    },
    async onDecide(e: WechatMiniprogram.BaseEvent) {
      const decision = holdDecision(dataString(e, 'decision'));
      if (!decision || this.data.deciding || !(await confirmDecision(decision, '这封信'))) return;
      this.setData({ deciding: true });
      try {
        this.show(await decideLetter(this.data.id, decision));
        this.setData({ deciding: false, notice: decidedText(decision) });
      } catch (err) {
        this.setData({ deciding: false });
        showError(err);
      }
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const urls = this.data.pictures;
      wx.previewImage({ urls, current: urls[dataNumber(e, 'index')] ?? urls[0] ?? '' });
    },
    async onLike() {
      if (this.data.liking) return;
      const liked = !this.data.liked;
      this.setData({ liking: true });
      try {
        const res = await setLike(this.data.id, liked);
        this.setData({ liked: res.liked, likes: res.likes, liking: false });
      } catch (e) {
        this.setData({ liking: false });
        showError(e);
      }
    },
    onCommentInput(e: WechatMiniprogram.TextareaInput) {
      this.setData({ commentText: e.detail.value });
    },
    async onPostComment() {
      const text = this.data.commentText.trim();
      if (!text) {
        this.setData({ notice: '请先写下您的留言' });
        return;
      }
      if (this.data.posting) return;
      this.setData({ posting: true, notice: '' });
      // Asked inside the tap, as WeChat requires: whether to be told when the secretary replies.
      await askSubscription(['reply']);
      try {
        const res = await postComment({ clientKey: this.data.commentKey, letterId: this.data.id, text });
        const notice = res.held ? '留言已提交，村书记审核后大家才能看到' : '留言已发表';
        this.setData({ posting: false, commentText: '', commentKey: newClientKey(), notice });
        wx.showToast({ title: res.held ? '已提交审核' : '留言成功', icon: res.held ? 'none' : 'success' });
        await reload(this);
      } catch (e) {
        this.setData({ posting: false });
        showError(e);
      }
    },
    onOpenReply(e: WechatMiniprogram.BaseEvent) {
      this.setData({ sheet: 'reply', target: dataString(e, 'id'), sheetText: '', sheetError: '' });
    },
    onOpenReject(e: WechatMiniprogram.BaseEvent) {
      this.setData({ sheet: 'reject', target: dataString(e, 'id'), sheetText: '', sheetError: '' });
    },
    async onOpenReaders() {
      this.setData({ sheet: 'readers', readers: null, sheetError: '' });
      try {
        this.setData({ readers: await getReaders(this.data.id) });
      } catch (e) {
        this.setData({ sheetError: errorText(e) });
      }
    },
    onCloseSheet() {
      this.setData({ sheet: 'none', sheetError: '' });
    },
    onSheetTap() {},
    onSheetInput(e: WechatMiniprogram.TextareaInput) {
      this.setData({ sheetText: e.detail.value, sheetError: '' });
    },
    async onApprove(e: WechatMiniprogram.BaseEvent) {
      await this.decide(dataString(e, 'id'), 'approve', '');
    },
    async decide(commentId: string, decision: 'approve' | 'reject', reason: string): Promise<boolean> {
      const step = () => moderateComment({ commentId, decision, ...(reason ? { reason } : {}) });
      const done = await act(this, step, decision === 'approve' ? '已审核通过，大家都能看到这条留言了' : '已设为不通过，留言人会看到原因');
      if (done) await reload(this);
      return done;
    },
    async onConfirmSheet() {
      const text = this.data.sheetText.trim();
      if (this.data.sheet === 'reject') {
        if (text.length < 2) {
          this.setData({ sheetError: '请写明不通过的原因，留言人会看到' });
          return;
        }
        if (await this.decide(this.data.target, 'reject', text)) this.setData({ sheet: 'none' });
        return;
      }
      if (!text) {
        this.setData({ sheetError: '请写下回复的内容' });
        return;
      }
      const step = () => replyComment({ commentId: this.data.target, text });
      if (!(await act(this, step, '已回复，留言人会收到通知（如已订阅）'))) return;
      this.setData({ sheet: 'none' });
      await reload(this);
    },
    onEdit() {
      wx.navigateTo({ url: pageUrl('write/write', { id: this.data.id }) });
    },
    onJoin() {
      goJoin(this.data.villageId);
    },
    onAllLetters() {
      wx.navigateTo({ url: pageUrl('letters/letters', { villageId: this.data.villageId }) });
    },
    onShareAppMessage() {
      return shareCard(this.data.letter?.title ?? '书记公开信', 'letter/letter', { id: this.data.id, villageId: this.data.villageId });
    },
    onShareTimeline() {
      return timelineCard(this.data.letter?.title ?? '书记公开信', { id: this.data.id, villageId: this.data.villageId });
    },
  },
});
