// Where the mini-program's cloud calls go.
// - cloud: wx.cloud.callFunction in the WeChat cloud environment `envId`.
// - local: wx.request to the local cloud (`npm start`) as a chosen demo identity. For WeChat
//   DevTools only, with "不校验合法域名" (domain checking off) in 详情 → 本地设置.
export type Mode = 'cloud' | 'local';

export interface AppConfig {
  mode: Mode;
  envId: string;
  localUrl: string;
}

export const config: AppConfig = {
  mode: 'local',
  envId: 'your-cloud-env-id',
  localUrl: 'http://127.0.0.1:3800',
};
