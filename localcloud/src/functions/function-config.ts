// A function's config.json, read and checked as WeChat cloud reads it when the function is
// uploaded: `timeout` (1–60 s; 3 s when absent), `triggers` (at most one, a timer), and
// `permissions.openapi` (the cloud calls it may make). Anything else is refused, so a config that
// the cloud would reject or ignore fails here first, when the function is loaded.
import fs from 'node:fs';
import path from 'node:path';
import { isPlainObject } from '../ejson';

export interface TimerTrigger {
  name: string;
  config: string;
}

export interface FunctionConfig {
  timeoutMs: number;
  triggers: TimerTrigger[];
  openapi: string[];
}

/**
 * The cloud's default timeout of a function whose config sets none (默认是3s: the answer in
 * https://developers.weixin.qq.com/community/develop/doc/00002239298b588f9b8bed99a51800), and the
 * most the console sets (最大 60s: https://docs.cloudbase.net/en/cloud-function/faq).
 */
export const DEFAULT_TIMEOUT_S = 3;
export const MAX_TIMEOUT_S = 60;

/** Keys a config.json may hold here. (The cloud also takes `envVariables`; nothing here uses them, so they are refused rather than silently ignored.) */
const KNOWN_KEYS = ['timeout', 'triggers', 'permissions'];

/** The docs' words for a second trigger (云函数定时触发器: "triggers 字段是触发器数组…"). */
export const ONE_TRIGGER_ONLY = 'triggers 字段是触发器数组，目前仅支持一个触发器，即数组只能填写一个，不可添加多个';

export class FunctionConfigError extends Error {
  constructor(fn: string, message: string) {
    super(`config.json of ${fn}: ${message}`);
  }
}

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

function triggersOf(fn: string, raw: unknown): TimerTrigger[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new FunctionConfigError(fn, 'triggers 必须是数组');
  if (raw.length > 1) throw new FunctionConfigError(fn, ONE_TRIGGER_ONLY);
  return raw.map((t: unknown) => {
    if (!isPlainObject(t)) throw new FunctionConfigError(fn, 'trigger 必须是对象');
    const extra = Object.keys(t).filter((k) => !['name', 'type', 'config'].includes(k));
    if (extra.length) throw new FunctionConfigError(fn, `trigger 不支持的字段: ${extra.join(', ')}`);
    const { name, type, config } = t;
    if (type !== 'timer') throw new FunctionConfigError(fn, 'type: 触发器类型，目前仅支持 timer (即 定时触发器)');
    if (typeof name !== 'string' || !TRIGGER_NAME.test(name)) {
      throw new FunctionConfigError(fn, 'name: 最大支持 60 个字符，支持 a-z, A-Z, 0-9, - 和 _。必须以字母开头');
    }
    if (typeof config !== 'string' || config.trim().split(/\s+/).length !== 7) {
      throw new FunctionConfigError(fn, 'config: Cron 表达式有七个必需字段，按空格分隔');
    }
    return { name, config };
  });
}

function openapiOf(fn: string, raw: unknown): string[] {
  if (raw === undefined) return [];
  if (!isPlainObject(raw)) throw new FunctionConfigError(fn, 'permissions 必须是对象');
  const extra = Object.keys(raw).filter((k) => k !== 'openapi');
  if (extra.length) throw new FunctionConfigError(fn, `permissions 不支持的字段: ${extra.join(', ')}`);
  const list = raw.openapi ?? [];
  if (!Array.isArray(list) || !list.every((a): a is string => typeof a === 'string' && /^[A-Za-z]+\.[A-Za-z]+$/.test(a))) {
    throw new FunctionConfigError(fn, 'permissions.openapi 是个字符串数组字段，值必须为所需调用的服务端接口名称（<类别>.<方法>）');
  }
  return list;
}

function timeoutOf(fn: string, raw: unknown): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_S * 1000;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > MAX_TIMEOUT_S) {
    throw new FunctionConfigError(fn, `timeout 必须是 1 到 ${MAX_TIMEOUT_S} 之间的整数（秒）`);
  }
  return raw * 1000;
}

/** Parses a config.json text (empty for a function without one). */
export function parseFunctionConfig(fn: string, text: string | null): FunctionConfig {
  if (text === null) return { timeoutMs: DEFAULT_TIMEOUT_S * 1000, triggers: [], openapi: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FunctionConfigError(fn, 'not valid JSON');
  }
  if (!isPlainObject(parsed)) throw new FunctionConfigError(fn, 'must be a JSON object');
  const unknown = Object.keys(parsed).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length) throw new FunctionConfigError(fn, `不支持的字段: ${unknown.join(', ')}（支持 ${KNOWN_KEYS.join(', ')}）`);
  return {
    timeoutMs: timeoutOf(fn, parsed.timeout),
    triggers: triggersOf(fn, parsed.triggers),
    openapi: openapiOf(fn, parsed.permissions),
  };
}

export function readFunctionConfig(fn: string, dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json');
  return parseFunctionConfig(fn, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
}
