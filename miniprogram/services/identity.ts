// The demo identity the local transport calls as (local mode only): in the cloud, WeChat itself
// says who the caller is.
const KEY = 'localcloud.openid';
export const DEFAULT_DEMO_OPENID = 'demo-secretary';

export function demoOpenid(): string {
  const saved: unknown = wx.getStorageSync(KEY);
  return typeof saved === 'string' && saved ? saved : DEFAULT_DEMO_OPENID;
}

export function setDemoOpenid(openid: string): void {
  wx.setStorageSync(KEY, openid);
}
