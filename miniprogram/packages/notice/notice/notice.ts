// 积分公示: one month's notice (?month=YYYY-MM; the latest without it). Every household's total and
// items, whether it is open for objections and until when (China time). A villager objects to a
// household's line or one item of it in a sheet with a reason (the submission's key is kept across
// retries, so a weak network never files it twice) and follows their objections' outcomes. Cadres see
// every objection with who raised it and decide 成立 / 不予采纳 with a reason, publish last month's
// notice and settle this one. Shared into the village group as a card that opens this page; someone
// not in the village is offered a way to join.
import type { NoticeGetResult, NoticeView, ObjectionView } from '../../../../typings/index';
import { errorText, showError } from '../../../services/cloud';
import { getNotice, listNotices, objectTo, publishNotice, resolveObjection, settleNotice } from '../../../services/notice';
import { newClientKey } from '../../../utils/client-key';
import { dataString } from '../../../utils/event';
import {
  chinaMomentText,
  lastChinaMonth,
  monthShort,
  monthTitle,
  objectionStatusText,
  periodText,
  stateText,
  type NoticeState,
} from '../../../utils/notice-format';
import { gateOf, goHome, goJoin, type Gate } from '../../../utils/notice-gate';
import { pointsText } from '../../../utils/points-format';
import { care } from '../../../behaviors/care';
import { confirmAction } from '../../../utils/confirm';

interface ItemRow {
  recordId: string;
  itemName: string;
  pointsText: string;
  tone: 'up' | 'down' | 'zero';
  date: string;
}

interface LineRow {
  householdId: string;
  label: string;
  totalText: string;
  tone: 'up' | 'down' | 'zero';
  items: ItemRow[];
  openObjections: number;
  /** The viewer's own household: pinned first and marked 我家. */
  mine: boolean;
}

interface ObjectionRow {
  id: string;
  target: string;
  reason: string;
  status: ObjectionView['status'];
  statusText: string;
  resolution: string;
  objectorName: string;
  time: string;
  open: boolean;
}

interface NoticeData {
  loading: boolean;
  failed: boolean;
  loadError: string;
  gate: Gate;
  month: string;
  title: string;
  villageName: string;
  state: NoticeState;
  stateText: string;
  closing: string;
  period: string;
  households: number;
  totalPoints: number;
  openObjections: number;
  version: number;
  settledAt: string;
  lines: LineRow[];
  /** The lines shown: those matching the filter, the first `limit` of them (more on scrolling down). */
  shown: LineRow[];
  more: number;
  limit: number;
  filter: string;
  mine: ObjectionRow[];
  all: ObjectionRow[];
  canManage: boolean;
  /** The objection sheet. */
  sheetOpen: boolean;
  sheetTarget: string;
  sheetHouseholdId: string;
  sheetRecordId: string;
  reason: string;
  sheetError: string;
  submitting: boolean;
  /** Cadres' reasons being written, by objection id; and what is wrong with them. */
  drafts: Record<string, string>;
  draftErrors: Record<string, string>;
  /** What is running: an objection's id, 'publish' or 'settle'. */
  acting: string;
  /** What the last action did, kept on screen. */
  result: string;
  resultWarn: boolean;
}

