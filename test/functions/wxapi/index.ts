// A test-only cloud function calling WeChat's server APIs through cloud.openapi, as the app's
// notification and content-check code does. Its config.json declares every API it calls except
// wxacode.getUnlimited, which must therefore be refused. It also receives the message push of a
// media check (Event "wxa_media_check") and keeps it in "media_checks".
import cloud from 'wx-server-sdk';
import { add } from '../../support/sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

interface WxApiEvent {
  op?: 'send' | 'check' | 'img' | 'media' | 'phone' | 'qr';
  touser?: string;
  templateId?: string;
  page?: string;
  data?: Record<string, { value: string }>;
  content?: string;
  url?: string;
  mediaType?: number;
  code?: string;
  Event?: string;
}

async function run(event: WxApiEvent, openid: string): Promise<unknown> {
  switch (event.op) {
    case 'send':
      return cloud.openapi.subscribeMessage.send({
        touser: event.touser ?? openid,
        templateId: event.templateId,
        page: event.page,
        data: event.data,
      });
    case 'check':
      return cloud.openapi.security.msgSecCheck({ openid, scene: 2, version: 2, content: event.content ?? '' });
    case 'img':
      return cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: Buffer.from(event.content ?? '') } });
    case 'media':
      return cloud.openapi.security.mediaCheckAsync({
        mediaUrl: event.url ?? '',
        mediaType: event.mediaType ?? 2,
        version: 2,
        openid,
        scene: 1,
      });
    case 'phone':
      return cloud.openapi.phonenumber.getPhoneNumber({ code: event.code ?? '' });
    case 'qr':
      return cloud.openapi.wxacode.getUnlimited({ scene: 'a=1' });
    default:
      throw new Error(`unknown op ${String(event.op)}`);
  }
}

export async function main(event: WxApiEvent): Promise<unknown> {
  const ctx = cloud.getWXContext();
  if (event.Event === 'wxa_media_check') {
    await add(cloud.database().collection('media_checks'), { push: event, openid: ctx.OPENID ?? '', source: ctx.SOURCE ?? '' });
    return { received: true };
  }
  try {
    return { ok: true, res: await run(event, ctx.OPENID ?? '') };
  } catch (e) {
    const err: unknown = e;
    return {
      ok: false,
      err: typeof err === 'object' && err !== null ? { ...err, message: err instanceof Error ? err.message : '' } : String(err),
    };
  }
}
