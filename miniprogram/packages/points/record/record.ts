// 自报积分 / 记录积分, item first. A villager self-reports for their household (?mode omitted); a
// grid leader or cadre records for one or many households (?mode=households): they pick the item,
// then (the date and photo right below it) the households — by 户号 or 户主 name, from the recent
// choices, a grid opened, or a whole 微网格 at once — with a summary above 提交, which stays
// disabled until the record is valid. Deductions are offered to cadres only and need a reason. Photos are
// uploaded as they are picked; the submission carries a key made once per form, so a retried
// submit (weak network, double tap) never records twice.
import type { RecordRequest } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { formShell } from '../../../behaviors/page-shell';
import { errorText } from '../../../services/cloud';
import { getRules, listHouseholds, submitRecord } from '../../../services/points';
import { chooseImages, extensionOf, uploadFile } from '../../../services/upload';
import { addDays, chinaDate, dateText } from '../../../utils/china-time';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';
import { pointsText } from '../../../utils/points-format';
import {
  doneMessage,
  freshEntry,
  gridGroupsOf,
  initial,
  itemGroupsFor,
  MAX_PHOTOS,
  missingOf,
  recentRows,
  rememberRecent,
  summaryOf,
  type Mode,
  type PhotoRow,
} from './record-view';

/** The item named in the page's query, picked once the rules are loaded. */
let preset = '';

