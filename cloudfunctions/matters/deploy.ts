// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
// One timer (WeChat allows one per function): every 30 minutes the overdue escalation, and in the
// 09:00 run the calendar check (timers.ts).
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({
  timeout: 60,
  openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'],
  timer: { name: 'schedule', cron: '0 */30 * * * * *' },
});
