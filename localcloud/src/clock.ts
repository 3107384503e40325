// The local cloud's clock, which tests may move (POST /_localcloud/clock { "now": ISO }) to see a
// month end, a notice period or a deadline pass without waiting. It shifts the server's time
// (db.serverDate) and, through LOCALCLOUD_CLOCK_OFFSET_MS, `Date` inside the function instances.
export const clock = {
  offsetMs: 0,
  now(): number {
    return Date.now() + this.offsetMs;
  },
  set(iso: string | null): void {
    this.offsetMs = iso ? Date.parse(iso) - Date.now() : 0;
  },
};

/** Installs, in a function instance, a `Date` shifted by the offset its invocation carries. */
export function installShiftedDate(): void {
  const RealDate = Date;
  const offset = (): number => Number(process.env.LOCALCLOUD_CLOCK_OFFSET_MS || 0);
  function ShiftedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(RealDate.now() + offset()).toString();
    return Reflect.construct(RealDate, args.length ? args : [RealDate.now() + offset()], new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = (): number => RealDate.now() + offset();
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: ShiftedDate, writable: true, configurable: true });
}
