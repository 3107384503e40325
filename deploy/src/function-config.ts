// Reads a built function's config.json in WeChat cloud's documented format: `timeout` (seconds),
// `triggers` (timer triggers, each { name, type: "timer", config: 7-field cron }) and
// `permissions.openapi` (the cloud-call APIs the function may use). Anything else is refused, so a
// deployment never silently drops a setting the cloud would not take.
import * as z from 'zod';

/** WeChat cloud's timeout when config.json sets none (seconds). */
export const DEFAULT_TIMEOUT_S = 3;
/** The most the console allows (seconds). */
export const MAX_TIMEOUT_S = 60;

const timer = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, 'a trigger name is letters, digits, - and _'),
  type: z.literal('timer'),
  // Seven fields: second minute hour day-of-month month day-of-week year.
  config: z.string().refine((c) => c.trim().split(/\s+/).length === 7, 'a timer config is a 7-field cron'),
});

const functionConfig = z.strictObject({
  timeout: z.number().int().min(1).max(MAX_TIMEOUT_S).optional(),
  triggers: z.array(timer).optional(),
  permissions: z.strictObject({ openapi: z.array(z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, 'an API is <module>.<method>')) }).optional(),
});

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionConfig {
  /** Seconds; DEFAULT_TIMEOUT_S when config.json sets none. */
  timeout: number;
  timeoutDeclared: boolean;
  triggers: TimerTrigger[];
  openapi: string[];
}

export type ConfigResult = { ok: true; config: FunctionConfig } | { ok: false; problem: string };

/** Parses the text of a config.json; an absent file (null) is the cloud's defaults. */
export function parseFunctionConfig(text: string | null): ConfigResult {
  if (text === null) return { ok: true, config: { timeout: DEFAULT_TIMEOUT_S, timeoutDeclared: false, triggers: [], openapi: [] } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `config.json is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = functionConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, problem: `config.json: ${where}${issue?.message ?? 'invalid'}` };
  }
  const { timeout, triggers = [], permissions } = parsed.data;
  return {
    ok: true,
    config: {
      timeout: timeout ?? DEFAULT_TIMEOUT_S,
      timeoutDeclared: timeout !== undefined,
      triggers,
      openapi: [...(permissions?.openapi ?? [])].sort(),
    },
  };
}
