// /_localcloud/...: the control endpoints for tests and tools — health, the environment (deploy:check),
// demo identities, the movable clock, the outbox of WeChat's services, writes since a moment, scan
// warnings, an invocation's record, and timer triggers fired on demand.
import type http from 'node:http';
import { clock } from './clock';
import { isPlainObject } from './ejson';
import { describeEnvironment } from './environment';
import { timerEvent } from './functions/timers';
import { readBody, send } from './http-util';
import type { ServerParts } from './server';

type Route = (parts: ServerParts, req: http.IncomingMessage, res: http.ServerResponse, method: string) => Promise<void> | void;

async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
  return JSON.parse((await readBody(req)).toString('utf8') || '{}');
}

async function clockRoute(_parts: ServerParts, req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
  if (method === 'POST') {
    const body = await jsonBody(req);
    clock.set(isPlainObject(body) && typeof body.now === 'string' ? body.now : null);
  }
  if (method === 'DELETE') clock.set(null);
  send(res, 200, { now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs });
}

const routes: Record<string, Route> = {
  '/_localcloud/health': ({ db, runtime }, _req, res) =>
    send(res, 200, { ok: true, collections: db.collectionNames(), functions: runtime.list().map((f) => f.name) }),
  '/_localcloud/environment': ({ db, runtime }, _req, res) => send(res, 200, describeEnvironment(db, runtime)),
  '/_localcloud/demo-identities': (parts, _req, res) => send(res, 200, { identities: parts.demoIdentities() }),
  '/_localcloud/clock': clockRoute,
  '/_localcloud/outbox': ({ outbox }, _req, res, method) => {
    if (method === 'DELETE') outbox.clear();
    send(res, 200, { entries: outbox.list() });
  },
  '/_localcloud/writes': ({ db }, req, res) => {
    const since = Number(new URL(req.url ?? '', 'http://x').searchParams.get('since') ?? '0');
    send(res, 200, db.writesSince(Number.isFinite(since) ? since : 0));
  },
  '/_localcloud/warnings': ({ db }, _req, res, method) => {
    if (method === 'DELETE') db.warnings.length = 0;
    send(res, 200, { warnings: db.warnings });
  },
};

/** POST /_localcloud/timers/<function>/<trigger>: fires a timer now, or "at" { "time": ISO }. */
async function fireTimer(
  parts: ServerParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
  triggerName: string,
): Promise<void> {
  const { runtime } = parts;
  const fn = runtime.info(name);
  const trigger = fn?.triggers.find((t) => t.name === triggerName);
  if (!fn || !trigger) return send(res, 404, { code: 'NOT_FOUND', message: `no timer ${name}/${triggerName}` });
  // An optional { "time": ISO string } fires the trigger "at" a chosen moment: the run's clock
  // (Date inside the function) reads that moment, as it would when the cloud fires it then.
  const body = await jsonBody(req);
  const at = isPlainObject(body) && typeof body.time === 'string' ? new Date(body.time) : new Date(clock.now());
  if (Number.isNaN(at.getTime())) return send(res, 400, { code: 'INVALID_PARAM', message: 'time is not a date' });
  const out = await runtime.invoke(fn.name, timerEvent(trigger, at), null, { trigger: 'timer', at });
  send(res, out?.ok ? 200 : 500, out?.ok ? { result: out.result, invocation: out.invocation } : { message: out?.message });
}

export async function control(
  parts: ServerParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  p: string,
  method: string,
): Promise<void> {
  const route = routes[p];
  if (route) return route(parts, req, res, method);
  const inv = /^\/_localcloud\/invocations\/([0-9a-f]+)$/.exec(p);
  if (inv?.[1]) {
    const found = parts.runtime.invocation(inv[1]);
    return found ? send(res, 200, found) : send(res, 404, { code: 'NOT_FOUND', message: 'no such invocation' });
  }
  const timer = /^\/_localcloud\/timers\/([^/]+)\/([^/]+)$/.exec(p);
  if (timer?.[1] && timer[2] && method === 'POST') return fireTimer(parts, req, res, timer[1], timer[2]);
  send(res, 404, { code: 'NOT_FOUND', message: `no route for ${method} ${p}` });
}
