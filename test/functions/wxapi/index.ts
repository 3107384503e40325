// A test-only cloud function calling WeChat's server APIs through cloud.openapi, as the app's
// notification and content-check code does.
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

interface WxApiEvent {
  op: 'send' | 'check';
  touser?: string;
  templateId?: string;
  page?: string;
  data?: Record<string, { value: string }>;
  content?: string;
}

export async function main(event: WxApiEvent): Promise<unknown> {
  const { OPENID } = cloud.getWXContext();
  try {
    if (event.op === 'send') {
      const res: unknown = await cloud.openapi.subscribeMessage.send({
        touser: event.touser ?? OPENID,
        templateId: event.templateId,
        page: event.page,
        data: event.data,
      });
      return { ok: true, res };
    }
    const res: unknown = await cloud.openapi.security.msgSecCheck({ openid: OPENID, scene: 2, version: 2, content: event.content ?? '' });
    return { ok: true, res };
  } catch (e) {
    const err: unknown = e;
    return { ok: false, err: typeof err === 'object' && err !== null ? { ...err, message: err instanceof Error ? err.message : '' } : String(err) };
  }
}
