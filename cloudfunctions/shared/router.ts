// One router per function: maps `event.action` to a handler, validates `event.payload` with the
// handler's schema, takes identity only from getWXContext(), and answers with the one envelope.
import * as z from 'zod';
import type { ActionName, Envelope, FunctionName, RequestOf, ResponseOf } from '../../typings';
import { AppError } from './errors';
import { cloud } from './sdk';
import { isConflict } from './tx';

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
  return Object.prototype.hasOwnProperty.call(handlers, action);
}

/** Timer triggers of the function's config.json, by trigger name; `at` is when the cloud fired it. */
export type Timers = Record<string, (at: Date) => Promise<unknown>>;

const timerEventSchema = z.object({ Type: z.literal('Timer'), TriggerName: z.string(), Time: z.string().optional() });

/**
 * A timer trigger's event, honoured only without a caller: WeChat sets OPENID on every call from the
 * mini-program, so a user cannot pass their call off as the timer.
 */
async function runTimer(timers: Timers, event: unknown): Promise<Envelope<unknown> | null> {
  const timer = timerEventSchema.safeParse(event);
  if (!timer.success || cloud.getWXContext().OPENID) return null;
  const run = timers[timer.data.TriggerName];
  if (!run) return { ok: false, error: new AppError('COMMON.UNKNOWN_ACTION').toBody() };
  const at = timer.data.Time ? new Date(timer.data.Time) : new Date();
  return { ok: true, data: await run(Number.isNaN(at.getTime()) ? new Date() : at) };
}

export function createFunction<F extends FunctionName>(name: F, handlers: Handlers<F>, timers: Timers = {}) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const timed = await runTimer(timers, event);
      if (timed) return timed;
      const parsed = eventSchema.safeParse(event);
      if (!parsed.success) throw invalid(parsed.error);
      const { action, payload } = parsed.data;
      if (!isAction(handlers, action)) throw new AppError('COMMON.UNKNOWN_ACTION');
      const { OPENID } = cloud.getWXContext();
      if (!OPENID) throw new AppError('AUTH.NO_IDENTITY');
      const data = await dispatch<F, typeof action>(handlers[action], payload, { openid: OPENID });
      return { ok: true, data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() };
      // A transaction that kept meeting others' writes wrote nothing: the user may try again.
      if (isConflict(e)) return { ok: false, error: new AppError('COMMON.BUSY').toBody() };
      console.error(`[${name}]`, e);
      return { ok: false, error: new AppError('COMMON.INTERNAL').toBody() };
    }
  };
}
