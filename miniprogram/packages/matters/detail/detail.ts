// 说事详情: the matter and its whole timeline (internal notes for cadres only); the raiser rates it
// when it is closed (1–5 stars, big targets) and may ask once for a poorly rated one to be handled
// again; cadres go on to 办理.
import type { MatterDetail } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import { playVoice, rateMatter, reopenMatter } from '../../../services/matters';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';
import { matterPage } from './load';
import { matterView, type MatterView } from './view';

interface DetailData {
  notFound: string;
  id: string;
  m: MatterView | null;
  stars: number;
  starRow: { n: number; on: boolean }[];
  comment: string;
  reason: string;
  submitting: boolean;
  error: string;
  clientKey: string;
}

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意'];

function starRow(n: number): DetailData['starRow'] {
  return [1, 2, 3, 4, 5].map((i) => ({ n: i, on: i <= n }));
}

const initial: DetailData = {
  notFound: '',
  id: '',
  m: null,
  stars: 0,
  starRow: starRow(0),
  comment: '',
  reason: '',
  submitting: false,
  error: '',
  clientKey: newClientKey(),
};

Component({
  behaviors: [care, shell, matterPage],
  data: initial,
  methods: {
    show(detail: MatterDetail) {
      this.setData({ m: matterView(detail) });
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const src = dataString(e, 'src');
      const group = dataString(e, 'group');
      const m = this.data.m;
      if (!m) return;
      const urls = group === 'matter' ? m.photos : (m.events.find((x) => x.id === group)?.photos ?? [src]);
      wx.previewImage({ urls, current: src });
    },
    onPlayVoice() {
      if (this.data.m?.voiceSrc) playVoice(this.data.m.voiceSrc);
    },
    onStar(e: WechatMiniprogram.BaseEvent) {
      const n = dataNumber(e, 'n');
      if (n < 1 || n > 5) return;
      this.setData({ stars: n, starRow: starRow(n), error: '' });
    },
    onComment(e: WechatMiniprogram.Input) {
      this.setData({ comment: e.detail.value });
    },
    onReason(e: WechatMiniprogram.Input) {
      this.setData({ reason: e.detail.value });
    },
    async onRate() {
      if (this.data.submitting || !this.data.m) return;
      if (this.data.stars < 1) return this.setData({ error: '请点星星打分：1星很不满意，5星很满意' });
      this.setData({ submitting: true, error: '' });
      try {
        const comment = this.data.comment.trim();
        const m = await rateMatter({
          id: this.data.m.id,
          clientKey: this.data.clientKey,
          stars: this.data.stars,
          ...(comment ? { comment } : {}),
        });
        this.setData({ m: matterView(m), submitting: false, clientKey: newClientKey(), comment: '' });
        wx.showToast({ title: `已评价：${STAR_WORDS[this.data.stars] ?? ''}`, icon: 'none' });
      } catch (e) {
        this.setData({ submitting: false });
        showError(e);
      }
    },
    async onReopen() {
      if (this.data.submitting || !this.data.m) return;
      const reason = this.data.reason.trim();
      if (!reason) return this.setData({ error: '请说一说哪里还不满意' });
      this.setData({ submitting: true, error: '' });
      try {
        const m = await reopenMatter({ id: this.data.m.id, clientKey: this.data.clientKey, reason });
        this.setData({ m: matterView(m), submitting: false, clientKey: newClientKey(), reason: '', stars: 0, starRow: starRow(0) });
        wx.showToast({ title: '已申请重新办理', icon: 'none' });
      } catch (e) {
        this.setData({ submitting: false });
        showError(e);
      }
    },
    onHandle() {
      if (this.data.m) wx.navigateTo({ url: `/packages/matters/handle/handle?id=${this.data.m.id}` });
    },
  },
});
