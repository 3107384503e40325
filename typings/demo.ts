// The demo village's identities (local cloud only): who a developer can be in local mode.
export interface DemoIdentity {
  openid: string;
  /** e.g. "村书记 王建国" */
  label: string;
}
