import { config } from './config';

App({
  onLaunch() {
    if (config.mode === 'cloud') wx.cloud.init({ env: config.envId, traceUser: true });
  },
});
