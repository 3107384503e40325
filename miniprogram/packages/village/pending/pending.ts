// 待确认: membership requests waiting for a cadre. Each shows who asked to join which household, the
// last 4 of their ID number and the household's member record it matched (or that none did). The
// cadre confirms (for someone not on the record, with their relation to the head) or refuses with
// a reason the person will see.
import type { MembershipRequestView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';
import { errorText } from '../../../services/cloud';
import { confirmRequest, pendingRequests, refuseRequest } from '../../../services/village';
import { timeText } from '../../../utils/china-time';
import { dataString } from '../../../utils/event';
import { RELATIONS } from '../../../utils/village-format';

interface Item extends MembershipRequestView {
  time: string;
  relationIndex: number;
  reason: string;
  error: string;
}

interface PendingData {
  villageId: string;
  items: Item[];
  relations: string[];
  acting: string;
  notice: string;
}

const initial: PendingData = {
  villageId: '',
  items: [],
  relations: RELATIONS,
  acting: '',
  notice: '',
};

Component({
  behaviors: [care, shell, queryParams('villageId')],
  data: initial,
  methods: {
    async load() {
      const { requests } = await pendingRequests(this.data.villageId || undefined);
      // Back on the page, what the cadre already picked or typed for a request stays.
      const kept = new Map(this.data.items.map((i) => [i.id, i]));
      this.setData({
        items: requests.map((r) => ({
          ...r,
          time: timeText(r.createdAt),
          relationIndex: kept.get(r.id)?.relationIndex ?? 0,
          reason: kept.get(r.id)?.reason ?? '',
          error: '',
        })),
      });
    },
    update(id: string, change: Partial<Item>) {
      this.setData({ items: this.data.items.map((i) => (i.id === id ? { ...i, ...change } : i)) });
    },
    onRelation(e: WechatMiniprogram.PickerChange) {
      this.update(dataString(e, 'id'), { relationIndex: Number(e.detail.value) });
    },
    onReason(e: WechatMiniprogram.Input) {
      this.update(dataString(e, 'id'), { reason: e.detail.value, error: '' });
    },
    async decide(id: string, confirm: boolean) {
      const item = this.data.items.find((i) => i.id === id);
      if (!item || this.data.acting) return;
      if (!confirm && !item.reason.trim()) return this.update(id, { error: '请填写不通过的原因，申请人会看到' });
      this.setData({ acting: id, notice: '' });
      try {
        const done = confirm
          ? await confirmRequest({ requestId: id, ...(item.matchedMember ? {} : { relation: RELATIONS[item.relationIndex] ?? '其他' }) })
          : await refuseRequest(id, item.reason.trim());
        this.setData({
          acting: '',
          notice: `${done.name}：${confirm ? '已确认加入' : '已不通过'}${done.householdLabel}`,
          items: this.data.items.filter((i) => i.id !== id),
        });
      } catch (e) {
        this.setData({ acting: '' });
        this.update(id, { error: errorText(e) });
      }
    },
    onConfirm(e: WechatMiniprogram.BaseEvent) {
      void this.decide(dataString(e, 'id'), true);
    },
    onRefuse(e: WechatMiniprogram.BaseEvent) {
      void this.decide(dataString(e, 'id'), false);
    },
  },
});
