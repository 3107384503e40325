// The record page's pure parts: the items a recorder may record, the households by grid (with the
// search, the open grids and the recent choices), the summary above 提交 and what still blocks it.
import type { HouseholdOption, Recorder, RecordResult, RuleCategory, RuleItemView } from '../../../../typings/index';
import { addDays, chinaDate, dateText } from '../../../utils/china-time';
import { capText, pointsText } from '../../../utils/points-format';

const CATEGORIES: RuleCategory[] = ['爱国守法', '生态宜居', '产业兴旺', '乡风文明', '共建共治', '本村特色'];
export const MAX_PHOTOS = 9;

export type Mode = 'self' | 'households';

export interface ItemRow {
  code: string;
  name: string;
  pointsText: string;
  up: boolean;
  detail: string;
  photo: boolean;
}

export interface ItemGroup {
  title: string;
  items: ItemRow[];
}

export interface Chosen {
  code: string;
  name: string;
  pointsText: string;
  up: boolean;
  photo: boolean;
  deduction: boolean;
}

export interface PhotoRow {
  fileID: string;
  /** What the thumbnail shows: the picked file on the phone. */
  src: string;
}

export interface HouseholdRow {
  id: string;
  label: string;
  selected: boolean;
}

export interface GridGroup {
  gridId: string;
  gridName: string;
  total: number;
  selected: number;
  all: boolean;
  /** Its rows are shown (one grid, a search, or opened by a tap); closed grids keep the page short. */
  open: boolean;
  rows: HouseholdRow[];
}

export interface Done {
  message: string;
  self: boolean;
}

export interface RecordData {
  mode: Mode;
  recorder: Recorder;
  /** How many days back the function accepts a record (from its answer). */
  maxAgeDays: number;
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
  /** Grids opened by a tap. */
  openGrids: string[];
  /** Households chosen on this phone lately (newest first), offered on top. */
  recent: HouseholdRow[];
  selectedCount: number;
  /** "已选 3 户 · 垃圾分类 +1分": what 提交 will record. */
  summary: string;
  /** What still keeps 提交 disabled ('' when the record is valid). */
  missing: string;
  submitting: boolean;
  error: string;
  done: Done | null;
  /** Made once per form and kept across retries. */
  clientKey: string;
}

type Entry = 'chosen' | 'date' | 'dateLabel' | 'minDate' | 'maxDate' | 'note' | 'reason' | 'proxy' | 'proxyName' | 'photos' | 'photoSeq';

/**
 * One entry of the form, not filled in yet: nothing chosen or typed, dated today (China) and
 * back-datable by `maxAgeDays`. The form opens with it and 再记一条 starts another.
 */
export function freshEntry(maxAgeDays: number): Pick<RecordData, Entry> {
  const today = chinaDate();
  return {
    chosen: null,
    date: today,
    dateLabel: dateText(today),
    minDate: addDays(today, -maxAgeDays),
    maxDate: today,
    note: '',
    reason: '',
    proxy: false,
    proxyName: '',
    photos: [],
    photoSeq: 0,
  };
}

export const initial: RecordData = {
  mode: 'self',
  recorder: 'self',
  maxAgeDays: 0,
  items: [],
  itemGroups: [],
  ...freshEntry(0),
  uploading: false,
  households: [],
  selectedIds: [],
  search: '',
  gridGroups: [],
  openGrids: [],
  recent: [],
  selectedCount: 0,
  summary: '',
  missing: '请先选择积分项目',
  submitting: false,
  error: '',
  done: null,
  clientKey: '',
};

function itemRow(i: RuleItemView): ItemRow {
  const parts = [i.unit, capText(i.cap), ...(i.evidence === 'photo' ? ['需拍照'] : [])];
  return {
    code: i.code,
    name: i.name,
    pointsText: pointsText(i.points),
    up: i.points > 0,
    detail: parts.join(' · '),
    photo: i.evidence === 'photo',
  };
}

/** The items the function says the caller may record, by category; deductions (cadres only) apart at the end. */
export function itemGroupsFor(items: RuleItemView[], itemCodes: string[]): ItemGroup[] {
  const allowed = items.filter((i) => itemCodes.includes(i.code));
  const groups = CATEGORIES.map((c) => ({ title: c, items: allowed.filter((i) => i.category === c && i.points > 0).map(itemRow) }));
  const deductions = allowed.filter((i) => i.points < 0).map(itemRow);
  return [...groups, { title: '扣分项（须填写原因，户主会收到通知）', items: deductions }].filter((g) => g.items.length > 0);
}

