// The local cloud's HTTP server:
//   POST /admin                 the CloudBase admin protocol wx-server-sdk speaks
//   POST /functions/<name>      wx.cloud.callFunction for the mini-program in local mode
//   PUT  /_storage/upload/<p>   the upload step of cloud.uploadFile
//   POST /_storage/upload       wx.uploadFile from the mini-program in local mode (field "file")
//   GET  /_storage/files/<p>    downloads
//   /_localcloud/...            health, outbox, scan warnings, writes, invocations, timers (for tests),
//                               environment (collections, indexes, function configs: deploy:check)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRoute } from './control';
import { isPlainObject } from './ejson';
import { databaseActions, type Body } from './admin/database-actions';
import { callOpenApi, decodeCommApiData, encodeCommOpenApiResp, encodeOpenApiError, NO_PERMISSION } from './admin/openapi';
import type { MediaCheckPush } from './admin/security';
import { storageActions } from './admin/storage-actions';
import type { Database } from './store/database';
import { StoreError } from './store/errors';
import type { Caller, FunctionRuntime, Invocation } from './functions/runtime';
import type { DemoIdentity } from './demo-module';
import { readBody, readForm, requestId, send } from './http-io';
import type { Outbox } from './outbox';
import type { FileStore } from './storage/files';
import { storageRoute } from './storage/routes';

export interface ServerParts {
  db: Database;
  runtime: FunctionRuntime;
  outbox: Outbox;
  files: FileStore;
  appId: string;
  demoIdentities: () => DemoIdentity[];
  riskyMedia: string[];
  phoneNumbers: Record<string, string>;
  /** The function WeChat's message push goes to (the console's 消息推送 setting); the caller's when null. */
  messagePushFunction: string | null;
}

// LOCALCLOUD_DB_LATENCY_MS: every database request waits this long before it is served, as a request
// from a function to WeChat cloud's database pays a network round trip (10–30 ms) there.
const DB_LATENCY_MS = Math.max(0, Number(process.env.LOCALCLOUD_DB_LATENCY_MS) || 0);
const dbLatency = (): Promise<void> | undefined => (DB_LATENCY_MS ? new Promise((r) => setTimeout(r, DB_LATENCY_MS)) : undefined);

/**
 * wx.cloud.callFunction's failure: -504002 when the function threw, -504003 when it ran past its
 * timeout, with SCF's words ("Invoking task timed out after 3 seconds", status 433 TimeLimitReached:
 * https://cloud.tencent.com/document/product/583/42611), as WeChat reports it
 * (`cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds`,
 * seen in https://github.com/Mint-green/UnlearnableWord/issues/10).
 */
function callFunctionFailure(out: { message: string; timedOut?: boolean }): { errCode: number; errMsg: string } {
  if (out.timedOut) return { errCode: -504003, errMsg: `cloud.callFunction:fail -504003 | errMsg: ${out.message}` };
  return { errCode: -504002, errMsg: `cloud.callFunction:fail -504002 functions execute fail | errMsg: ${out.message}` };
}

export class LocalCloudServer {
  private readonly server: http.Server;

