// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
// Its biggest batches: reviewing 50 records, recording one item for 50 households.
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({
  timeout: 20,
  openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'],
});
