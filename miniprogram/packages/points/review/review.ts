// 积分审核: the caller's queue on one screen. Each record shows the household, item, points, date,
// note, photos (tap to enlarge), who recorded it and the steps so far. Select one, many or all and
// approve in one tap; rejecting asks for a reason. After acting the list reloads and a toast says
// how many were done and why any were skipped.
import type { RecordView, ReviewResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { showError } from '../../../services/cloud';
import { getQueue, reviewRecords } from '../../../services/points';
import { fileUrl } from '../../../services/upload';
import { dateText, timeText } from '../../../utils/china-time';
import { dataNumber, dataString } from '../../../utils/event';
import { decisionText, pointsText, sourceText } from '../../../utils/points-format';
import { confirmAction } from '../../../utils/confirm';

interface StepRow {
  text: string;
}

interface Card {
  id: string;
  householdLabel: string;
  itemName: string;
  category: string;
  pointsText: string;
  up: boolean;
  date: string;
  note: string;
  reason: string;
  source: string;
  photos: string[];
  steps: StepRow[];
  selected: boolean;
}

interface ReviewData {
  cards: Card[];
  selectedCount: number;
  allSelected: boolean;
  acting: boolean;
  /** The reject sheet is open. */
  rejecting: boolean;
  rejectReason: string;
  sheetError: string;
  /** What the last action did, kept on screen. */
  notice: string;
}

const initial: ReviewData = {
  cards: [],
  selectedCount: 0,
  allSelected: false,
  acting: false,
  rejecting: false,
  rejectReason: '',
  sheetError: '',
  notice: '',
};

export function stepText(s: RecordView['steps'][number]): string {
  return `${timeText(s.at)} ${s.role} ${s.byName} ${decisionText(s.decision)}${s.reason ? `：${s.reason}` : ''}`;
}

function card(r: RecordView, selected: boolean): Card {
  return {
    id: r.id,
    householdLabel: r.householdLabel,
    itemName: r.itemName,
    category: r.category,
    pointsText: pointsText(r.points),
    up: r.points > 0,
    date: dateText(r.occurredOn),
    note: r.note,
    reason: r.reason,
    source: sourceText(r.source, r.recordedByName, r.proxyFor),
    photos: r.evidence.map(fileUrl),
    steps: r.steps.map((s) => ({ text: stepText(s) })),
    selected,
  };
}

/** "已通过3条" + "，2条没有处理：这条记录已经审核过了（2条）". */
export function outcomeText(decision: 'approve' | 'reject', res: ReviewResult): string {
  const done = `${decision === 'approve' ? '已通过' : '已驳回'}${res.done.length}条`;
  if (!res.skipped.length) return done;
  const counts = new Map<string, number>();
  for (const s of res.skipped) counts.set(s.message, (counts.get(s.message) ?? 0) + 1);
  const reasons = [...counts].map(([message, n]) => (n > 1 ? `${message}（${n}条）` : message)).join('；');
  return `${done}，${res.skipped.length}条没有处理：${reasons}`;
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      // Back from a photo preview, what was ticked stays ticked.
      const { records } = await getQueue();
      this.show(records, new Set(this.selectedIds()));
    },
    show(records: RecordView[], selected: ReadonlySet<string>) {
      const cards = records.map((r) => card(r, selected.has(r.id)));
      this.setSelection(cards);
    },
    setSelection(cards: Card[]) {
      const selectedCount = cards.filter((c) => c.selected).length;
      this.setData({ cards, selectedCount, allSelected: cards.length > 0 && selectedCount === cards.length });
    },
    onToggle(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      this.setSelection(this.data.cards.map((c) => (c.id === id ? { ...c, selected: !c.selected } : c)));
    },
    onToggleAll() {
      const all = !this.data.allSelected;
      this.setSelection(this.data.cards.map((c) => ({ ...c, selected: all })));
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const c = this.data.cards.find((x) => x.id === dataString(e, 'id'));
      if (!c) return;
      wx.previewImage({ urls: c.photos, current: c.photos[dataNumber(e, 'index')] ?? c.photos[0] ?? '' });
    },
    selectedIds(): string[] {
      return this.data.cards.filter((c) => c.selected).map((c) => c.id);
    },
    async act(decision: 'approve' | 'reject', reason: string): Promise<boolean> {
      const ids = this.selectedIds();
      if (!ids.length || this.data.acting) return false;
      this.setData({ acting: true, notice: '' });
      try {
        const res = await reviewRecords({ recordIds: ids, decision, ...(reason ? { reason } : {}) });
        const text = outcomeText(decision, res);
        this.setData({ acting: false, notice: text });
        wx.showToast({ title: text, icon: res.skipped.length ? 'none' : 'success', duration: res.skipped.length ? 3000 : 1500 });
        await this.refresh(res.done);
        return true;
      } catch (e) {
        this.setData({ acting: false });
        showError(e);
        return false;
      }
    },
    /** Reloads the queue after acting; if that fails, at least drop what was done. */
    async refresh(done: string[]) {
      const gone = new Set(done);
      const still = new Set(this.selectedIds().filter((id) => !gone.has(id)));
      try {
        const { records } = await getQueue();
        this.show(records, still);
      } catch {
        this.setSelection(this.data.cards.filter((c) => !gone.has(c.id)));
      }
    },
    async onApprove() {
      const chosen = this.data.cards.filter((c) => c.selected);
      // Several at once (全选): say what approving them does before it is done.
      if (chosen.length > 1) {
        const households = new Set(chosen.map((c) => c.householdLabel)).size;
        const sure = await confirmAction(
          `通过${chosen.length}条记录`,
          `${households}户的${chosen.length}条积分记录将通过审核，计入各户待公示积分，随本月公示。`,
          '通过',
        );
        if (!sure) return;
      }
      void this.act('approve', '');
    },
    onOpenReject() {
      if (!this.data.selectedCount) return;
      this.setData({ rejecting: true, sheetError: '' });
    },
    onCloseReject() {
      this.setData({ rejecting: false, sheetError: '' });
    },
    onRejectReason(e: WechatMiniprogram.TextareaInput) {
      this.setData({ rejectReason: e.detail.value, sheetError: '' });
    },
    async onConfirmReject() {
      const reason = this.data.rejectReason.trim();
      if (!reason) {
        this.setData({ sheetError: '请填写驳回原因，村民会看到' });
        return;
      }
      if (await this.act('reject', reason)) this.setData({ rejecting: false, rejectReason: '' });
    },
    /** Keeps taps on the sheet from closing it. */
    onSheetTap() {},
  },
});