/** The households by grid, with the search applied to the rows shown (not to the counts). */
export function gridGroupsOf(
  all: HouseholdOption[],
  selected: ReadonlySet<string>,
  search: string,
  opened: readonly string[] = [],
): GridGroup[] {
  const q = search.trim();
  const groups: GridGroup[] = [];
  for (const h of all) {
    let g = groups.find((x) => x.gridId === h.gridId);
    if (!g) {
      g = { gridId: h.gridId, gridName: h.gridName, total: 0, selected: 0, all: false, open: false, rows: [] };
      groups.push(g);
    }
    g.total += 1;
    if (selected.has(h.id)) g.selected += 1;
    if (!q || h.label.includes(q)) g.rows.push({ id: h.id, label: h.label, selected: selected.has(h.id) });
  }
  for (const g of groups) {
    g.all = g.selected === g.total;
    g.open = Boolean(q) || groups.length === 1 || opened.includes(g.gridId);
  }
  return q ? groups.filter((g) => g.rows.length > 0) : groups;
}

export function doneMessage(res: RecordResult, mode: Mode, itemName: string): string {
  const n = res.records.length;
  const approved = res.records.length > 0 && res.records.every((r) => r.status === 'approved');
  const again = res.repeated > 0 ? `（其中${res.repeated}户刚才已经提交过，没有重复记录）` : '';
  if (mode === 'self')
    return approved ? `已记录「${itemName}」，已生效${again}` : `已提交「${itemName}」，等待审核。审核通过后计入待公示积分${again}`;
  // A cadre's record for a household they belong to waits for another cadre (separation of duties).
  const waiting = res.records.filter((r) => r.status === 'pending').length;
  const state = approved ? '已生效' : waiting < n ? `已生效，其中${waiting}户（您自己家）等待其他村干部审核` : '等待审核';
  return `已为${n}户记录「${itemName}」，${state}${again}`;
}

/** What keeps the record from being submitted, in the words shown above 提交; '' when it can go. */
export function missingOf(d: RecordData): string {
  if (!d.chosen) return '请先选择积分项目';
  if (d.mode === 'households' && !d.selectedIds.length) return '请选择要记录的农户';
  if (d.uploading) return '照片还在上传，请稍等';
  if (d.chosen.photo && !d.photos.length) return '这一项需要上传照片作为凭证';
  if (d.chosen.deduction && !d.reason.trim()) return '扣分必须填写原因';
  if (d.proxy && !d.proxyName.trim()) return '请填写代办老人的姓名';
  return '';
}

/** "已选 3 户 · 垃圾分类 +1分" (for households) or "垃圾分类 +1分" (a self-report); '' before an item. */
export function summaryOf(d: RecordData): string {
  if (!d.chosen) return '';
  const item = `${d.chosen.name} ${d.chosen.pointsText}分`;
  return d.mode === 'households' ? `已选 ${d.selectedCount} 户 · ${item}` : item;
}

const RECENT_KEY = 'hm.recentHouseholds';
const RECENT_MAX = 8;

/** The households chosen lately on this phone that the recorder may still record for. */
export function recentRows(all: HouseholdOption[], selected: ReadonlySet<string>): HouseholdRow[] {
  const saved: unknown = wx.getStorageSync(RECENT_KEY);
  const ids = Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [];
  return ids.flatMap((id) => {
    const h = all.find((x) => x.id === id);
    return h ? [{ id: h.id, label: h.label, selected: selected.has(h.id) }] : [];
  });
}

/** Remembers the households just recorded for (a batch of a whole grid is not a "recent choice"). */
export function rememberRecent(ids: string[]): void {
  if (!ids.length || ids.length > RECENT_MAX) return;
  const saved: unknown = wx.getStorageSync(RECENT_KEY);
  const before = Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [];
  wx.setStorageSync(RECENT_KEY, [...ids, ...before.filter((id) => !ids.includes(id))].slice(0, RECENT_MAX));
}
