// Subscribe messages (订阅消息). A user who has not subscribed makes WeChat refuse the send: that
// must never fail the action that wanted to tell them, so failures are logged and swallowed.
import { cloud } from './sdk';

/** Template IDs, set per deployment in the mini-program console (订阅消息 → 我的模板). */
export const TEMPLATES = {
  reviewNeeded: 'TPL_REVIEW_NEEDED',
  recordOutcome: 'TPL_RECORD_OUTCOME',
  deduction: 'TPL_DEDUCTION',
  objectionRaised: 'TPL_OBJECTION_RAISED',
  objectionResolved: 'TPL_OBJECTION_RESOLVED',
  // 村民说事: cadres hear of a new (or reopened) matter, the raiser of every answer, an assignee of
  // the matter handed to them, the secretary and assignee of an overdue one, the handler of a rating,
  // the town admin of a missing holiday calendar.
  matterNew: 'TPL_MATTER_NEW',
  matterUpdate: 'TPL_MATTER_UPDATE',
  matterAssigned: 'TPL_MATTER_ASSIGNED',
  matterOverdue: 'TPL_MATTER_OVERDUE',
  matterRated: 'TPL_MATTER_RATED',
  calendarMissing: 'TPL_CALENDAR_MISSING',
  // The notice board and 书记公开信: a 通知 to the villagers who agreed, the secretary's reply to a
  // comment to its author (both sent only against a recorded grant, see shared/board/push.ts).
  boardNotice: 'TPL_BOARD_NOTICE',
  boardReply: 'TPL_BOARD_REPLY',
} as const;

/** Template fields are limited ("thing" values to 20 characters). */
export function thing(text: string): { value: string } {
  return { value: text.length > 20 ? `${text.slice(0, 19)}…` : text };
}

export async function notify(
  touser: string,
  template: keyof typeof TEMPLATES,
  page: string,
  data: Record<string, { value: string }>,
): Promise<void> {
  if (!touser) return;
  try {
    await cloud.openapi.subscribeMessage.send({ touser, templateId: TEMPLATES[template], page, data, miniprogramState: 'formal' });
  } catch (e) {
    console.warn(`subscribe message ${template} to ${touser} not sent`, e);
  }
}
