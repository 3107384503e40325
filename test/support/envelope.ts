// The one check of a function's answer, for every test that calls the product's functions: the
// envelope's shape is checked; its data's type is the contract's, which the function is built from.
import type { AppErrorBody, Envelope } from '../../typings';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isErrorBody(v: unknown): v is AppErrorBody {
  return isRecord(v) && typeof v.code === 'string' && typeof v.message === 'string';
}

export function isEnvelope<T>(v: unknown): v is Envelope<T> {
  return isRecord(v) && ((v.ok === true && 'data' in v) || (v.ok === false && isErrorBody(v.error)));
}
