// A test-only cloud function with a timer trigger (config.json): records every run in "ticks",
// with what the cloud tells a timer run (SOURCE, TRIGGER_SRC) and the time its clock reads.
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
  const now = new Date().toISOString();
  await add(db.collection('ticks'), {
    trigger: event.TriggerName ?? '',
    time: event.Time ?? '',
    openid: ctx.OPENID ?? '',
    ranAt: db.serverDate(),
  });
  return { event, openid: ctx.OPENID ?? '', source: ctx.SOURCE ?? '', triggerSrc: process.env.TRIGGER_SRC ?? '', now };
}
