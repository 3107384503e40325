// 书记公开信: the village's letters, newest first (the secretary also sees drafts and writes new ones).
// Opened from a share card with ?villageId=, someone not in the village reads the published letters
// and is offered a way to join.
import type { LetterSummary } from '../../../../typings/index';
import { listLetters } from '../../../services/board';
import { fileUrl } from '../../../services/upload';
import { whenText } from '../../../utils/board-format';
import { goJoin, pageUrl, shareCard, timelineCard } from '../../../utils/board-share';
import { dataString } from '../../../utils/event';
import { care } from '../../../behaviors/care';
import { more } from '../../../behaviors/more';
import { shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';
import { emptyVillageList, firstPage, type VillageListData } from '../village-list';

interface Row {
  id: string;
  title: string;
  excerpt: string;
  cover: string;
  when: string;
  stats: string;
  draft: boolean;
  /** 待审核 (held for a cadre) or 草稿. */
  badge: string;
}

const initial: VillageListData<Row> = emptyVillageList();

function row(l: LetterSummary): Row {
  return {
    id: l.id,
    title: l.title,
    excerpt: l.excerpt,
    cover: l.cover ? fileUrl(l.cover) : '',
    when: l.status === 'published' ? whenText(l.publishedAt) : '还没有发布',
    stats: `已读 ${l.readHouseholds} 户 · 点赞 ${l.likes} · 留言 ${l.commentCount}`,
    draft: l.status === 'draft',
    badge: l.status === 'held' ? '待审核' : '草稿',
  };
}

Component({
  behaviors: [care, shell, more, queryParams('villageId')],
  data: initial,
  methods: {
    async load() {
      const res = await listLetters(this.data.villageId ? { villageId: this.data.villageId } : {});
      this.setData(firstPage(res, res.letters.map(row), res.drafts.map(row)));
    },
    async fetchMore(page: number) {
      const res = await listLetters({ villageId: this.data.villageId, page });
      return { rows: res.letters.map(row), hasMore: res.hasMore };
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      if (id) wx.navigateTo({ url: pageUrl('letter/letter', { id, villageId: this.data.villageId }) });
    },
    onWrite() {
      wx.navigateTo({ url: pageUrl('write/write', {}) });
    },
    onJoin() {
      goJoin(this.data.villageId);
    },
    onShareAppMessage() {
      return shareCard(`${this.data.village?.name ?? ''}书记公开信`, 'letters/letters', { villageId: this.data.villageId });
    },
    onShareTimeline() {
      return timelineCard(`${this.data.village?.name ?? ''}书记公开信`, { villageId: this.data.villageId });
    },
  },
});
