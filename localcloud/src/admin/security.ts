// WeChat's media checks and the phone number service, answered locally:
//   security.imgSecCheck       synchronous image check: errcode 87014 for a risky image
//   security.mediaCheckAsync   answers a trace_id at once; the result arrives later as a message
//                              push event (Event "wxa_media_check") to a cloud function
//   phonenumber.getPhoneNumber the number behind a getPhoneNumber code, per caller
// What counts as risky is configured (LOCALCLOUD_RISKY_MEDIA): a file whose URL or bytes contain
// one of the markers.
import { randomBytes } from 'node:crypto';
import type { OpenApiCall, OpenApiContext } from './openapi';

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function riskyMarkerIn(ctx: OpenApiContext, haystack: string): string | undefined {
  return ctx.riskyMedia.find((m) => m && haystack.includes(m));
}

/** The push WeChat sends when an asynchronous media check is done (its documented JSON form). */
export interface MediaCheckPush {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  result: { suggest: 'pass' | 'risky'; label: string };
  detail: { strategy: string; errcode: number; suggest: 'pass' | 'risky'; label: string; prob: number }[];
}

export function imgSecCheck(call: OpenApiCall, ctx: OpenApiContext): Record<string, unknown> {
  const media = call.params.media;
  if (!Buffer.isBuffer(media) || media.length === 0) return { errcode: 41005, errmsg: 'media data missing' };
  const hit = riskyMarkerIn(ctx, media.toString('latin1'));
  ctx.outbox.record({ kind: 'imgSecCheck', bytes: media.length, suggest: hit ? 'risky' : 'pass', caller: call.openid ?? '' });
  return hit ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' };
}

export function mediaCheckAsync(call: OpenApiCall, ctx: OpenApiContext): Record<string, unknown> {
  const url = text(call.params.media_url);
  const type = call.params.media_type;
  const openid = text(call.params.openid);
  if (!url) return { errcode: 47001, errmsg: 'data format error: media_url missing' };
  if (type !== 1 && type !== 2) return { errcode: 47001, errmsg: 'data format error: media_type must be 1 (audio) or 2 (image)' };
  if (call.params.version !== 2 || !openid) return { errcode: 47001, errmsg: 'data format error: version 2 needs openid and scene' };
  const traceId = randomBytes(12).toString('hex');
  const suggest = riskyMarkerIn(ctx, url) ? 'risky' : 'pass';
  const label = suggest === 'risky' ? '20002' : '100';
  ctx.outbox.record({ kind: 'mediaCheckAsync', url, mediaType: type, openid, traceId, suggest });
  ctx.pushMediaResult({
    ToUserName: 'gh_localcloud',
    FromUserName: openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: ctx.appId,
    trace_id: traceId,
    version: 2,
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  });
  return { errcode: 0, errmsg: 'ok', trace_id: traceId };
}

export function getPhoneNumber(call: OpenApiCall, ctx: OpenApiContext): Record<string, unknown> {
  const code = text(call.params.code);
  if (!code) return { errcode: 40029, errmsg: 'invalid code' };
  const openid = call.openid ?? '';
  const phone = ctx.phoneNumbers[openid] ?? ctx.phoneNumbers['*'] ?? '';
  ctx.outbox.record({ kind: 'getPhoneNumber', openid, phone });
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: phone,
      purePhoneNumber: phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: ctx.appId },
    },
  };
}
