// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
// The sweep works within a budget of half its timeout (timer.ts).
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({
  timeout: 60,
  openapi: ['subscribeMessage.send'],
  timer: { name: 'sweep', cron: '0 */10 * * * * *' },
});
