// 任命 (the secretary): the village's people with their roles; make someone a cadre or the
// supermarket's keeper, or take it back; or invite a named person not yet in the app to a role
// (a single-use code and 小程序码).
import type { AppointableRole, PersonView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { showError } from '../../../services/cloud';
import { createInvite, people, setRole } from '../../../services/village';
import { dataString } from '../../../utils/event';
import { inviteCard, inviteShare, type InviteCard } from '../../../utils/invite-card';
import { saveForm } from '../save-form';
import { confirmAction } from '../../../utils/confirm';

interface Person extends PersonView {
  cadre: boolean;
  keeper: boolean;
  /** The secretary's row (the one who uses this page): being a cadre goes with the office. */
  secretary: boolean;
}

interface RolesData {
  people: Person[];
  notice: string;
  forName: string;
  roleIndex: number;
  roleNames: string[];
  error: string;
  invite: InviteCard | null;
  saving: boolean;
}

const ROLES: AppointableRole[] = ['cadre', 'keeper'];
const initial: RolesData = {
  people: [],
  notice: '',
  forName: '',
  roleIndex: 0,
  roleNames: ['村两委干部', '积分超市店员'],
  error: '',
  invite: null,
  saving: false,
};

function person(p: PersonView): Person {
  return { ...p, cadre: p.roles.includes('cadre'), keeper: p.roles.includes('keeper'), secretary: p.roles.includes('secretary') };
}

function isRole(v: string): v is AppointableRole {
  return ROLES.some((r) => r === v);
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const res = await people();
      this.setData({ people: res.people.map(person) });
    },
    onShareAppMessage() {
      return inviteShare(this.data.invite, '村里');
    },
    /** data-role: cadre or keeper; data-on: "1" to give, "" to take. */
    async onToggle(e: WechatMiniprogram.BaseEvent) {
      const role = dataString(e, 'role');
      const granted = dataString(e, 'on') === '1';
      if (!isRole(role)) return;
      const who = this.data.people.find((x) => x.personId === dataString(e, 'id'));
      if (!granted && who) {
        const office = role === 'cadre' ? '村两委干部' : '积分超市店员';
        const what = role === 'cadre' ? '不能再审核积分、答复村民说事和管理村务' : '不能再核销取货';
        if (!(await confirmAction(`免去${who.name}的${office}职务`, `免去后${who.name}${what}。以后需要时可以重新任命。`, '免去'))) return;
      }
      try {
        const p = await setRole(dataString(e, 'id'), role, granted);
        this.setData({
          people: this.data.people.map((x) => (x.personId === p.personId ? person(p) : x)),
          notice: `${p.name}：${p.roleNames.join('、')}`,
        });
      } catch (err) {
        showError(err);
      }
    },
    onForName(e: WechatMiniprogram.Input) {
      this.setData({ forName: e.detail.value, error: '' });
    },
    onRole(e: WechatMiniprogram.PickerChange) {
      this.setData({ roleIndex: Number(e.detail.value) });
    },
    async onInvite() {
      const forName = this.data.forName.trim();
      const role = ROLES[this.data.roleIndex] ?? 'cadre';
      await saveForm(this, forName ? '' : '请填写被邀请人的姓名', async () => ({
        invite: inviteCard(await createInvite({ kind: 'role', role, forName })),
      }));
    },
  },
});
