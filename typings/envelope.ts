// The one envelope every cloud function answers with, success or failure.
import type { ErrorCode } from './errors';

export interface AppErrorBody {
  /** Stable, for code: never shown to the user. */
  code: ErrorCode;
  /** Short Simplified Chinese, for the user. */
  message: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/** What the mini-program sends as `data` of wx.cloud.callFunction. */
export interface CallData<A extends string = string, P = unknown> {
  action: A;
  payload: P;
}
