// 登记新版积分规则 (the secretary): the items of the version in force (or the 5+X template for a
// village's first version), edited as the assembly decided — points, cap, photo, stopped items, new
// 本村特色 items — with the meeting, the votes and the date it takes effect.
import { errorText } from '../../../services/cloud';
import type { AdoptRequest, RuleItemView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { formShell } from '../../../behaviors/page-shell';
import { adoptRules, getRules, getTemplate } from '../../../services/points';
import { chinaDate } from '../../../utils/china-time';
import { newClientKey } from '../../../utils/client-key';
import { itemsOf, nextLocalCode, toRow, wholeNumber, type ItemRow } from '../../../utils/rules-edit';

interface AdoptData {
  error: string;
  /** Only the secretary records a newly adopted version; everyone else is sent to read the rules. */
  canAdopt: boolean;
  basedOn: string;
  rows: ItemRow[];
  newName: string;
  newPoints: string;
  effectiveFrom: string;
  meetingDate: string;
  rounds: string;
  attendees: string;
  votesFor: string;
  votesAgainst: string;
  abstentions: string;
  submitting: boolean;
  done: string;
}

const initial: AdoptData = {
  error: '',
  canAdopt: false,
  basedOn: '',
  rows: [],
  newName: '',
  newPoints: '2',
  effectiveFrom: '',
  meetingDate: '',
  rounds: '3',
  attendees: '',
  votesFor: '',
  votesAgainst: '0',
  abstentions: '0',
  submitting: false,
  done: '',
};

let source: RuleItemView[] = [];
let clientKey = '';

Component({
  behaviors: [care, formShell],
  data: initial,
  methods: {
    onLoad() {
      clientKey = newClientKey();
    },
    async load() {
      const rules = await getRules();
      if (!rules.canAdopt) return void this.setData({ canAdopt: false });
      source = rules.current ? rules.current.items : (await getTemplate()).items;
      const today = chinaDate();
      this.setData({
        canAdopt: true,
        basedOn: rules.current ? `在现行第${rules.current.version}版的基础上修改` : '从“5+X”模板开始',
        rows: source.map(toRow),
        meetingDate: today,
        effectiveFrom: today,
      });
    },
    onRowInput(e: WechatMiniprogram.Input) {
      const { index, field } = e.currentTarget.dataset;
      if (typeof index !== 'number' || (field !== 'points' && field !== 'capTimes')) return;
      this.setData({ [`rows[${index}].${field}`]: e.detail.value });
    },
    onRowToggle(e: WechatMiniprogram.TouchEvent) {
      const { index, field } = e.currentTarget.dataset;
      const row = typeof index === 'number' ? this.data.rows[index] : undefined;
      if (!row) return;
      if (field === 'photo') this.setData({ [`rows[${index}].photo`]: !row.photo });
      if (field === 'kept') this.setData({ [`rows[${index}].kept`]: !row.kept });
    },
    onInput(e: WechatMiniprogram.Input) {
      const { field } = e.currentTarget.dataset;
      if (typeof field === 'string' && field in initial) this.setData({ [field]: e.detail.value });
    },
    onAddItem() {
      const name = this.data.newName.trim();
      if (name.length < 2) return this.setData({ error: '新增项目的名称至少两个字' });
      const row: ItemRow = {
        code: nextLocalCode(this.data.rows),
        category: '本村特色',
        name,
        points: this.data.newPoints,
        capTimes: '',
        photo: true,
        kept: true,
      };
      this.setData({ rows: [...this.data.rows, row], newName: '', error: '' });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const items = itemsOf(this.data.rows, source);
      if (typeof items === 'string') return this.setData({ error: items });
      const count = (f: string): number => wholeNumber(f) ?? -1;
      const d = this.data;
      const req: AdoptRequest = {
        clientKey,
        effectiveFrom: d.effectiveFrom,
        adoption: {
          meetingDate: d.meetingDate,
          rounds: count(d.rounds),
          attendees: count(d.attendees),
          votesFor: count(d.votesFor),
          votesAgainst: count(d.votesAgainst),
          abstentions: count(d.abstentions),
        },
        items,
      };
      if (Object.values(req.adoption).some((v) => v === -1)) return this.setData({ error: '请把到会人数和表决票数填完整' });
      this.setData({ submitting: true, error: '' });
      try {
        const set = await adoptRules(req);
        this.setData({ submitting: false, done: `已登记第${set.version}版，${set.effectiveFrom}起施行` });
        wx.showToast({ title: '已登记', icon: 'success' });
      } catch (e) {
        this.setData({ submitting: false, error: errorText(e) });
      }
    },
  },
});
