// 村务管理: the village's households by grid with search (cadres, the town admin; a grid leader sees
// their grids), a way to each household, to the pending memberships, the grids and leaders, the
// roles (the secretary) and the import; and a cadre's form for a new household.
import type { GridView, HouseholdRow, OverviewResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';
import { errorText, showError } from '../../../services/cloud';
import { createHousehold, overview } from '../../../services/village';
import { dataString } from '../../../utils/event';

interface NewHousehold {
  no: string;
  headName: string;
  headIdNumber: string;
  headPhone: string;
  address: string;
  gridIndex: number;
  groupIndex: number;
}

interface AdminData {
  /** A reload (grid, search) is on its way. */
  searching: boolean;
  villageId: string;
  result: OverviewResult | null;
  micro: GridView[];
  groups: GridView[];
  gridId: string;
  q: string;
  households: HouseholdRow[];
  adding: boolean;
  form: NewHousehold;
  formError: string;
  saving: boolean;
  notice: string;
}

const emptyForm: NewHousehold = { no: '', headName: '', headIdNumber: '', headPhone: '', address: '', gridIndex: 0, groupIndex: 0 };
const initial: AdminData = {
  searching: false,
  villageId: '',
  result: null,
  micro: [],
  groups: [],
  gridId: '',
  q: '',
  households: [],
  adding: false,
  form: emptyForm,
  formError: '',
  saving: false,
  notice: '',
};

Component({
  behaviors: [care, shell, queryParams('villageId')],
  data: initial,
  methods: {
    request(skip: number) {
      const { villageId, gridId, q } = this.data;
      return overview({
        ...(villageId ? { villageId } : {}),
        ...(gridId ? { gridId } : {}),
        ...(q.trim() ? { q: q.trim() } : {}),
        ...(skip ? { skip } : {}),
      });
    },
    async load() {
      this.setData({ searching: true });
      try {
        const result = await this.request(0);
        const micro = result.grids.filter((g) => g.kind === 'micro');
        this.setData({ result, micro, households: result.households });
        this.pickGroups(this.data.form.gridIndex);
        wx.setNavigationBarTitle({ title: `${result.village.name} · 村务管理` });
      } finally {
        this.setData({ searching: false });
      }
    },
    async onMore() {
      const result = this.data.result;
      if (!result) return;
      try {
        const next = await this.request(this.data.households.length);
        this.setData({ households: [...this.data.households, ...next.households], result: { ...result, more: next.more } });
      } catch (e) {
        showError(e);
      }
    },
    onGrid(e: WechatMiniprogram.BaseEvent) {
      this.setData({ gridId: dataString(e, 'id') });
      void reload(this);
    },
    onSearchInput(e: WechatMiniprogram.Input) {
      this.setData({ q: e.detail.value });
    },
    onSearch() {
      void reload(this);
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/village/household/household?id=${dataString(e, 'id')}` });
    },
    onGo(e: WechatMiniprogram.BaseEvent) {
      const villageId = this.data.villageId;
      wx.navigateTo({ url: `/packages/village/${dataString(e, 'page')}${villageId ? `?villageId=${villageId}` : ''}` });
    },
    onToggleAdd() {
      this.setData({ adding: !this.data.adding, formError: '', notice: '' });
    },
    /** The groups of the picked micro grid (a household sits in a group of its grid). */
    pickGroups(gridIndex: number) {
      const grid = this.data.micro[gridIndex];
      const groups = (this.data.result?.grids ?? []).filter((g) => g.kind === 'group' && g.parentId === grid?.id);
      this.setData({ groups, form: { ...this.data.form, gridIndex, groupIndex: 0 } });
    },
    onField(e: WechatMiniprogram.Input) {
      this.setData({ form: { ...this.data.form, [dataString(e, 'field')]: e.detail.value }, formError: '' });
    },
    onPickGrid(e: WechatMiniprogram.PickerChange) {
      this.pickGroups(Number(e.detail.value));
    },
    onPickGroup(e: WechatMiniprogram.PickerChange) {
      this.setData({ form: { ...this.data.form, groupIndex: Number(e.detail.value) } });
    },
    async onCreate() {
      const f = this.data.form;
      const grid = this.data.micro[f.gridIndex];
      const group = this.data.groups[f.groupIndex];
      if (!f.no.trim() || !f.headName.trim() || !f.headIdNumber.trim())
        return this.setData({ formError: '请填写户号、户主姓名和身份证号' });
      if (!grid || !group) return this.setData({ formError: '请先建好网格和联户小组' });
      this.setData({ saving: true, formError: '' });
      try {
        const row = await createHousehold({
          no: f.no.trim(),
          headName: f.headName.trim(),
          headIdNumber: f.headIdNumber.trim(),
          gridId: grid.id,
          groupId: group.id,
          ...(f.headPhone.trim() ? { headPhone: f.headPhone.trim() } : {}),
          ...(f.address.trim() ? { address: f.address.trim() } : {}),
        });
        await reload(this);
        this.setData({
          saving: false,
          adding: false,
          form: { ...emptyForm, gridIndex: f.gridIndex },
          notice: `已建户：${row.no}（户主 ${row.headName}）`,
        });
      } catch (e) {
        this.setData({ saving: false, formError: errorText(e) });
      }
    },
  },
});
