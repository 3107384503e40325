// Decoding and encoding of the strict EJSON strings that wx-server-sdk puts on the wire.
// Documents are held in memory as plain JS values (numbers, strings, Date, RegExp, arrays, objects).
import { BSONRegExp, EJSON } from 'bson';
import { clock } from './clock';

export type Doc = Record<string, unknown>;

/** The SDK's `db.serverDate({ offset })` marker: not EJSON, it must become the server's time. */
const SERVER_DATE = '$tcb_server_date';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Replaces every `{ $tcb_server_date: { offset } }` by a concrete EJSON date. */
function substituteServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => substituteServerDates(v, now));
  if (!isPlainObject(value)) return value;
  const marker = value[SERVER_DATE];
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = readOffset(marker);
    return { $date: { $numberLong: String(now + offset) } };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = substituteServerDates(v, now);
  return out;
}

function readOffset(marker: unknown): number {
  if (!isPlainObject(marker)) return 0;
  const raw = marker.offset;
  if (typeof raw === 'number') return raw;
  if (isPlainObject(raw)) {
    const n = raw.$numberInt ?? raw.$numberLong ?? raw.$numberDouble;
    if (typeof n === 'string') return Number(n);
  }
  return 0;
}

/** BSON types we do not keep become their plain JS form (regular expressions become RegExp). */
function toPlain(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''));
  if (Array.isArray(value)) return value.map(toPlain);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** Parses one EJSON string from the SDK. Throws SyntaxError on malformed input. */
export function decode(text: string, now: number = clock.now()): unknown {
  const raw: unknown = JSON.parse(text);
  const substituted = substituteServerDates(raw, now);
  const wrapped: unknown = EJSON.deserialize({ v: substituted }, { relaxed: true });
  return toPlain(isPlainObject(wrapped) ? wrapped.v : undefined);
}

export function decodeObject(text: string, now?: number): Doc {
  const value = decode(text, now);
  if (!isPlainObject(value)) throw new SyntaxError('expected an object');
  return value;
}

/** Canonical EJSON, which the SDK parses back into numbers and Dates. */
export function encode(value: unknown): string {
  return EJSON.stringify(value, { relaxed: false });
}

export { isPlainObject };
