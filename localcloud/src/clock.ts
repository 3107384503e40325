// The local cloud's clock, the one source of "now" for everything it serves and seeds. It may start at
// a chosen instant (LOCALCLOUD_NOW) and tests may move it (POST /_localcloud/clock { "now": ISO }) to
// see a month end, a notice period or a deadline pass without waiting. It shifts the server's time
// (db.serverDate) and, through LOCALCLOUD_CLOCK_OFFSET_MS, `Date` inside the function instances.
export const clock = {
  offsetMs: 0,
  /** The offset the cloud started with (LOCALCLOUD_NOW), which a reset returns to. */
  startOffsetMs: 0,
  now(): number {
    return Date.now() + this.offsetMs;
  },
  /** Moves the clock to `iso`, or back to where it would be had it never been moved (null). */
  set(iso: string | null): void {
    this.offsetMs = iso ? Date.parse(iso) - Date.now() : this.startOffsetMs;
  },
  /** Starts the clock at `iso` (LOCALCLOUD_NOW); it runs on from there. */
  start(iso: string): void {
    this.set(iso);
    this.startOffsetMs = this.offsetMs;
  },
};

/** The offset a function invocation carries (set by the runtime for each call). */
const invocationOffset = (): number => Number(process.env.LOCALCLOUD_CLOCK_OFFSET_MS || 0);

/**
 * Installs a `Date` shifted by `offset()` ms: in a function instance, the offset its invocation
 * carries; in a test process, the offset of the cloud it talks to.
 */
export function installShiftedDate(offset: () => number = invocationOffset): void {
  const RealDate = Date;
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
