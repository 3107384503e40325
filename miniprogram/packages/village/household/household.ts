// 农户: one household — members (ID and phone masked), those who left, the membership history and
// grid moves. The head and cadres invite family members (code, 小程序码, share) and add or edit
// members; cadres move a member to another household or the household to another grid; a member
// may be marked as left (never deleted) by a cadre, the head, or themselves.
import type { GridView, HouseholdDetail } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';
import { errorText, showError } from '../../../services/cloud';
import {
  addMember,
  createInvite,
  editMember,
  grids,
  household,
  leaveMember,
  moveHousehold,
  moveMember,
  overview,
} from '../../../services/village';
import { dataString } from '../../../utils/event';
import { inviteCard, inviteShare, type InviteCard } from '../../../utils/invite-card';
import { RELATIONS } from '../../../utils/village-format';

/** The one form open at a time: add a member, edit / move / leave one, or move the household. */
type Sheet = '' | 'add' | 'edit' | 'move' | 'leave' | 'regrid';

interface Form {
  name: string;
  relationIndex: number;
  idNumber: string;
  phone: string;
  toNo: string;
  reason: string;
  gridIndex: number;
  groupIndex: number;
}

interface HouseholdData {
  id: string;
  detail: HouseholdDetail | null;
  relations: string[];
  sheet: Sheet;
  memberId: string;
  /** The member being edited is the head (whose relation only changes with a new head). */
  memberIsHead: boolean;
  form: Form;
  micro: GridView[];
  groups: GridView[];
  allGrids: GridView[];
  saving: boolean;
  error: string;
  notice: string;
  invite: InviteCard | null;
}

/** A problem the page finds itself (shown in its own words, like the function's). */
class FormProblem extends Error {}

const SHEETS: Sheet[] = ['add', 'edit', 'move', 'leave', 'regrid'];
function sheetOf(name: string): Sheet {
  return SHEETS.find((s) => s === name) ?? '';
}

const emptyForm: Form = { name: '', relationIndex: 0, idNumber: '', phone: '', toNo: '', reason: '', gridIndex: 0, groupIndex: 0 };
const initial: HouseholdData = {
  id: '',
  detail: null,
  relations: RELATIONS,
  sheet: '',
  memberId: '',
  memberIsHead: false,
  form: emptyForm,
  micro: [],
  groups: [],
  allGrids: [],
  saving: false,
  error: '',
  notice: '',
  invite: null,
};

