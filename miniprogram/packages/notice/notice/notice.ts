// 积分公示: one month's notice (?month=YYYY-MM; the latest without it). Every household's total and
// items, whether it is open for objections and until when (China time). A villager objects to a
// household's line or one item of it in a sheet with a reason (the submission's key is kept across
// retries, so a weak network never files it twice) and follows their objections' outcomes. Cadres see
// every objection with who raised it and decide 成立 / 不予采纳 with a reason, publish last month's
// notice and settle this one. Shared into the village group as a card that opens this page; someone
// not in the village is offered a way to join.
import type { NoticeGetResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { errorText, showError } from '../../../services/cloud';
import { getNotice, objectTo, resolveObjection, settleNotice } from '../../../services/notice';
import { newClientKey } from '../../../utils/client-key';
import { confirmAction } from '../../../utils/confirm';
import { dataString } from '../../../utils/event';
import { monthShort, monthTitle } from '../../../utils/notice-format';
import { behindGate } from '../../../utils/notice-gate';
import { noticePage } from '../notice-page';
import { monthOrLatest } from '../month';
import { publishLastMonth } from '../publish';
import { initial, noticeFields, PAGE_LINES, resolvedText, settledText, visible } from './notice-view';

const MIN_REASON = 2;

/** The key of the objection being written: kept until it is filed, so a retry files it once. */
let pendingObjection: { target: string; key: string } | null = null;
/** Keys of the cadre's decisions not yet through, by objection id. */
const resolveKeys = new Map<string, string>();

Component({
  behaviors: [care, shell, noticePage],
  data: initial,
  methods: {
    async load() {
      const { gate, value } = await behindGate(async () => {
        const month = await monthOrLatest(this.data.month);
        return month ? getNotice(month) : null;
      });
      // No month to show (the village has no notice yet) is a gate too.
      this.setData({ gate: value ? '' : gate || 'notFound' });
      if (value) this.show(value);
    },
    show(res: NoticeGetResult) {
      this.setData(noticeFields(res, this.data.filter, this.data.limit));
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
        await reload(this);
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
      if (!row?.open || this.data.acting) return;
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
        await reload(this);
        const line = this.data.lines.find((l) => l.householdId === done.householdId);
        const text = resolvedText(done.status, row.target, line);
        this.setData({ acting: '', result: text, resultWarn: false, [`drafts.${id}`]: '' });
      } catch (err) {
        this.setData({ acting: '', result: `没有处理成功：${errorText(err)}`, resultWarn: true });
        showError(err);
      }
    },
    async onPublish() {
      if (this.data.acting) return;
      this.setData({ acting: 'publish', result: '' });
      const done = await publishLastMonth();
      this.setData({ acting: '', ...(done ? { result: done.text, resultWarn: done.warn } : {}) });
      if (!done?.notice) return;
      this.setData({ month: done.notice.month });
      await reload(this);
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
        this.setData({ acting: '', result: settledText(res, month, state), resultWarn: !res.settled });
        await reload(this);
      } catch (e) {
        this.setData({ acting: '', result: `没有结算：${errorText(e)}`, resultWarn: true });
      }
    },

    // ---- sharing (the ways out are noticePage, ../notice-page.ts) -------------------------------------
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
