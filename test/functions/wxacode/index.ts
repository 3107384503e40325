// A test-only cloud function that makes the mini-program code of the event's parameters with
// cloud.openapi.wxacode.getUnlimited (declared in its config.json, as the cloud requires), and
// answers its image as base64, or the SDK's error.
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export async function main(event: Record<string, unknown>): Promise<unknown> {
  try {
    const res: unknown = await cloud.openapi.wxacode.getUnlimited(event);
    if (typeof res !== 'object' || res === null || !('buffer' in res) || !Buffer.isBuffer(res.buffer))
      return { ok: false, err: { errMsg: 'no image' } };
    const contentType = 'contentType' in res && typeof res.contentType === 'string' ? res.contentType : '';
    return { ok: true, contentType, base64: res.buffer.toString('base64') };
  } catch (e) {
    const err: unknown = e;
    return { ok: false, err: typeof err === 'object' && err !== null ? { ...err } : { errMsg: String(err) } };
  }
}
