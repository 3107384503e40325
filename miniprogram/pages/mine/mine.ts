// 我的: who I am, my household and its points, my matters, orders, objections and certificates;
// 关怀模式; for someone with several roles, which comes first on 首页; in local mode the demo identity.
import type { DemoIdentity, HomeResult, MeResult } from '../../../typings/index';
import { care, setCareMode } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { config } from '../../config';
import { listDemoIdentities } from '../../services/demo';
import { getHomeData } from '../../services/home';
import { demoOpenid, setDemoOpenid } from '../../services/identity';
import { homeFirst, setHomeFirst } from '../../utils/home-view';
import { markTab } from '../../utils/tabs';
import { mineEntries, taskGroups, type Task } from '../../utils/workbench';

interface MineData {
  me: MeResult | null;
  points: HomeResult['household'];
  entries: Task[];
  /** Both a household and a workbench: the person picks which 首页 shows first. */
  severalRoles: boolean;
  familyFirst: boolean;
  localMode: boolean;
  identities: DemoIdentity[];
  identityIndex: number;
}

const initial: MineData = {
  me: null,
  points: null,
  entries: [],
  severalRoles: false,
  familyFirst: false,
  localMode: config.mode === 'local',
  identities: [],
  identityIndex: 0,
};

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const [{ me, board }, identities] = await Promise.all([
        getHomeData(),
        this.data.localMode ? listDemoIdentities() : Promise.resolve([]),
      ]);
      const work = taskGroups(me, board?.waiting ?? null).some((g) => g.id !== 'group-household' && g.id !== 'group-anyone');
      const current = demoOpenid();
      this.setData({
        me,
        points: board?.household ?? null,
        entries: mineEntries(me),
        severalRoles: work && Boolean(board?.household),
        familyFirst: homeFirst() === 'family',
        identities,
        identityIndex: Math.max(
          0,
          identities.findIndex((i) => i.openid === current),
        ),
      });
      markTab(this, 'mine');
    },
    /** 关怀模式: every open page (this one too, through the care behavior's careClass) restyles at once. */
    onCareChange(e: WechatMiniprogram.SwitchChange) {
      setCareMode(e.detail.value);
    },
    onFamilyFirst(e: WechatMiniprogram.SwitchChange) {
      setHomeFirst(e.detail.value ? 'family' : 'work');
      this.setData({ familyFirst: e.detail.value });
    },
    onPickIdentity(e: WechatMiniprogram.PickerChange) {
      const picked = this.data.identities[Number(e.detail.value)];
      if (!picked) return;
      setDemoOpenid(picked.openid);
      wx.reLaunch({ url: '/pages/home/home' });
    },
  },
});