Component({
  behaviors: [care, formShell],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const mode: Mode = query.mode === 'households' ? 'households' : 'self';
      // ?item=A01 opens with the item picked (a link that names it, e.g. from a notice of an activity).
      preset = typeof query.item === 'string' ? query.item : '';
      this.setData({ mode, clientKey: newClientKey() });
      wx.setNavigationBarTitle({ title: mode === 'self' ? '自报积分' : '记录积分' });
    },
    async load() {
      // One call: the households mode's answer carries the rules in force too. Who may record what
      // and how far back come from the function's answer, never from a copy of its rules.
      const answer = this.data.mode === 'households' ? await listHouseholds() : await getRules();
      const { recording } = answer;
      const items = answer.current?.items ?? [];
      const households = 'households' in answer ? answer.households : [];
      this.setData({
        recorder: recording.recorder,
        maxAgeDays: recording.maxAgeDays,
        minDate: addDays(chinaDate(), -recording.maxAgeDays),
        items,
        itemGroups: itemGroupsFor(items, recording.itemCodes),
        households,
        gridGroups: gridGroupsOf(households, new Set(), ''),
        recent: recentRows(households, new Set()),
      });
      if (preset && items.some((i) => i.code === preset)) this.pick(preset);
    },

    // ---- the item, date, note, reason, 代办 ----------------------------------------------------
    onPickItem(e: WechatMiniprogram.BaseEvent) {
      this.pick(dataString(e, 'code'));
    },
    pick(code: string) {
      const item = this.data.items.find((i) => i.code === code);
      if (!item) return;
      this.setData({
        chosen: {
          code: item.code,
          name: item.name,
          pointsText: pointsText(item.points),
          up: item.points > 0,
          photo: item.evidence === 'photo',
          deduction: item.points < 0,
        },
        error: '',
      });
      this.check();
      wx.pageScrollTo?.({ scrollTop: 0, duration: 0 });
    },
    onChangeItem() {
      this.setData({ chosen: null, reason: '' });
      this.check();
    },
    /** The summary and what still blocks 提交, after anything that changes them. */
    check() {
      this.setData({ summary: summaryOf(this.data), missing: missingOf(this.data) });
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const value = String(e.detail.value);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
      this.setData({ date: value, dateLabel: dateText(value) });
    },
    onNote(e: WechatMiniprogram.TextareaInput) {
      this.setData({ note: e.detail.value });
    },
    onReason(e: WechatMiniprogram.TextareaInput) {
      this.setData({ reason: e.detail.value, error: '' });
      this.check();
    },
    onProxy(e: WechatMiniprogram.SwitchChange) {
      this.setData({ proxy: e.detail.value === true });
      this.check();
    },
    onProxyName(e: WechatMiniprogram.Input) {
      this.setData({ proxyName: e.detail.value, error: '' });
      this.check();
    },

    // ---- photos ---------------------------------------------------------------------------------
    async onChoosePhoto() {
      if (this.data.uploading) return;
      const room = MAX_PHOTOS - this.data.photos.length;
      if (room <= 0) {
        this.setData({ error: `最多上传${MAX_PHOTOS}张照片` });
        return;
      }
      let paths: string[];
      try {
        paths = await chooseImages(room);
      } catch (e) {
        this.setData({ error: errorText(e) });
        return;
      }
      if (!paths.length) return;
      this.setData({ uploading: true, error: '' });
      this.check();
      const added: PhotoRow[] = [];
      let error = '';
      const seq = this.data.photoSeq;
      try {
        for (const [i, path] of paths.entries()) {
          const fileID = await uploadFile(path, `evidence/${chinaDate()}/${this.data.clientKey}-${seq + i + 1}.${extensionOf(path)}`);
          added.push({ fileID, src: path });
        }
      } catch (e) {
        error = errorText(e);
      }
      this.setData({ photos: [...this.data.photos, ...added], photoSeq: seq + paths.length, uploading: false, error });
      this.check();
    },
    onRemovePhoto(e: WechatMiniprogram.BaseEvent) {
      const index = dataNumber(e, 'index');
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== index) });
      this.check();
    },
    onPreviewPhoto(e: WechatMiniprogram.BaseEvent) {
      const urls = this.data.photos.map((p) => p.src);
      wx.previewImage({ urls, current: urls[dataNumber(e, 'index')] ?? urls[0] ?? '' });
    },

    // ---- households (grid leaders, cadres) --------------------------------------------------------
    select(ids: ReadonlySet<string>, query?: string) {
      const search = query ?? this.data.search;
      const { households, openGrids } = this.data;
      this.setData({
        selectedIds: [...ids],
        selectedCount: ids.size,
        search,
        gridGroups: gridGroupsOf(households, ids, search, openGrids),
        recent: recentRows(households, ids),
        error: '',
      });
      this.check();
    },
    onOpenGrid(e: WechatMiniprogram.BaseEvent) {
      const gridId = dataString(e, 'grid');
      const open = this.data.openGrids.includes(gridId);
      this.setData({ openGrids: open ? this.data.openGrids.filter((g) => g !== gridId) : [...this.data.openGrids, gridId] });
      this.select(new Set(this.data.selectedIds));
    },
    onSearch(e: WechatMiniprogram.Input) {
      this.select(new Set(this.data.selectedIds), e.detail.value);
    },
    onToggleHousehold(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      const ids = new Set(this.data.selectedIds);
      if (ids.has(id)) ids.delete(id);
      else if (this.data.households.some((h) => h.id === id)) ids.add(id);
      this.select(ids);
    },
    onToggleGrid(e: WechatMiniprogram.BaseEvent) {
      const gridId = dataString(e, 'grid');
      const inGrid = this.data.households.filter((h) => h.gridId === gridId).map((h) => h.id);
      const ids = new Set(this.data.selectedIds);
      const all = inGrid.every((id) => ids.has(id));
      for (const id of inGrid) {
        if (all) ids.delete(id);
        else ids.add(id);
      }
      this.select(ids);
    },
    onClearHouseholds() {
      this.select(new Set());
    },

    // ---- submit -----------------------------------------------------------------------------------
    problem(): string {
      return missingOf(this.data);
    },
    async onSubmit() {
      if (this.data.submitting || this.data.done) return;
      const problem = this.problem();
      const d = this.data;
      if (problem || !d.chosen) {
        this.setData({ error: problem });
        return;
      }
      const chosen = d.chosen;
      const req: RecordRequest = {
        clientKey: d.clientKey,
        itemCode: chosen.code,
        occurredOn: d.date,
        ...(d.mode === 'households' ? { householdIds: d.selectedIds } : {}),
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
        ...(chosen.deduction ? { reason: d.reason.trim() } : {}),
        ...(d.photos.length ? { evidence: d.photos.map((p) => p.fileID) } : {}),
        ...(d.mode === 'self' && d.proxy ? { proxyFor: d.proxyName.trim() } : {}),
      };
      this.setData({ submitting: true, error: '' });
      try {
        const res = await submitRecord(req);
        if (d.mode === 'households') rememberRecent(d.selectedIds);
        this.setData({ submitting: false, done: { message: doneMessage(res, d.mode, chosen.name), self: d.mode === 'self' } });
        wx.showToast({ title: '提交成功', icon: 'success' });
      } catch (e) {
        // The key stays: tapping 提交 again retries the same submission.
        this.setData({ submitting: false, error: errorText(e) });
      }
    },
    onAgain() {
      this.setData({
        ...freshEntry(this.data.maxAgeDays),
        error: '',
        done: null,
        clientKey: newClientKey(),
      });
      this.select(new Set(), '');
    },
    onOpenArchive() {
      wx.navigateTo({ url: '/packages/points/archive/archive' });
    },
  },
});
