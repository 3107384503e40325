// 全镇村庄 (the town admin): the town's villages with households, people and secretary; open one
// (its households, read only); create a village; invite a named person to be a village's secretary.
import type { TownVillagesResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { createInvite, createVillage, townVillages } from '../../../services/village';
import { dataString } from '../../../utils/event';
import { inviteCard, inviteShare, type InviteCard } from '../../../utils/invite-card';
import { saveForm } from '../save-form';

interface TownData {
  result: TownVillagesResult | null;
  newName: string;
  /** The village whose secretary is being invited, and the person's name. */
  inviting: string;
  forName: string;
  error: string;
  notice: string;
  saving: boolean;
  invite: InviteCard | null;
}

const initial: TownData = {
  result: null,
  newName: '',
  inviting: '',
  forName: '',
  error: '',
  notice: '',
  saving: false,
  invite: null,
};

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const result = await townVillages();
      this.setData({ result });
      wx.setNavigationBarTitle({ title: `${result.town.name} · 全镇村庄` });
    },
    onShareAppMessage() {
      return inviteShare(this.data.invite, '村里');
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      wx.navigateTo({ url: `/packages/village/admin/admin?villageId=${dataString(e, 'id')}` });
    },
    onNewName(e: WechatMiniprogram.Input) {
      this.setData({ newName: e.detail.value, error: '' });
    },
    async onCreate() {
      const name = this.data.newName.trim();
      await saveForm(this, name ? '' : '请填写村名', async () => {
        const v = await createVillage(name);
        await reload(this);
        return { newName: '', notice: `已建村：${v.name}。下一步：邀请村书记。`, inviting: v.id };
      });
    },
    onInviteFor(e: WechatMiniprogram.BaseEvent) {
      this.setData({ inviting: dataString(e, 'id'), forName: '', error: '', invite: null });
    },
    onForName(e: WechatMiniprogram.Input) {
      this.setData({ forName: e.detail.value, error: '' });
    },
    async onInvite() {
      const forName = this.data.forName.trim();
      const villageId = this.data.inviting;
      await saveForm(this, forName ? '' : '请填写村书记的姓名', async () => ({
        invite: inviteCard(await createInvite({ kind: 'secretary', villageId, forName })),
      }));
    },
  },
});
