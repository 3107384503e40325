// 首页: the caller's village, town, household and roles. In local mode also the demo identity.
import type { DemoIdentity, MeResult } from '../../../typings/index';
import { config } from '../../config';
import { getMe } from '../../services/account';
import { showError } from '../../services/cloud';
import { listDemoIdentities } from '../../services/demo';
import { demoOpenid, setDemoOpenid } from '../../services/identity';

interface HomeData {
  loading: boolean;
  failed: boolean;
  me: MeResult | null;
  localMode: boolean;
  identities: DemoIdentity[];
  identityIndex: number;
}

const initial: HomeData = { loading: true, failed: false, me: null, localMode: config.mode === 'local', identities: [], identityIndex: 0 };

Component({
  data: initial,
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ loading: true, failed: false });
      try {
        const [me, identities] = await Promise.all([getMe(), this.data.localMode ? listDemoIdentities() : Promise.resolve([])]);
        const current = demoOpenid();
        this.setData({ me, identities, identityIndex: Math.max(0, identities.findIndex((i) => i.openid === current)), loading: false });
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
