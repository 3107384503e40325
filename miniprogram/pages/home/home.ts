// 首页: the caller's village, town, household and roles. In local mode also the demo identity.
import type { DemoIdentity, MeResult } from '../../../typings/index';
import { care, setCareMode } from '../../behaviors/care';
import { config } from '../../config';
import { getHomeScreen } from '../../services/account';
import { showError } from '../../services/cloud';
import { listDemoIdentities } from '../../services/demo';
import { demoOpenid, setDemoOpenid } from '../../services/identity';
import { pointsEntries, type PointsEntry } from '../../utils/points-entries';
import { honoursEntries, type HonoursEntry } from '../../utils/honours-entries';
import { boardHomeCard, type BoardHomeCard } from '../../utils/board-home';
import { mattersEntries, type MattersEntry } from '../../utils/matters-format';
import { adminEntry } from '../../utils/village-format';

interface HomeData {
  loading: boolean;
  failed: boolean;
  me: MeResult | null;
  localMode: boolean;
  identities: DemoIdentity[];
  identityIndex: number;
  /** Ways into the points pages for the caller's roles. */
  pointsEntries: PointsEntry[];
  /** Grid rankings, the annual summary, 积分贷 — and verifying a 积分证明 (anyone). */
  honoursEntries: HonoursEntry[];
  /** The village home data (what is new, my household's points, what waits for me); null until loaded. */
  boardHome: BoardHomeCard | null;
  /** 村民说事: the list, raising one, the cadres' queue, statistics, the holiday calendar. */
  mattersEntries: MattersEntry[];
  /** 村务管理 (cadres, grid leaders) or 全镇村庄 (a town admin); null for anyone else. */
  villageEntry: { text: string; url: string } | null;
}

const initial: HomeData = { loading: true, failed: false, me: null, localMode: config.mode === 'local', identities: [], identityIndex: 0, pointsEntries: [], honoursEntries: [], boardHome: null, mattersEntries: [], villageEntry: null };

Component({
  behaviors: [care],
  data: initial,
  methods: {
    onLoad() {
      void this.load();
    },
    /** 关怀模式: every open page (this one too, through the care behavior's careClass) restyles at once. */
    onCareChange(e: WechatMiniprogram.SwitchChange) {
      setCareMode(e.detail.value);
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ loading: true, failed: false });
      try {
        // One cloud call opens 首页 (each call may cold-start a function on WeChat cloud).
        const [{ me, board }, identities] = await Promise.all([getHomeScreen(), this.data.localMode ? listDemoIdentities() : Promise.resolve([])]);
        const current = demoOpenid();
        this.setData({ me, pointsEntries: pointsEntries(me), honoursEntries: honoursEntries(me), mattersEntries: mattersEntries(me), villageEntry: me.joined ? adminEntry(me.roles) : null, identities, identityIndex: Math.max(0, identities.findIndex((i) => i.openid === current)), loading: false });
        this.setData({ boardHome: boardHomeCard(me, board) });
      } catch (e) {
        this.setData({ loading: false, failed: true });
        showError(e);
      }
    },
    onRetry() {
      void this.load();
    },
    onPickIdentity(e: WechatMiniprogram.PickerChange) {
      const picked = this.data.identities[Number(e.detail.value)];
      if (!picked) return;
      setDemoOpenid(picked.openid);
      void this.load();
    },
  },
});