const initial: NoticeData = {
  loading: true,
  failed: false,
  loadError: '',
  gate: '',
  month: '',
  title: '',
  villageName: '',
  state: 'open',
  stateText: '',
  closing: '',
  period: '',
  households: 0,
  totalPoints: 0,
  openObjections: 0,
  version: 1,
  settledAt: '',
  lines: [],
  shown: [],
  more: 0,
  limit: 0,
  filter: '',
  mine: [],
  all: [],
  canManage: false,
  sheetOpen: false,
  sheetTarget: '',
  sheetHouseholdId: '',
  sheetRecordId: '',
  reason: '',
  sheetError: '',
  submitting: false,
  drafts: {},
  draftErrors: {},
  acting: '',
  result: '',
  resultWarn: false,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MIN_REASON = 2;
/** Households shown at first and added by each "more" (a village has ~150; rendering all at once is slow on old phones). */
const PAGE_LINES = 40;

/** The key of the objection being written: kept until it is filed, so a retry files it once. */
let pendingObjection: { target: string; key: string } | null = null;
/** Keys of the cadre's decisions not yet through, by objection id. */
const resolveKeys = new Map<string, string>();

function tone(points: number): 'up' | 'down' | 'zero' {
  return points > 0 ? 'up' : points < 0 ? 'down' : 'zero';
}


function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function lineRow(l: NoticeView['lines'][number]): LineRow {
  return {
    householdId: l.householdId,
    label: l.label,
    totalText: pointsText(l.total),
    tone: tone(l.total),
    items: l.items.map((i) => ({
      recordId: i.recordId,
      itemName: i.itemName,
      pointsText: pointsText(i.points),
      tone: tone(i.points),
      date: dayText(i.occurredOn),
    })),
    openObjections: l.openObjections,
    mine: false,
  };
}

export function objectionRow(o: ObjectionView): ObjectionRow {
  return {
    id: o.id,
    target: `${o.householdLabel}${o.itemName ? ` · ${o.itemName}` : ' · 整户'}`,
    reason: o.reason,
    status: o.status,
    statusText: objectionStatusText(o.status),
    resolution: o.resolution,
    objectorName: o.objectorName,
    time: chinaMomentText(o.createdAt),
    open: o.status === 'open',
  };
}

/** The viewer's household first (a villager looks for their own among 150), the rest as published. */
function pinMine(lines: LineRow[], mine: string | null): LineRow[] {
  const own = lines.filter((l) => l.householdId === mine).map((l) => ({ ...l, mine: true }));
  return [...own, ...lines.filter((l) => l.householdId !== mine)];
}

function visible(lines: LineRow[], filter: string, limit: number): { shown: LineRow[]; more: number; limit: number } {
  const f = filter.trim();
  const matching = f ? lines.filter((l) => l.label.includes(f)) : lines;
  const max = Math.max(limit, PAGE_LINES);
  return { shown: matching.slice(0, max), more: Math.max(0, matching.length - max), limit: max };
}

Component({
  behaviors: [care],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const month = query.month ?? '';
      this.setData({ month: MONTH.test(month) ? month : '' });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ loading: true, failed: false, loadError: '', gate: '' });
      try {
        let month = this.data.month;
        if (!month) {
          const { notices } = await listNotices();
          month = notices[0]?.month ?? '';
          if (!month) {
            this.setData({ loading: false, gate: 'notFound' });
            return;
          }
          this.setData({ month });
        }
        this.show(await getNotice(month));
        this.setData({ loading: false });
      } catch (e) {
        const gate = gateOf(e);
        if (gate) {
          this.setData({ loading: false, gate });
          return;
        }
        this.setData({ loading: false, failed: true, loadError: errorText(e) });
        showError(e);
      }
    },
    /** Reloads the notice without the loading state (after an action); a failure keeps what is shown. */
    async refresh() {
      try {
        this.show(await getNotice(this.data.month));
      } catch {
        // What is on screen stays; pulling down reloads.
      }
    },
    onRetry() {
      void this.load();
    },
    show(res: NoticeGetResult) {
      const n = res.notice;
      // The function says whether it is open (by the server's clock, not the phone's).
      const state: NoticeState = n.status === 'settled' ? 'settled' : n.open ? 'open' : 'closed';
      const lines = pinMine(n.lines.map(lineRow), res.myHouseholdId);
      this.setData({
        month: n.month,
        title: `${n.villageName}${monthTitle(n.month)}积分公示`,
        villageName: n.villageName,
        state,
        stateText: stateText(state),
        closing: chinaMomentText(n.closesAt),
        period: periodText(n.publishedAt, n.closesAt),
        households: n.households,
        totalPoints: n.totalPoints,
        openObjections: n.openObjections,
        version: n.version,
        settledAt: n.settledAt ? chinaMomentText(n.settledAt) : '',
        lines,
        ...visible(lines, this.data.filter, this.data.limit),
        mine: res.mine.map(objectionRow),
        all: res.all.map(objectionRow),
        canManage: res.canManage,
      });
    },
    onFilter(e: WechatMiniprogram.Input) {
      this.setData({ filter: e.detail.value, ...visible(this.data.lines, e.detail.value, PAGE_LINES) });
    },
    onMore() {
      if (this.data.more) this.setData(visible(this.data.lines, this.data.filter, this.data.limit + PAGE_LINES));
    },
    onReachBottom() {
      this.onMore();
    },

    // ---- objections (everyone) --------------------------------------------------------------
    onOpenObjection(e: WechatMiniprogram.BaseEvent) {
      if (this.data.state !== 'open') return;
      const householdId = dataString(e, 'household');
      const recordId = dataString(e, 'record');
      const line = this.data.lines.find((l) => l.householdId === householdId);
      if (!line) return;
      const item = recordId ? line.items.find((i) => i.recordId === recordId) : undefined;
      if (recordId && !item) return;
      const target = `${householdId}|${recordId}`;
      const same = pendingObjection?.target === target;
      if (!same) pendingObjection = { target, key: newClientKey() };
      this.setData({
        sheetOpen: true,
        sheetTarget: item
          ? `${line.label} · ${item.itemName} ${item.pointsText}分（${item.date}）`
          : `${line.label} · 本月合计 ${line.totalText}分`,
        sheetHouseholdId: householdId,
        sheetRecordId: recordId,
        reason: same ? this.data.reason : '',
        sheetError: '',
      });
    },
    onCloseObjection() {
      if (this.data.submitting) return;
      this.setData({ sheetOpen: false, sheetError: '' });
    },
    onReason(e: WechatMiniprogram.TextareaInput) {
      this.setData({ reason: e.detail.value, sheetError: '' });
    },
    async onSubmitObjection() {
      if (this.data.submitting || !pendingObjection) return;
      const reason = this.data.reason.trim();
      if (reason.length < MIN_REASON) {
        this.setData({ sheetError: '请写明理由（至少2个字），村干部会据此核实' });
        return;
      }
      const { sheetHouseholdId: householdId, sheetRecordId: recordId, month } = this.data;
      this.setData({ submitting: true, sheetError: '' });
      try {
        await objectTo({ clientKey: pendingObjection.key, month, householdId, ...(recordId ? { recordId } : {}), reason });
        pendingObjection = null;
        this.setData({
          submitting: false,
          sheetOpen: false,
          reason: '',
          result: '异议已提交，村干部处理后会通知您。处理结果见“我的异议”。',
          resultWarn: false,
        });
        wx.showToast({ title: '异议已提交', icon: 'success' });
        await this.refresh();
      } catch (e) {
        // The sheet stays open with what was written; submitting again sends the same key.
        this.setData({ submitting: false, sheetError: `没有提交成功：${errorText(e)}` });
      }
    },
    /** Keeps taps on the sheet from closing it. */
    onSheetTap() {},

    // ---- cadres -----------------------------------------------------------------------------
    onDraft(e: WechatMiniprogram.TextareaInput) {
      const id = dataString(e, 'id');
      if (!id) return;
      this.setData({ [`drafts.${id}`]: e.detail.value, [`draftErrors.${id}`]: '' });
    },
    async onResolve(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      const decision = dataString(e, 'decision') === 'uphold' ? 'uphold' : 'dismiss';
      const row = this.data.all.find((o) => o.id === id);
      if (!row || !row.open || this.data.acting) return;
      const reason = (this.data.drafts[id] ?? '').trim();
      if (reason.length < MIN_REASON) {
        this.setData({ [`draftErrors.${id}`]: '请写明理由（至少2个字），提出异议的村民会看到' });
        return;
      }
      const clientKey = resolveKeys.get(id) ?? newClientKey();
      resolveKeys.set(id, clientKey);
      this.setData({ acting: id, result: '' });
      try {
        const done = await resolveObjection({ objectionId: id, decision, reason, clientKey });
        resolveKeys.delete(id);
        await this.refresh();
        const line = this.data.lines.find((l) => l.householdId === done.householdId);
        const text =
          done.status === 'upheld'
            ? `异议成立：已更正“${row.target}”，${line ? `${line.label} 本月合计改为 ${line.totalText} 分` : '公示已更新'}。已通知提出人。`
            : done.status === 'dismissed'
              ? `不予采纳：“${row.target}”的异议已处理，理由已告知提出人。`
              : '这条异议还没有处理。';
        this.setData({ acting: '', result: text, resultWarn: false, [`drafts.${id}`]: '' });
      } catch (err) {
        this.setData({ acting: '', result: `没有处理成功：${errorText(err)}`, resultWarn: true });
        showError(err);
      }
    },
    async onPublish() {
      if (this.data.acting) return;
      const month = lastChinaMonth();
      const sure = await confirmAction(
        `发布${monthTitle(month)}积分公示`,
        `全村都能看到每户${monthTitle(month)}的积分明细，公示期内村民可以提异议。发布后不能撤回。`,
        '发布',
      );
      if (!sure) return;
      this.setData({ acting: 'publish', result: '' });
      try {
        const n = await publishNotice(month);
        this.setData({
          acting: '',
          month: n.month,
          result: `${monthTitle(n.month)}积分公示已发布：共${n.households}户，合计${n.totalPoints}分，异议截止${chinaMomentText(n.closesAt)}。`,
          resultWarn: false,
        });
        await this.refresh();
      } catch (e) {
        this.setData({ acting: '', result: `没有发布：${errorText(e)}`, resultWarn: true });
      }
    },
    async onSettle() {
      if (this.data.acting) return;
      const { month, state } = this.data;
      const sure = await confirmAction(
        `结算${monthTitle(month)}积分公示`,
        `${this.data.households}户共${this.data.totalPoints}分将转为累计积分和可用积分，结算后不能再改。`,
        '结算',
      );
      if (!sure) return;
      this.setData({ acting: 'settle', result: '' });
      try {
        const res = await settleNotice(month);
        const title = monthTitle(month);
        const text = !res.settled
          ? `还不能结算：${res.reason}。`
          : state === 'settled' || (res.households === 0 && res.points === 0)
            ? `${title}已经结算过了，积分不会重复发放。`
            : `${title}已结算：${res.households}户共${res.points}分转为可用积分。`;
        this.setData({ acting: '', result: text, resultWarn: !res.settled });
        await this.refresh();
      } catch (e) {
        this.setData({ acting: '', result: `没有结算：${errorText(e)}`, resultWarn: true });
      }
    },

    // ---- ways out -----------------------------------------------------------------------------
    onToBoards() {
      wx.navigateTo({ url: `/packages/notice/boards/boards?month=${this.data.month}` });
    },
    onToPrint() {
      wx.navigateTo({ url: `/packages/notice/print/print?month=${this.data.month}` });
    },
    onToList() {
      wx.navigateTo({ url: '/packages/notice/list/list' });
    },
    onJoin() {
      goJoin();
    },
    onHome() {
      goHome();
    },
    /** The card for the village WeChat group: "和美村11月积分公示", opening this month. */
    onShareAppMessage() {
      const { villageName, month } = this.data;
      return {
        title: villageName && month ? `${villageName}${monthShort(month)}积分公示` : '积分公示',
        path: `/packages/notice/notice/notice${month ? `?month=${month}` : ''}`,
      };
    },
  },
});
