// HTTP as WeChat's own servers would carry it, for the page tests' stand-ins of wx.uploadFile and for
// fixtures (jsdom has no fetch): one place for the multipart upload, the fileID reply and JSON calls.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../../typings';
import { isEnvelope } from '../../support/envelope';

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
export async function postMultipart(
  url: string,
  fields: Record<string, unknown>,
  fileField: string,
  filePath: string,
  fileType?: string,
): Promise<{ status: number; text: string }> {
  const { body, boundary } = multipartBody(fields, fileField, filePath, fileType);
  const reply = await httpRequest(
    url,
    'POST',
    { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
    body,
  );
  return { status: reply.status, text: reply.bytes.toString('utf8') };
}

/** One request, one connection (agent: false: nothing lingers once a test stops its cloud). */
function httpRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The status and bytes of a GET (jsdom has no fetch). */
export function httpGet(url: string): Promise<{ status: number; bytes: Buffer }> {
  return httpRequest(url, 'GET', {});
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
  return requestJson(url, 'POST', { 'content-type': 'application/json', 'x-wx-openid': openid }, JSON.stringify(body));
}

/** A GET answered with the parsed body (the local cloud's control endpoints). */
export function getJson(url: string): Promise<unknown> {
  return requestJson(url, 'GET', {});
}

async function requestJson(url: string, method: string, headers: Record<string, string>, text?: string): Promise<unknown> {
  const reply = await httpRequest(url, method, headers, text);
  return JSON.parse(reply.bytes.toString('utf8'));
}

/** Calls a function as `openid` over HTTP (jsdom has no fetch) and answers its data, or fails the test. */
export interface DirectCaller {
  ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    payload: RequestOf<F, A>,
  ): Promise<ResponseOf<F, A>>;
}

export function directCaller(url: string): DirectCaller {
  return {
    async ok<F extends FunctionName, A extends ActionName<F>>(
      openid: string,
      fn: F,
      action: A,
      payload: RequestOf<F, A>,
    ): Promise<ResponseOf<F, A>> {
      const reply = await postJson(`${url}/functions/${fn}`, openid, { action, payload });
      const result: unknown = typeof reply === 'object' && reply !== null && 'result' in reply ? reply.result : null;
      if (!isEnvelope<ResponseOf<F, A>>(result)) throw new Error(`${fn}.${action} failed: ${JSON.stringify(reply)}`);
      if (!result.ok) throw new Error(`${fn}.${action} as ${openid} refused: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
  };
}

/** Calls of one function as someone, for what other people do between the taps (fixtures). */
export interface FunctionFixtures<F extends FunctionName> {
  ok<A extends ActionName<F>>(openid: string, action: A, payload: RequestOf<F, A>): Promise<ResponseOf<F, A>>;
}

export function functionFixtures<F extends FunctionName>(url: string, fn: F): FunctionFixtures<F> {
  const caller = directCaller(url);
  return { ok: (openid, action, payload) => caller.ok(openid, fn, action, payload) };
}
