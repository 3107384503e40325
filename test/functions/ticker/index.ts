// A test-only cloud function with timer triggers (config.json): records every run in "ticks".
import cloud from 'wx-server-sdk';
import { add } from '../../support/sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

interface TimerEvent {
  Type?: string;
  TriggerName?: string;
  Time?: string;
}

export async function main(event: TimerEvent): Promise<unknown> {
  const ctx = cloud.getWXContext();
  const db = cloud.database();
  await add(db.collection('ticks'), { trigger: event.TriggerName ?? '', time: event.Time ?? '', openid: ctx.OPENID ?? '', ranAt: db.serverDate() });
  return { event, openid: ctx.OPENID ?? '', source: ctx.SOURCE ?? '' };
}
