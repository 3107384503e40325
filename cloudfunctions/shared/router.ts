// One router per function: maps `event.action` to a handler, validates `event.payload` with the
// handler's schema, takes identity only from getWXContext(), and answers with the one envelope.
import * as z from 'zod';
import type { ActionName, AppErrorBody, Envelope, FunctionName, RequestOf, ResponseOf } from '../../typings';
import { AppError } from './errors';
import { mediaVerdictOf, type MediaVerdict } from './media-verdict';
import { cloud } from './sdk';
import { isConflict } from './tx';
import { currentTime } from './clock';

export interface Ctx {
  /** The caller's openid, from WeChat, never from the request. */
  openid: string;
}

export interface Handler<Req, Res> {
  input: z.ZodType<Req>;
  run: (req: Req, ctx: Ctx) => Promise<Res>;
}

export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: Handler<RequestOf<F, A>, ResponseOf<F, A>>;
};

const eventSchema = z.object({ action: z.string().min(1).max(64), payload: z.unknown().optional() });

function invalid(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `（${issue.path.join('.')}）` : '';
  return new AppError('COMMON.INVALID_INPUT', `填写的内容有误${where}，请检查后再试`);
}

/** Runs one action with the handlers' own types, whatever the action's name. */
async function dispatch<F extends FunctionName, A extends ActionName<F>>(
  handler: Handler<RequestOf<F, A>, ResponseOf<F, A>>,
  payload: unknown,
  ctx: Ctx,
): Promise<ResponseOf<F, A>> {
  const parsed = handler.input.safeParse(payload ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  return handler.run(parsed.data, ctx);
}

function isAction<F extends FunctionName>(handlers: Handlers<F>, action: string): action is ActionName<F> {
  return Object.hasOwn(handlers, action);
}

/** The function's one timer trigger (declared in its deploy.ts); `now` is the clock's time. */
export type Timer = (now: Date) => Promise<unknown>;

const timerEventSchema = z.object({ Type: z.literal('Timer'), TriggerName: z.string() });

/**
 * A timer trigger's run, only when the cloud itself fired it: getWXContext().SOURCE is
 * "wx_trigger" for a timer and nothing else (a call from the mini-program, the HTTP API or another
 * function says so in SOURCE). The time is the clock's, never the event's `Time`.
 */
async function runTimer(timer: Timer | undefined, event: unknown): Promise<Envelope<unknown> | null> {
  if (!timer || !timerEventSchema.safeParse(event).success || cloud.getWXContext().SOURCE !== 'wx_trigger') return null;
  return { ok: true, data: await timer(currentTime()) };
}

/** What a function does with a media check's verdict (security.mediaCheckAsync's message push). */
export type MediaVerdictHandler = (verdict: MediaVerdict) => Promise<unknown>;

/**
 * A media check's verdict, only when WeChat's message push delivered it (SOURCE "wx_message" on
 * the local cloud; the docs do not name the SOURCE of a push, so in doubt the push is ignored and
 * the files stay hidden): a user cannot pass their own call off as WeChat's verdict.
 */
async function runMediaVerdict(handler: MediaVerdictHandler | undefined, event: unknown): Promise<Envelope<unknown> | null> {
  if (!handler) return null;
  const verdict = mediaVerdictOf(event);
  if (!verdict || cloud.getWXContext().SOURCE !== 'wx_message') return null;
  return { ok: true, data: await handler(verdict) };
}

export function createFunction<F extends FunctionName>(
  name: F,
  handlers: Handlers<F>,
  timer?: Timer,
  onMediaVerdict?: MediaVerdictHandler,
) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const timed = (await runTimer(timer, event)) ?? (await runMediaVerdict(onMediaVerdict, event));
      return timed ?? { ok: true, data: await runAction(handlers, event) };
    } catch (e) {
      return { ok: false, error: errorBody(name, e) };
    }
  };
}

/** A caller's action: validated, dispatched to its handler with the caller's identity from WeChat. */
async function runAction<F extends FunctionName>(handlers: Handlers<F>, event: unknown): Promise<unknown> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const { action, payload } = parsed.data;
  if (!isAction(handlers, action)) throw new AppError('COMMON.UNKNOWN_ACTION');
  const { OPENID } = cloud.getWXContext();
  if (!OPENID) throw new AppError('AUTH.NO_IDENTITY');
  return dispatch<F, typeof action>(handlers[action], payload, { openid: OPENID });
}

/** What a failure becomes in the envelope: a refusal as it is, anything unexpected as COMMON.INTERNAL. */
function errorBody(name: string, e: unknown): AppErrorBody {
  if (e instanceof AppError) return e.toBody();
  // A transaction that kept meeting others' writes wrote nothing: the user may try again.
  if (isConflict(e)) return new AppError('COMMON.BUSY').toBody();
  console.error(`[${name}]`, e);
  return new AppError('COMMON.INTERNAL').toBody();
}
