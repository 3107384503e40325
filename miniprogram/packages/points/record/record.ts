// 自报积分 / 记录积分. A villager self-reports for their household (?mode omitted); a grid leader or
// cadre records for one or many households (?mode=households), choosing them by 户号 or 户主 name or
// a whole 微网格 at once. Deductions are offered to cadres only and need a reason. Photos are
// uploaded as they are picked; the submission carries a key made once per form, so a retried
// submit (weak network, double tap) never records twice.
import type { HouseholdOption, Recorder, RecordRequest, RecordResult, RuleCategory, RuleItemView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { showError } from '../../../services/cloud';
import { errorText, getRules, listHouseholds, submitRecord } from '../../../services/points';
import { chooseImages, extensionOf, uploadFile } from '../../../services/upload';
import { addDays, chinaDate, dateText } from '../../../utils/china-time';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';
import { capText, pointsText } from '../../../utils/points-format';

const CATEGORIES: RuleCategory[] = ['爱国守法', '生态宜居', '产业兴旺', '乡风文明', '共建共治', '本村特色'];
/** The function accepts records up to this many days back. */
const MAX_AGE_DAYS = 45;
const MAX_PHOTOS = 9;

type Mode = 'self' | 'households';

interface ItemRow {
  code: string;
  name: string;
  pointsText: string;
  up: boolean;
  detail: string;
  photo: boolean;
}

interface ItemGroup {
  title: string;
  items: ItemRow[];
}

interface Chosen {
  code: string;
  name: string;
  pointsText: string;
  up: boolean;
  photo: boolean;
  deduction: boolean;
}

interface PhotoRow {
  fileID: string;
  /** What the thumbnail shows: the picked file on the phone. */
  src: string;
}

interface HouseholdRow {
  id: string;
  label: string;
  selected: boolean;
}

interface GridGroup {
  gridId: string;
  gridName: string;
  total: number;
  selected: number;
  all: boolean;
  rows: HouseholdRow[];
}

interface Done {
  message: string;
  self: boolean;
}

interface RecordData {
  loading: boolean;
  failed: boolean;
  loadError: string;
  mode: Mode;
  recorder: Recorder;
  items: RuleItemView[];
  itemGroups: ItemGroup[];
  chosen: Chosen | null;
  date: string;
  dateLabel: string;
  minDate: string;
  maxDate: string;
  note: string;
  reason: string;
  proxy: boolean;
  proxyName: string;
  photos: PhotoRow[];
  photoSeq: number;
  uploading: boolean;
  households: HouseholdOption[];
  selectedIds: string[];
  search: string;
  gridGroups: GridGroup[];
  selectedCount: number;
  submitting: boolean;
  error: string;
  done: Done | null;
  /** Made once per form and kept across retries. */
  clientKey: string;
}

const today = chinaDate();

const initial: RecordData = {
  loading: true,
  failed: false,
  loadError: '',
  mode: 'self',
  recorder: 'self',
  items: [],
  itemGroups: [],
  chosen: null,
  date: today,
  dateLabel: dateText(today),
  minDate: addDays(today, -MAX_AGE_DAYS),
  maxDate: today,
  note: '',
  reason: '',
  proxy: false,
  proxyName: '',
  photos: [],
  photoSeq: 0,
  uploading: false,
  households: [],
  selectedIds: [],
  search: '',
  gridGroups: [],
  selectedCount: 0,
  submitting: false,
  error: '',
  done: null,
  clientKey: '',
};

function itemRow(i: RuleItemView): ItemRow {
  const parts = [i.unit, capText(i.cap), ...(i.evidence === 'photo' ? ['需拍照'] : [])];
  return { code: i.code, name: i.name, pointsText: pointsText(i.points), up: i.points > 0, detail: parts.join(' · '), photo: i.evidence === 'photo' };
}

/** The items the recorder may record, by category; deductions (cadres only) apart at the end. */
export function itemGroupsFor(items: RuleItemView[], recorder: Recorder): ItemGroup[] {
  const allowed = items.filter((i) => i.recordedBy.includes(recorder) && (i.points > 0 || recorder === 'cadre'));
  const groups = CATEGORIES.map((c) => ({ title: c, items: allowed.filter((i) => i.category === c && i.points > 0).map(itemRow) }));
  const deductions = allowed.filter((i) => i.points < 0).map(itemRow);
  return [...groups, { title: '扣分项（须填写原因，户主会收到通知）', items: deductions }].filter((g) => g.items.length > 0);
}

/** The households by grid, with the search applied to the rows shown (not to the counts). */
export function gridGroupsOf(all: HouseholdOption[], selected: ReadonlySet<string>, search: string): GridGroup[] {
  const q = search.trim();
  const groups: GridGroup[] = [];
  for (const h of all) {
    let g = groups.find((x) => x.gridId === h.gridId);
    if (!g) {
      g = { gridId: h.gridId, gridName: h.gridName, total: 0, selected: 0, all: false, rows: [] };
      groups.push(g);
    }
    g.total += 1;
    if (selected.has(h.id)) g.selected += 1;
    if (!q || h.label.includes(q)) g.rows.push({ id: h.id, label: h.label, selected: selected.has(h.id) });
  }
  for (const g of groups) g.all = g.selected === g.total;
  return q ? groups.filter((g) => g.rows.length > 0) : groups;
}

function doneMessage(res: RecordResult, mode: Mode, itemName: string): string {
  const n = res.records.length;
  const approved = res.records.length > 0 && res.records.every((r) => r.status === 'approved');
  const again = res.repeated > 0 ? `（其中${res.repeated}户刚才已经提交过，没有重复记录）` : '';
  if (mode === 'self') return approved ? `已记录「${itemName}」，已生效${again}` : `已提交「${itemName}」，等待审核。审核通过后计入待公示积分${again}`;
  // A cadre's record for a household they belong to waits for another cadre (separation of duties).
  const waiting = res.records.filter((r) => r.status === 'pending').length;
  const state = approved ? '已生效' : waiting < n ? `已生效，其中${waiting}户（您自己家）等待其他村干部审核` : '等待审核';
  return `已为${n}户记录「${itemName}」，${state}${again}`;
}

Component({
  behaviors: [care],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const mode: Mode = query.mode === 'households' ? 'households' : 'self';
      this.setData({ mode, clientKey: newClientKey() });
      wx.setNavigationBarTitle({ title: mode === 'self' ? '自报积分' : '记录积分' });
      void this.load();
    },
    async load() {
      this.setData({ loading: true, failed: false, loadError: '' });
      try {
        const households = this.data.mode === 'households' ? listHouseholds() : Promise.resolve(null);
        const [rules, list] = await Promise.all([getRules(), households]);
        const recorder: Recorder = list ? list.recorder : 'self';
        const items = rules.current?.items ?? [];
        this.setData({
          recorder,
          items,
          itemGroups: itemGroupsFor(items, recorder),
          households: list?.households ?? [],
          gridGroups: gridGroupsOf(list?.households ?? [], new Set(), ''),
          loading: false,
        });
      } catch (e) {
        this.setData({ loading: false, failed: true, loadError: errorText(e) });
        showError(e);
      }
    },
    onRetry() {
      void this.load();
    },

    // ---- the item, date, note, reason, 代办 ----------------------------------------------------
    onPickItem(e: WechatMiniprogram.BaseEvent) {
      const item = this.data.items.find((i) => i.code === dataString(e, 'code'));
      if (!item) return;
      this.setData({
        chosen: { code: item.code, name: item.name, pointsText: pointsText(item.points), up: item.points > 0, photo: item.evidence === 'photo', deduction: item.points < 0 },
        error: '',
      });
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
    },
    onProxy(e: WechatMiniprogram.SwitchChange) {
      this.setData({ proxy: e.detail.value === true });
    },
    onProxyName(e: WechatMiniprogram.Input) {
      this.setData({ proxyName: e.detail.value, error: '' });
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
    },
    onRemovePhoto(e: WechatMiniprogram.BaseEvent) {
      const index = dataNumber(e, 'index');
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== index) });
    },
    onPreviewPhoto(e: WechatMiniprogram.BaseEvent) {
      const urls = this.data.photos.map((p) => p.src);
      wx.previewImage({ urls, current: urls[dataNumber(e, 'index')] ?? urls[0] ?? '' });
    },

    // ---- households (grid leaders, cadres) --------------------------------------------------------
    select(ids: ReadonlySet<string>, query?: string) {
      const search = query ?? this.data.search;
      this.setData({ selectedIds: [...ids], selectedCount: ids.size, search, gridGroups: gridGroupsOf(this.data.households, ids, search), error: '' });
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
      const d = this.data;
      if (!d.chosen) return '请先选择积分项目';
      if (d.mode === 'households' && !d.selectedIds.length) return '请选择要记录的农户';
      if (d.uploading) return '照片还在上传，请稍等';
      if (d.chosen.photo && !d.photos.length) return '这一项需要上传照片作为凭证';
      if (d.chosen.deduction && !d.reason.trim()) return '扣分必须填写原因';
      if (d.proxy && !d.proxyName.trim()) return '请填写代办老人的姓名';
      return '';
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
        this.setData({ submitting: false, done: { message: doneMessage(res, d.mode, chosen.name), self: d.mode === 'self' } });
        wx.showToast({ title: '提交成功', icon: 'success' });
      } catch (e) {
        // The key stays: tapping 提交 again retries the same submission.
        this.setData({ submitting: false, error: errorText(e) });
      }
    },
    onAgain() {
      const t = chinaDate();
      this.setData({
        chosen: null,
        date: t,
        dateLabel: dateText(t),
        maxDate: t,
        minDate: addDays(t, -MAX_AGE_DAYS),
        note: '',
        reason: '',
        proxy: false,
        proxyName: '',
        photos: [],
        photoSeq: 0,
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