Component({
  behaviors: [care, shell, queryParams('id')],
  data: initial,
  methods: {
    async load() {
      const detail = await household(this.data.id);
      this.setData({ detail });
      wx.setNavigationBarTitle({ title: `${detail.household.no} ${detail.household.headName}` });
    },
    onShareAppMessage() {
      return inviteShare(this.data.invite, this.data.detail?.household.no ?? '');
    },
    async onInvite() {
      this.setData({ saving: true, error: '' });
      try {
        const invite = await createInvite({ kind: 'household', householdId: this.data.id });
        this.setData({ invite: inviteCard(invite), saving: false });
      } catch (e) {
        this.setData({ saving: false });
        showError(e);
      }
    },
    async open(sheet: Sheet, memberId = '') {
      const m = this.data.detail?.members.find((x) => x.id === memberId);
      const relationIndex = Math.max(0, RELATIONS.indexOf(m?.relation ?? ''));
      this.setData({
        sheet,
        memberId,
        memberIsHead: m?.relation === '户主',
        error: '',
        notice: '',
        form: { ...emptyForm, name: m?.name ?? '', relationIndex },
      });
      if (sheet === 'regrid' && !this.data.allGrids.length) {
        try {
          const res = await grids();
          this.setData({ allGrids: res.grids, micro: res.grids.filter((g) => g.kind === 'micro') });
          this.pickGroups(0);
        } catch (e) {
          showError(e);
        }
      }
    },
    /** data-sheet names the form, data-id the member it is for (if any). */
    onOpen(e: WechatMiniprogram.BaseEvent) {
      void this.open(sheetOf(dataString(e, 'sheet')), dataString(e, 'id'));
    },
    onClose() {
      this.setData({ sheet: '', error: '' });
    },
    onField(e: WechatMiniprogram.Input) {
      this.setData({ form: { ...this.data.form, [dataString(e, 'field')]: e.detail.value }, error: '' });
    },
    onRelation(e: WechatMiniprogram.PickerChange) {
      this.setData({ form: { ...this.data.form, relationIndex: Number(e.detail.value) } });
    },
    pickGroups(gridIndex: number) {
      const grid = this.data.micro[gridIndex];
      this.setData({
        groups: this.data.allGrids.filter((g) => g.kind === 'group' && g.parentId === grid?.id),
        form: { ...this.data.form, gridIndex, groupIndex: 0 },
      });
    },
    onPickGrid(e: WechatMiniprogram.PickerChange) {
      this.pickGroups(Number(e.detail.value));
    },
    onPickGroup(e: WechatMiniprogram.PickerChange) {
      this.setData({ form: { ...this.data.form, groupIndex: Number(e.detail.value) } });
    },
    /** The id of the household with this 户号 in the village (found by search). */
    async householdByNo(no: string): Promise<string> {
      const found = await overview({ q: no });
      const exact = found.households.find((h) => h.no === no);
      if (!exact) throw new FormProblem(`没有户号为「${no}」的农户`);
      return exact.id;
    },
    async addOne(relation: string): Promise<string> {
      const { form } = this.data;
      const m = await addMember({
        householdId: this.data.id,
        name: form.name.trim(),
        relation,
        ...(form.idNumber.trim() ? { idNumber: form.idNumber.trim() } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      });
      return `已添加成员：${m.name}`;
    },
    async editOne(relation: string): Promise<string> {
      const { form, memberId } = this.data;
      const before = this.data.detail?.members.find((x) => x.id === memberId);
      // The head's relation is 户主 and stays so; others send it only when it changed.
      const newRelation = !this.data.memberIsHead && before && before.relation !== relation ? { relation } : {};
      const m = await editMember({
        memberId,
        name: form.name.trim(),
        ...newRelation,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.idNumber.trim() ? { idNumber: form.idNumber.trim() } : {}),
      });
      return `已修改：${m.name}`;
    },
    async moveOne(relation: string): Promise<string> {
      const no = this.data.form.toNo.trim();
      const toHouseholdId = await this.householdByNo(no);
      const m = await moveMember({ memberId: this.data.memberId, toHouseholdId, relation });
      return `${m.name}已迁至${no}`;
    },
    async leaveOne(): Promise<string> {
      const reason = this.data.form.reason.trim();
      if (!reason) throw new FormProblem('请填写离开的原因');
      const m = await leaveMember({ memberId: this.data.memberId, reason });
      return `已登记${m.name}离开（${m.leftOn ?? ''}），记录保留`;
    },
    async regrid(): Promise<string> {
      const grid = this.data.micro[this.data.form.gridIndex];
      const group = this.data.groups[this.data.form.groupIndex];
      if (!grid || !group) throw new FormProblem('请选择网格和联户小组');
      const row = await moveHousehold({ householdId: this.data.id, gridId: grid.id, groupId: group.id });
      return `已调整到${row.gridName} ${row.groupName}`;
    },
    /** The open form's action; resolves with what was done, in words. */
    act(sheet: Sheet): Promise<string> {
      const relation = RELATIONS[this.data.form.relationIndex] ?? '其他';
      if (sheet === 'add') return this.addOne(relation);
      if (sheet === 'edit') return this.editOne(relation);
      if (sheet === 'move') return this.moveOne(relation);
      if (sheet === 'leave') return this.leaveOne();
      if (sheet === 'regrid') return this.regrid();
      return Promise.resolve('');
    },
    /** Runs the open form's action; on success closes it, says what was done and reloads. */
    async onSave() {
      this.setData({ saving: true, error: '' });
      try {
        const done = await this.act(this.data.sheet);
        await reload(this);
        this.setData({ saving: false, sheet: '', notice: done });
      } catch (e) {
        this.setData({ saving: false, error: e instanceof FormProblem ? e.message : errorText(e) });
      }
    },
  },
});
