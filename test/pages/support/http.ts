// HTTP as WeChat's own servers would carry it, for the page tests' stand-ins of wx.uploadFile and for
// fixtures (jsdom has no fetch): one place for the multipart upload, the fileID reply and JSON calls.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ActionName, AppErrorBody, Envelope, FunctionName, RequestOf, ResponseOf } from '../../../typings';

/** multipart/form-data with one file, as WeChat's uploadFile sends it. */
export function multipartBody(
  fields: Record<string, unknown>,
  fileField: string,
  filePath: string,
  fileType = 'application/octet-stream',
): { body: Buffer; boundary: string } {
  const boundary = `----hemeicun${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
  const head = Object.entries(fields)
    .map(
      ([k, v]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
    )
    .join('');
  const body = Buffer.concat([
    Buffer.from(
      `${head}--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${path.basename(filePath)}"\r\nContent-Type: ${fileType}\r\n\r\n`,
    ),
    fs.readFileSync(filePath),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, boundary };
}

/** A multipart/form-data POST with one file, as WeChat's uploadFile sends it. */
export function postMultipart(
  url: string,
  fields: Record<string, unknown>,
  fileField: string,
  filePath: string,
): Promise<{ status: number; text: string }> {
  const { body, boundary } = multipartBody(fields, fileField, filePath);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function fileIdOf(text: string): string {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && 'fileID' in body && typeof body.fileID === 'string' ? body.fileID : '';
  } catch {
    return '';
  }
}

/** A function call as the mini-program's local transport makes it, answered with the parsed body. */
export function postJson(url: string, openid: string, body: unknown): Promise<unknown> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-wx-openid': openid } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

function isErrorBody(v: unknown): v is AppErrorBody {
  return (
    typeof v === 'object' && v !== null && 'code' in v && typeof v.code === 'string' && 'message' in v && typeof v.message === 'string'
  );
}

/** The envelope's shape is checked; its data's type is the contract's, which the function is built from. */
function isEnvelope<T>(v: unknown): v is Envelope<T> {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  return (v.ok === true && 'data' in v) || (v.ok === false && 'error' in v && isErrorBody(v.error));
}

/** Calls of one function as someone, for what other people do between the taps (fixtures). */
export interface FunctionFixtures<F extends FunctionName> {
  ok<A extends ActionName<F>>(openid: string, action: A, payload: RequestOf<F, A>): Promise<ResponseOf<F, A>>;
}

export function functionFixtures<F extends FunctionName>(url: string, fn: F): FunctionFixtures<F> {
  return {
    async ok<A extends ActionName<F>>(openid: string, action: A, payload: RequestOf<F, A>): Promise<ResponseOf<F, A>> {
      const reply = await postJson(`${url}/functions/${fn}`, openid, { action, payload });
      const result: unknown = typeof reply === 'object' && reply !== null && 'result' in reply ? reply.result : null;
      if (!isEnvelope<ResponseOf<F, A>>(result)) throw new Error(`${fn}.${action} failed: ${JSON.stringify(reply)}`);
      if (!result.ok) throw new Error(`${fn}.${action} as ${openid} refused: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
  };
}
