// 户主档案袋: the household's label, head and grid, members (names and relations), earned / available / pending
// points (pending apart, explained), this year's figures, rank in the village and the grid, a
// 12-month trend drawn on a canvas, and the history item by item with its steps and photos. Grid
// leaders and cadres open another household with ?householdId=; a cadre can correct (更正) an
// approved record with a reason.
import type { ArchiveResult, RecordView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';
import { errorText } from '../../../services/cloud';
import { getArchive, reverseRecord } from '../../../services/points';
import { fileUrl } from '../../../services/upload';
import { dateText, monthLabel, timeText } from '../../../utils/china-time';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';
import { decisionText, pointsText, sourceText, STATUS_NAMES } from '../../../utils/points-format';
import { drawTrend, type TrendPoint } from '../../../utils/trend-chart';

interface HistoryCard {
  id: string;
  itemName: string;
  pointsText: string;
  up: boolean;
  date: string;
  status: string;
  statusClass: string;
  source: string;
  note: string;
  reason: string;
  photos: string[];
  steps: string[];
  /** "已更正" / "更正记录" */
  correction: string;
  canReverse: boolean;
}

interface TrendCell {
  label: string;
  points: string;
  up: boolean;
  down: boolean;
}

interface ArchiveData {
  /** The record whose review steps are unfolded ('' for none): the audit lines stay folded away. */
  openSteps: string;
  householdId: string;
  household: ArchiveResult['household'] | null;
  members: ArchiveResult['members'];
  balance: ArchiveResult['balance'] | null;
  villageRank: string;
  gridRank: string;
  /** Records still waiting for review (not counted anywhere yet). */
  waiting: { count: number; points: string };
  trend: TrendPoint[];
  trendCells: TrendCell[];
  trendTotal: string;
  history: HistoryCard[];
  canReverse: boolean;
  /** The 更正 sheet. */
  reversing: { id: string; title: string } | null;
  reverseReason: string;
  reverseKey: string;
  sheetError: string;
  busy: boolean;
}

const initial: ArchiveData = {
  openSteps: '',
  householdId: '',
  household: null,
  members: [],
  balance: null,
  villageRank: '',
  gridRank: '',
  waiting: { count: 0, points: '' },
  trend: [],
  trendCells: [],
  trendTotal: '',
  history: [],
  canReverse: false,
  reversing: null,
  reverseReason: '',
  reverseKey: '',
  sheetError: '',
  busy: false,
};

const STATUS_CLASS: Record<RecordView['status'], string> = { pending: 'badge-wait', approved: 'badge-ok', rejected: 'badge-bad' };

/** Approved but its month not settled yet: the points are still on the monthly notice (公示中). */
function onNotice(r: RecordView, settled: readonly string[]): boolean {
  return r.status === 'approved' && !settled.includes(r.month);
}

function historyCard(r: RecordView, canReverse: boolean, settled: readonly string[]): HistoryCard {
  return {
    id: r.id,
    itemName: r.reverses ? `更正：${r.itemName}` : r.itemName,
    pointsText: pointsText(r.points),
    up: r.points > 0,
    date: dateText(r.occurredOn),
    status: onNotice(r, settled) ? '公示中' : STATUS_NAMES[r.status],
    statusClass: onNotice(r, settled) ? 'badge-wait' : STATUS_CLASS[r.status],
    source: sourceText(r.source, r.recordedByName, r.proxyFor),
    note: r.note,
    reason: r.reason,
    photos: r.evidence.map(fileUrl),
    steps: r.steps.map((s) => `${timeText(s.at)} ${s.role} ${s.byName} ${decisionText(s.decision)}${s.reason ? `：${s.reason}` : ''}`),
    correction: r.reversedBy ? '已更正' : r.reverses ? '更正记录' : '',
    canReverse: canReverse && r.status === 'approved' && !r.reversedBy && !r.reverses,
  };
}

export function archiveView(a: ArchiveResult): Partial<ArchiveData> {
  const waiting = a.history.filter((r) => r.status === 'pending');
  const total = a.trend.reduce((s, t) => s + t.points, 0);
  return {
    household: a.household,
    members: a.members,
    balance: a.balance,
    villageRank: `全村第${a.rank.village.rank}名 / ${a.rank.village.of}户`,
    gridRank: `${a.household.gridName || '网格'}第${a.rank.grid.rank}名 / ${a.rank.grid.of}户`,
    waiting: { count: waiting.length, points: pointsText(waiting.reduce((s, r) => s + r.points, 0)) },
    trend: a.trend,
    trendCells: a.trend.map((t) => ({
      label: monthLabel(t.month),
      points: t.points ? pointsText(t.points) : '0',
      up: t.points > 0,
      down: t.points < 0,
    })),
    trendTotal: pointsText(total),
    history: a.history.map((r) => historyCard(r, a.canReverse, a.settledMonths)),
    canReverse: a.canReverse,
  };
}

/** A canvas node as the selector query gives it (simulators and old clients may give none). */
interface CanvasHit {
  node: WechatMiniprogram.Canvas;
  width: number;
  height: number;
}

function isCanvasHit(v: unknown): v is CanvasHit {
  if (typeof v !== 'object' || v === null || !('node' in v) || !('width' in v) || !('height' in v)) return false;
  const node: unknown = v.node;
  return (
    typeof node === 'object' &&
    node !== null &&
    'getContext' in node &&
    typeof node.getContext === 'function' &&
    typeof v.width === 'number' &&
    typeof v.height === 'number' &&
    v.width > 0
  );
}

function pixelRatio(): number {
  try {
    return typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : wx.getSystemInfoSync().pixelRatio;
  } catch {
    return 2;
  }
}

Component({
  behaviors: [care, shell, queryParams('householdId')],
  data: initial,
  methods: {
    async load() {
      const a = await getArchive(this.data.householdId || undefined);
      this.setData({ ...archiveView(a) }, () => this.drawChart());
    },
    /** Draws the trend on <canvas type="2d" id="trend">; without a canvas node the figures below it still show. */
    drawChart() {
      try {
        this.createSelectorQuery()
          .select('#trend')
          .fields({ node: true, size: true })
          .exec((res: unknown) => {
            const hit: unknown = Array.isArray(res) ? res[0] : null;
            if (!isCanvasHit(hit)) return;
            const dpr = pixelRatio();
            hit.node.width = hit.width * dpr;
            hit.node.height = hit.height * dpr;
            const ctx = hit.node.getContext('2d');
            ctx.scale(dpr, dpr);
            drawTrend(ctx, this.data.trend, { width: hit.width, height: hit.height });
          });
      } catch (e) {
        console.warn('trend chart not drawn', e);
      }
    },
    onToggleSteps(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      this.setData({ openSteps: this.data.openSteps === id ? '' : id });
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const card = this.data.history.find((h) => h.id === dataString(e, 'id'));
      if (!card) return;
      wx.previewImage({ urls: card.photos, current: card.photos[dataNumber(e, 'index')] ?? card.photos[0] ?? '' });
    },

    // ---- 更正 (cadres) ---------------------------------------------------------------------------
    onOpenReverse(e: WechatMiniprogram.BaseEvent) {
      const card = this.data.history.find((h) => h.id === dataString(e, 'id'));
      if (!card?.canReverse) return;
      // One key per correction: retrying after a weak network cannot correct twice.
      this.setData({
        reversing: { id: card.id, title: `${card.itemName} ${card.pointsText}分（${card.date}）` },
        reverseReason: '',
        reverseKey: newClientKey(),
        sheetError: '',
      });
    },
    onCloseReverse() {
      if (this.data.busy) return;
      this.setData({ reversing: null, sheetError: '' });
    },
    onReverseReason(e: WechatMiniprogram.TextareaInput) {
      this.setData({ reverseReason: e.detail.value, sheetError: '' });
    },
    async onConfirmReverse() {
      const target = this.data.reversing;
      if (!target || this.data.busy) return;
      const reason = this.data.reverseReason.trim();
      if (!reason) {
        this.setData({ sheetError: '请填写更正原因，户主会看到' });
        return;
      }
      this.setData({ busy: true, sheetError: '' });
      try {
        const counter = await reverseRecord({ clientKey: this.data.reverseKey, recordId: target.id, reason });
        // The archive reloaded first: when the sheet closes, the record shows 已更正.
        await reload(this);
        this.setData({ busy: false, reversing: null });
        wx.showToast({ title: `已更正，${pointsText(counter.points)}分`, icon: 'success' });
      } catch (e) {
        this.setData({ busy: false, sheetError: errorText(e) });
      }
    },
    onSheetTap() {},
  },
});
