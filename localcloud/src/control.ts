// The control endpoints under /_localcloud/ for tests and tools: health, the environment
// (deploy:check), demo identities, the movable clock, the outbox of messages sent, committed
// writes, scan warnings, invocations, and firing a timer trigger on demand.
import type http from 'node:http';
import { clock } from './clock';
import type { DemoIdentity } from './demo-module';
import { isPlainObject } from './ejson';
import { describeEnvironment } from './environment';
import type { FunctionRuntime } from './functions/runtime';
import { timerEvent } from './functions/timers';
import { readBody, send } from './http-io';
import type { Outbox } from './outbox';
import type { Database } from './store/database';

export interface ControlParts {
  db: Database;
  runtime: FunctionRuntime;
  outbox: Outbox;
  demoIdentities: () => DemoIdentity[];
}

interface Request {
  req: http.IncomingMessage;
  method: string;
}

type Answer = { status: number; body: unknown };
type Handler = (parts: ControlParts, r: Request) => Answer | Promise<Answer>;

const ok = (body: unknown): Answer => ({ status: 200, body });
const notFound = (message: string): Answer => ({ status: 404, body: { code: 'NOT_FOUND', message } });

async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
  return JSON.parse((await readBody(req)).toString('utf8') || '{}');
}

const exact: Record<string, Handler> = {
  health: ({ db, runtime }) => ok({ ok: true, collections: db.collectionNames(), functions: runtime.list().map((f) => f.name) }),
  environment: ({ db, runtime }) => ok(describeEnvironment(db, runtime)),
  'demo-identities': ({ demoIdentities }) => ok({ identities: demoIdentities() }),
  clock: async (_parts, { req, method }) => {
    if (method === 'POST') {
      const body = await jsonBody(req);
      clock.set(isPlainObject(body) && typeof body.now === 'string' ? body.now : null);
    }
    if (method === 'DELETE') clock.set(null);
    return ok({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs });
  },
  outbox: ({ outbox }, { method }) => {
    if (method === 'DELETE') outbox.clear();
    return ok({ entries: outbox.list() });
  },
  writes: ({ db }, { req }) => {
    const since = Number(new URL(req.url ?? '', 'http://x').searchParams.get('since') ?? '0');
    return ok(db.writesSince(Number.isFinite(since) ? since : 0));
  },
  warnings: ({ db }, { method }) => {
    if (method === 'DELETE') db.warnings.length = 0;
    return ok({ warnings: db.warnings });
  },
};

export async function controlRoute(
  parts: ControlParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  p: string,
  method: string,
): Promise<void> {
  const answer = await answerControl(parts, { req, method }, p);
  send(res, answer.status, answer.body);
}

async function answerControl(parts: ControlParts, r: Request, p: string): Promise<Answer> {
  const handler = exact[p.slice('/_localcloud/'.length)];
  if (handler) return handler(parts, r);
  const inv = /^\/_localcloud\/invocations\/([0-9a-f]+)$/.exec(p);
  if (inv?.[1]) {
    const found = parts.runtime.invocation(inv[1]);
    return found ? ok(found) : notFound('no such invocation');
  }
  const timer = /^\/_localcloud\/timers\/([^/]+)\/([^/]+)$/.exec(p);
  if (timer?.[1] && timer[2] && r.method === 'POST') return fireTimer(parts.runtime, r.req, timer[1], timer[2]);
  return notFound(`no route for ${r.method} ${p}`);
}

async function fireTimer(runtime: FunctionRuntime, req: http.IncomingMessage, name: string, triggerName: string): Promise<Answer> {
  const fn = runtime.info(name);
  const trigger = fn?.triggers.find((t) => t.name === triggerName);
  if (!fn || !trigger) return notFound(`no timer ${name}/${triggerName}`);
  // An optional { "time": ISO string } fires the trigger "at" a chosen moment: the run's clock
  // (Date inside the function) reads that moment, as it would when the cloud fires it then.
  const body = await jsonBody(req);
  const at = isPlainObject(body) && typeof body.time === 'string' ? new Date(body.time) : new Date(clock.now());
  if (Number.isNaN(at.getTime())) return { status: 400, body: { code: 'INVALID_PARAM', message: 'time is not a date' } };
  const out = await runtime.invoke(fn.name, timerEvent(trigger, at), null, { trigger: 'timer', at });
  return { status: out?.ok ? 200 : 500, body: out?.ok ? { result: out.result, invocation: out.invocation } : { message: out?.message } };
}
