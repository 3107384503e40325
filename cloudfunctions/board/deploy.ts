// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
// Publishing a letter or board item tells every household head by subscribe message; its text goes
// to the content check and its pictures to the media check.
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({
  timeout: 60,
  openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'],
});
