// wx.* APIs answer through success / fail / complete callbacks, always later than the call returns
// (never inside it): the page tests' stand-ins of WeChat's own APIs answer the same way, through here.
export interface Callbacks<S, F = { errMsg: string }> {
  success?: (res: S) => void;
  fail?: (err: F) => void;
  complete?: (res: S | F) => void;
}

export type Outcome<S, F = { errMsg: string }> = { ok: true; res: S } | { ok: false; err: F };

/** Answers on a later turn of the event loop, as WeChat does. */
export function later<S, F>(option: Callbacks<S, F>, outcome: Outcome<S, F>): void {
  setTimeout(() => {
    if (outcome.ok) {
      option.success?.(outcome.res);
      option.complete?.(outcome.res);
    } else {
      option.fail?.(outcome.err);
      option.complete?.(outcome.err);
    }
  }, 0);
}

/** Succeeds later with `res`. */
export function succeedLater<S>(option: Callbacks<S>, res: S): void {
  later(option, { ok: true, res });
}

/** Fails later with WeChat's errMsg. */
export function failLater<S>(option: Callbacks<S>, errMsg: string): void {
  later(option, { ok: false, err: { errMsg } });
}
