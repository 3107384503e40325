// The one way pages reach the cloud: call(fn, action, payload) with the shared contract's types.
// Failures of any kind become a CloudError with a stable code and a Chinese message to show.
import type { ActionName, AppErrorBody, Envelope, ErrorCode, FunctionName, RequestOf, ResponseOf } from '../../typings/index';
import { config } from '../config';
import { demoOpenid } from './identity';

export type CloudErrorCode = ErrorCode | 'NETWORK';

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = '网络不太好，请稍后再试';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isErrorBody(v: unknown): v is AppErrorBody {
  return isRecord(v) && typeof v.code === 'string' && typeof v.message === 'string';
}

/**
 * The envelope's shape is checked here; the type of `data` is the contract's, which the function
 * (built from the same typings) guarantees.
 */
function isEnvelope<T>(v: unknown): v is Envelope<T> {
  return isRecord(v) && ((v.ok === true && 'data' in v) || (v.ok === false && isErrorBody(v.error)));
}

function callCloud(name: string, data: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.cloud.callFunction({
      name,
      data,
      success: (res) => resolve(res.result),
      fail: () => reject(new CloudError('NETWORK', NETWORK_MESSAGE)),
    });
  });
}

function callLocal(name: string, data: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${config.localUrl}/functions/${name}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', 'x-wx-openid': demoOpenid() },
      success: (res) => {
        const body = res.data;
        if (res.statusCode === 200 && isRecord(body) && 'result' in body) resolve(body.result);
        else reject(new CloudError('COMMON.INTERNAL', '系统繁忙，请稍后再试'));
      },
      fail: () => reject(new CloudError('NETWORK', NETWORK_MESSAGE)),
    });
  });
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const data = { action, payload };
  const result = config.mode === 'local' ? await callLocal(fn, data) : await callCloud(fn, data);
  if (!isEnvelope<ResponseOf<F, A>>(result)) throw new CloudError('COMMON.INTERNAL', '系统繁忙，请稍后再试');
  if (!result.ok) throw new CloudError(result.error.code, result.error.message);
  return result.data;
}

/** The words for a failure, for a page that shows it in place (the same words showError shows). */
export function errorText(e: unknown): string {
  return e instanceof CloudError ? e.message : '系统繁忙，请稍后再试';
}

/** Shows a failure to the user the one way every page does. */
export function showError(e: unknown): void {
  wx.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
}
