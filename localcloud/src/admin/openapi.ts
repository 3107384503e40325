// `wx.openApi`: the cloud calls of WeChat's servers (`cloud.openapi.*`), answered locally.
// The SDK sends a protobuf CommApiData whose openapiData.pairs hold snake_case keys with JSON
// values, and expects a protobuf CommOpenApiResp (respData = 1, contentType = 2, httpCode = 4).
import protobuf from 'protobufjs/minimal';
import type { Outbox } from '../outbox';
import { getPhoneNumber, imgSecCheck, mediaCheckAsync, type MediaCheckPush } from './security';
import { encodeBinaryReply, isBinaryReply, wxacodeGetUnlimited } from './wxacode';

export interface OpenApiCall {
  apiName: string;
  params: Record<string, unknown>;
  openid: string | undefined;
}

/** What the stand-ins for WeChat's servers need besides the call. */
export interface OpenApiContext {
  outbox: Outbox;
  appId: string;
  riskyMedia: string[];
  phoneNumbers: Record<string, string>;
  /** Delivers a media check's result later, as WeChat's message push does. */
  pushMediaResult: (push: MediaCheckPush) => void;
}

/**
 * errorCode of CommOpenApiResp for a cloud call the function's config.json does not declare; the
 * SDK reports it as "system error: error code: -604101" (wx-server-sdk's CloudSDKError adds
 * "function has no permission to call this API"). The docs: 每个云函数需要声明其会使用到的接口，否则无法调用…
 * 如果更新后提示没有权限（-604101）— https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html
 * (云调用说明, 声明调用接口), and https://docs.cloudbase.net/faq/knowledge/cloud-call-604101-permission-error.
 */
export const NO_PERMISSION = -604101;

/** A value as the function sent it: JSON for ordinary values; a media value (imgSecCheck's image) is the file's bytes. */
function pairValue(value: Uint8Array): unknown {
  const text = Buffer.from(value).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return Buffer.from(value);
  }
}

/** Reads one pairs entry { key = 1; value = 2 } into params. */
function readPair(reader: protobuf.Reader, params: Record<string, unknown>): void {
  const pairEnd = reader.uint32() + reader.pos;
  let key = '';
  let value: Uint8Array = new Uint8Array();
  while (reader.pos < pairEnd) {
    const t = reader.uint32();
    if (t >>> 3 === 1) key = reader.string();
    else if (t >>> 3 === 2) value = reader.bytes();
    else reader.skipType(t & 7);
  }
  params[key] = pairValue(value);
}

/** Reads openapiData { repeated pairs = 1 } into params. */
function readOpenApiData(reader: protobuf.Reader, params: Record<string, unknown>): void {
  const end = reader.uint32() + reader.pos;
  while (reader.pos < end) {
    const pairTag = reader.uint32();
    if (pairTag >>> 3 === 1) readPair(reader, params);
    else reader.skipType(pairTag & 7);
  }
}

/** Decodes CommApiData { apiType = 1; openapiData = 2 { repeated pairs = 1 { key = 1; value = 2 } } }. */
export function decodeCommApiData(bytes: Uint8Array): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const reader = protobuf.Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2) readOpenApiData(reader, params);
    else reader.skipType(tag & 7);
  }
  return params;
}

/** CommOpenApiResp { errorCode = 3 }: WeChat's own refusal, which the SDK reports as "system error: error code: N". */
export function encodeOpenApiError(errorCode: number): Buffer {
  const writer = protobuf.Writer.create();
  writer.uint32(24).int32(errorCode);
  return Buffer.from(writer.finish());
}

export function encodeCommOpenApiResp(json: unknown): Buffer {
  if (isBinaryReply(json)) return encodeBinaryReply(json);
  const writer = protobuf.Writer.create();
  writer.uint32(10).bytes(Buffer.from(JSON.stringify(json)));
  writer.uint32(18).string('application/json');
  writer.uint32(32).uint32(200);
  return Buffer.from(writer.finish());
}

type OpenApiHandler = (call: OpenApiCall, ctx: OpenApiContext) => Record<string, unknown>;

const ok = { errcode: 0, errmsg: 'ok' };

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

const handlers: Record<string, OpenApiHandler> = {
  'wxacode.getUnlimited': wxacodeGetUnlimited,
  'security.imgSecCheck': imgSecCheck,
  'security.mediaCheckAsync': mediaCheckAsync,
  'phonenumber.getPhoneNumber': getPhoneNumber,
  'subscribeMessage.send': (call, { outbox }) => {
    const touser = text(call.params.touser);
    const templateId = text(call.params.template_id);
    if (!touser || !templateId) return { errcode: 47003, errmsg: 'argument invalid! touser and template_id are required' };
    outbox.record({
      kind: 'subscribeMessage',
      touser,
      templateId,
      page: text(call.params.page),
      data: call.params.data ?? {},
      caller: call.openid ?? '',
    });
    return { ...ok, msgid: outbox.size };
  },
  'security.msgSecCheck': (call, { outbox }) => {
    const content = text(call.params.content);
    const hit = outbox.riskyWordIn(content);
    const suggest = hit ? 'risky' : 'pass';
    outbox.record({ kind: 'msgSecCheck', content, suggest, openid: text(call.params.openid), scene: call.params.scene ?? null });
    const result = { suggest, label: hit ? 20001 : 100 };
    return {
      ...ok,
      trace_id: `local-${outbox.size}`,
      result,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: result.label, ...(hit ? { keyword: hit } : {}) }],
    };
  },
};

/** Registered names, for error messages and the README. */
export const supportedOpenApis = Object.keys(handlers);

export function callOpenApi(call: OpenApiCall, ctx: OpenApiContext): Record<string, unknown> {
  const handler = handlers[call.apiName];
  if (!handler) {
    return { errcode: -604101, errmsg: `the local cloud does not implement ${call.apiName} (it has ${supportedOpenApis.join(', ')})` };
  }
  return handler(call, ctx);
}
