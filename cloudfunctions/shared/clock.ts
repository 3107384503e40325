// The one "now" of every function: business dates (records, deadlines, month ends, expiry) are read
// from here, never from `new Date()` scattered through the code. In production it is the function's
// clock; on the local cloud each instance's `Date` follows the movable clock (LOCALCLOUD_NOW and the
// tests' setClock), so a demo or a test sees the same "now" everywhere.
export function currentTime(): Date {
  return new Date();
}
