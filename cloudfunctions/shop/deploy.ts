// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({
  timeout: 60,
  openapi: ['security.msgSecCheck'],
  timer: { name: 'expire', cron: '0 5 * * * * *' },
});
