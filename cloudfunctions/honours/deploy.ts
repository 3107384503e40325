// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
// The quarterly award runs on every village of the environment.
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({
  timeout: 60,
  openapi: [],
  timer: { name: 'quarterly', cron: '0 0 3 10,25 1,4,7,10 * *' },
});
