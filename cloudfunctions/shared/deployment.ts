// What the cloud must know about a function besides its code: its timeout, the cloud calls
// (cloud.openapi.*) it makes, and its one timer trigger. Each function declares this once, in its
// deploy.ts; localcloud/build.mjs writes the function's config.json from it, which both the local
// cloud and the deployment read. Nothing else says it.

/** The cloud calls a function may declare (WeChat refuses undeclared ones with -604101). */
export type OpenApiName =
  | 'security.msgSecCheck'
  | 'security.imgSecCheck'
  | 'security.mediaCheckAsync'
  | 'subscribeMessage.send'
  | 'wxacode.getUnlimited'
  | 'phonenumber.getPhoneNumber';

export interface FunctionDeployment {
  /** Seconds, 1–60 (WeChat cloud's default is 3). Sized so its biggest batch takes at most half of it at 15 ms per database request. */
  timeout: number;
  /** Exactly the cloud calls the function makes. */
  openapi: OpenApiName[];
  /** The one timer trigger WeChat cloud allows a function: a 7-field cron in China time. */
  timer?: { name: string; cron: string };
}

export function declareFunction(d: FunctionDeployment): FunctionDeployment {
  return d;
}

/** The config.json WeChat DevTools and the CLI upload with the function. */
export function configJson(d: FunctionDeployment): Record<string, unknown> {
  return {
    timeout: d.timeout,
    permissions: { openapi: [...d.openapi].sort() },
    ...(d.timer ? { triggers: [{ name: d.timer.name, type: 'timer', config: d.timer.cron }] } : {}),
  };
}
