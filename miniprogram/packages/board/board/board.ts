// 村务公开栏: 三务公开 (党务, 村务, 财务), 村庄大事记 and 通知 in tabs, and a way to the 积分红黑榜.
// Cadres publish (finance goes to the 村务监督委员 first: drafts show whether it is signed off); the
// supervisor sees the finance drafts to sign; members may agree to be told of new 通知. Opened from a
// share card with ?villageId=, someone not in the village reads what is published and may join.
import type { BoardItemSummary, BoardKind } from '../../../../typings/index';
import { askSubscription, listItems } from '../../../services/board';
import { dayText, isKind, KIND_NAMES, kindParam, whenText } from '../../../utils/board-format';
import { BOARDS_URL, goJoin, pageUrl, param, shareCard, timelineCard } from '../../../utils/board-share';
import { dataString } from '../../../utils/event';
import { care } from '../../../behaviors/care';
import { more } from '../../../behaviors/more';
import { reload, shell } from '../../../behaviors/page-shell';
import { emptyVillageList, firstPage, type VillageListData } from '../village-list';

interface Tab {
  kind: BoardKind;
  name: string;
}

const TABS: Tab[] = [
  { kind: 'party', name: '党务' },
  { kind: 'village', name: '村务' },
  { kind: 'finance', name: '财务' },
  { kind: 'chronicle', name: '大事记' },
  { kind: 'notice', name: '通知' },
];

interface Row {
  id: string;
  title: string;
  excerpt: string;
  when: string;
  attachments: number;
  badge: string;
  badgeClass: string;
}

interface BoardData extends VillageListData<Row> {
  tabs: Tab[];
  kind: BoardKind;
  kindName: string;
}

const initial: BoardData = { ...emptyVillageList<Row>(), tabs: TABS, kind: 'party', kindName: KIND_NAMES.party };

function row(i: BoardItemSummary): Row {
  let badge = '';
  let badgeClass = '';
  if (i.status === 'held') {
    badge = '待审核';
    badgeClass = 'badge-wait';
  } else if (i.status === 'draft' && i.kind === 'finance') {
    badge = i.signOff ? '监委会已审核，待发布' : '待村务监督委员会审核';
    badgeClass = i.signOff ? 'badge-ok' : 'badge-wait';
  } else if (i.status === 'draft') {
    badge = '草稿';
    badgeClass = 'badge-wait';
  } else if (i.kind === 'finance' && i.signOff) {
    badge = '监委会已审核';
    badgeClass = 'badge-ok';
  }
  return {
    id: i.id,
    title: i.title,
    excerpt: i.excerpt,
    when: i.kind === 'chronicle' ? dayText(i.eventDate) : i.status === 'draft' ? '' : whenText(i.publishedAt),
    attachments: i.attachmentCount,
    badge,
    badgeClass,
  };
}

Component({
  behaviors: [care, shell, more],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const kind = kindParam(query, 'tab', 'party');
      this.setData({ villageId: param(query, 'villageId'), kind, kindName: KIND_NAMES[kind] });
    },
    async load() {
      const res = await listItems({ kind: this.data.kind, ...(this.data.villageId ? { villageId: this.data.villageId } : {}) });
      this.setData(firstPage(res, res.items.map(row), res.drafts.map(row)));
    },
    onTab(e: WechatMiniprogram.BaseEvent) {
      const kind = dataString(e, 'kind');
      if (!isKind(kind) || kind === this.data.kind) return;
      this.setData({ kind, kindName: KIND_NAMES[kind], rows: [], drafts: [] });
      void reload(this);
    },
    async fetchMore(page: number) {
      const res = await listItems({ kind: this.data.kind, villageId: this.data.villageId, page });
      return { rows: res.items.map(row), hasMore: res.hasMore };
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      if (id) wx.navigateTo({ url: pageUrl('item/item', { id, villageId: this.data.villageId }) });
    },
    onCompose() {
      wx.navigateTo({ url: pageUrl('compose/compose', { kind: this.data.kind }) });
    },
    async onSubscribe() {
      const accepted = await askSubscription(['notice']);
      wx.showToast({ title: accepted ? '已订阅，有新通知会提醒您' : '没有订阅', icon: accepted ? 'success' : 'none' });
    },
    onBoards() {
      wx.navigateTo({ url: BOARDS_URL });
    },
    onJoin() {
      goJoin(this.data.villageId);
    },
    onShareAppMessage() {
      return shareCard(`${this.data.village?.name ?? ''}村务公开栏 · ${this.data.kindName}`, 'board/board', {
        villageId: this.data.villageId,
        tab: this.data.kind,
      });
    },
    onShareTimeline() {
      return timelineCard(`${this.data.village?.name ?? ''}村务公开栏`, { villageId: this.data.villageId, tab: this.data.kind });
    },
  },
});