  constructor(private readonly parts: ServerParts) {
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        const err = e instanceof StoreError ? e : new StoreError('SYS_ERR', e instanceof Error ? e.message : String(e));
        if (!(e instanceof StoreError)) console.error('[localcloud] internal error', e);
        if (!res.headersSent) send(res, 200, { code: err.code, message: err.message, requestId: requestId() });
        else res.end();
      });
    });
    this.server.keepAliveTimeout = 60_000;
  }

  listen(port: number, host = '127.0.0.1'): Promise<string> {
    return new Promise((resolve) => {
      this.server.listen(port, host, () => resolve(this.url));
    });
  }

  get url(): string {
    const addr = this.server.address() as AddressInfo | null;
    return addr ? `http://127.0.0.1:${addr.port}` : '';
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (p.startsWith('/admin') && method === 'POST') return this.admin(req, res, url);
    const fn = /^\/functions\/([^/]+)$/.exec(p);
    if (fn?.[1] && method === 'POST') return this.callFunction(req, res, decodeURIComponent(fn[1]));
    if (p.startsWith('/_storage/')) return storageRoute(this.parts.files, req, res, p, method);
    if (p.startsWith('/_localcloud/')) return controlRoute(this.parts, req, res, p, method);
    send(res, 404, { code: 'NOT_FOUND', message: `no route for ${method} ${p}` });
  }

  // ---- the admin protocol ---------------------------------------------------------------------

  private async admin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const inv = this.parts.runtime.invocationOfSeqId(url.searchParams.get('seqId'));
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) return this.openApi(req, res, inv);
    const body = await adminBody(req);
    const action = body.action;
    const rid = requestId();
    const dbHandler = databaseActions[action];
    if (dbHandler) return send(res, 200, { ...(await this.databaseAction(inv, () => dbHandler(this.parts.db, body))), requestId: rid });
    const storageHandler = storageActions[action];
    if (storageHandler) return send(res, 200, { ...storageHandler(this.parts.files, body), requestId: rid });
    if (action === 'functions.invokeFunction') return this.invokeFromFunction(res, body, inv, rid);
    throw new StoreError('INVALID_PARAM', `the local cloud does not implement ${action}`);
  }

  /** A database request, counted for the invocation that made it and served after the configured latency. */
  private async databaseAction<T>(inv: Invocation | undefined, run: () => T | Promise<T>): Promise<T> {
    const answered = this.parts.runtime.countDbRequest(inv);
    try {
      await dbLatency();
      return await run();
    } finally {
      answered();
    }
  }

  private async invokeFromFunction(res: http.ServerResponse, body: Body, parent: Invocation | undefined, rid: string): Promise<void> {
    const name = typeof body.function_name === 'string' ? body.function_name : '';
    let event: unknown = {};
    try {
      event = typeof body.request_data === 'string' && body.request_data ? JSON.parse(body.request_data) : {};
    } catch {
      throw new StoreError('INVALID_PARAM', 'request_data is not JSON');
    }
    // A function called from a function runs for the same user, as in the cloud.
    const out = await this.parts.runtime.invoke(name, event, parent?.caller ?? null, parent ? { parent } : {});
    if (!out)
      return send(res, 200, {
        code: 'FUNCTIONS_REQUEST_FAIL',
        message: `FunctionName parameter could not be found: ${name}`,
        requestId: rid,
      });
    if (!out.ok) {
      // A timeout as the CloudBase error code says it (https://docs.cloudbase.net/error-code/basic/FUNCTIONS_TIME_LIMIT_EXCEEDED).
      const code = out.timedOut ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED' : 'FUNCTIONS_EXECUTE_FAIL';
      return send(res, 200, { code, message: out.message, requestId: rid });
    }
    send(res, 200, { data: { response_data: JSON.stringify(out.result) }, requestId: rid });
  }

  private async openApi(req: http.IncomingMessage, res: http.ServerResponse, inv: Invocation | undefined): Promise<void> {
    const form = await readForm(req);
    const apiName = form.fields.apiName ?? '';
    const bytes = form.files.requestData?.data ?? Buffer.from(form.fields.requestData ?? '', 'latin1');
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    // As in the cloud, a function may make only the cloud calls its config.json declares
    // (permissions.openapi); anything else is refused with WeChat's -604101.
    const declared = inv ? (this.parts.runtime.info(inv.name)?.openapi ?? []) : [];
    if (!inv || !declared.includes(apiName)) return void res.end(encodeOpenApiError(NO_PERMISSION));
    const { outbox, appId, riskyMedia, phoneNumbers } = this.parts;
    const pushTo = this.parts.messagePushFunction ?? inv.name;
    const reply = callOpenApi(
      { apiName, params: decodeCommApiData(bytes), openid: inv.caller?.openid },
      { outbox, appId, riskyMedia, phoneNumbers, pushMediaResult: (push) => this.pushMediaResult(pushTo, push) },
    );
    res.end(encodeCommOpenApiResp(reply));
  }

  /**
   * A media check's result, pushed to a function a moment after the check was asked for (never
   * inside the asking call), as WeChat's message push does: the user is FromUserName, and the
   * function sees them as OPENID with SOURCE "wx_message".
   */
  private pushMediaResult(fn: string, push: MediaCheckPush): void {
    setTimeout(() => {
      const caller: Caller = { openid: push.FromUserName, appid: push.appid };
      void this.parts.runtime.invoke(fn, push, caller, { trigger: 'message' }).then((out) => {
        this.parts.outbox.record({ kind: 'mediaCheckPush', traceId: push.trace_id, function: fn, ok: out?.ok === true });
      });
    }, 50);
  }

  // ---- functions for the mini-program -------------------------------------------------------

  private async callFunction(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    let data: unknown = {};
    try {
      data = raw ? JSON.parse(raw) : {};
    } catch {
      return send(res, 400, { errCode: -501007, errMsg: 'cloud.callFunction:fail request body is not JSON' });
    }
    const header = (h: string): string => {
      const v = req.headers[h];
      return typeof v === 'string' ? v : '';
    };
    const caller: Caller = {
      openid: header('x-wx-openid'),
      appid: header('x-wx-appid') || this.parts.appId,
      clientIp: req.socket.remoteAddress ?? '',
    };
    // WeChat adds userInfo to every event from the mini-program; identity still comes from getWXContext().
    const event = isPlainObject(data) ? { ...data, userInfo: { appId: caller.appid, openId: caller.openid } } : data;
    const out = await this.parts.runtime.invoke(name, event, caller);
    if (!out) {
      return send(res, 404, { errCode: -501000, errMsg: `cloud.callFunction:fail FunctionName parameter could not be found: ${name}` });
    }
    const headers = {
      'x-localcloud-invocation': out.invocation.id,
      'x-localcloud-db-requests': String(out.invocation.dbRequests),
      'x-localcloud-db-round-trips': String(out.invocation.dbRoundTrips),
    };
    if (!out.ok) return send(res, 500, callFunctionFailure(out), headers);
    send(res, 200, { result: out.result, errMsg: 'cloud.callFunction:ok', requestID: out.invocation.id }, headers);
  }
}

async function adminBody(req: http.IncomingMessage): Promise<Body & { action: string }> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8'));
  } catch {
    throw new StoreError('INVALID_PARAM', 'request body is not JSON');
  }
  if (!isPlainObject(body) || typeof body.action !== 'string') throw new StoreError('INVALID_PARAM', 'missing action');
  return { ...body, action: body.action };
}
