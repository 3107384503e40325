// Subscribe messages (订阅消息). A user who has not subscribed makes WeChat refuse the send: that
// must never fail the action that wanted to tell them, so failures are logged and swallowed.
import { cloud } from './sdk';

/** Template IDs, set per deployment in the mini-program console (订阅消息 → 我的模板). */
export const TEMPLATES = {
  reviewNeeded: 'TPL_REVIEW_NEEDED',
  recordOutcome: 'TPL_RECORD_OUTCOME',
  deduction: 'TPL_DEDUCTION',
} as const;

/** Template fields are limited ("thing" values to 20 characters). */
export function thing(text: string): { value: string } {
  return { value: text.length > 20 ? `${text.slice(0, 19)}…` : text };
}

export async function notify(touser: string, template: keyof typeof TEMPLATES, page: string, data: Record<string, { value: string }>): Promise<void> {
  if (!touser) return;
  try {
    await cloud.openapi.subscribeMessage.send({ touser, templateId: TEMPLATES[template], page, data, miniprogramState: 'formal' });
  } catch (e) {
    console.warn(`subscribe message ${template} to ${touser} not sent`, e);
  }
}
