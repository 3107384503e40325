// A test-only cloud function whose timer fires every second (config.json): it counts its runs.
import cloud from 'wx-server-sdk';
import { add } from '../../support/sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export async function main(event: { TriggerName?: string }): Promise<unknown> {
  const db = cloud.database();
  await add(db.collection('ticks'), {
    trigger: event.TriggerName ?? '',
    source: cloud.getWXContext().SOURCE ?? '',
    ranAt: db.serverDate(),
  });
  return { ok: true };
}
