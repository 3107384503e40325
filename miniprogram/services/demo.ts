// Local mode only: the demo identities the local cloud's demo village offers.
import type { DemoIdentity } from '../../typings/index';
import { config } from '../config';

function isIdentity(v: unknown): v is DemoIdentity {
  return (
    typeof v === 'object' && v !== null && 'openid' in v && typeof v.openid === 'string' && 'label' in v && typeof v.label === 'string'
  );
}

export function listDemoIdentities(): Promise<DemoIdentity[]> {
  return new Promise((resolve) => {
    wx.request({
      url: `${config.localUrl}/_localcloud/demo-identities`,
      method: 'GET',
      success: (res) => {
        const body = res.data;
        const list = typeof body === 'object' && body !== null && 'identities' in body ? body.identities : [];
        resolve(Array.isArray(list) ? list.filter(isIdentity) : []);
      },
      fail: () => resolve([]),
    });
  });
}
