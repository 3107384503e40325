// Subscribe messages of the notice board and the letters, sent only against a grant the user gave:
// the mini-program asks (wx.requestSubscribeMessage) and reports the accepted templates, which are
// recorded per user (boardSubscriptions); each message takes one grant, taken atomically before it
// is sent, so a grant is never used twice and nobody who did not agree is sent anything.
import type { SubscribeTemplate } from '../../../typings';
import { C } from '../collections';
import { TEMPLATES } from '../notify';
import { listAll, updatedOf } from '../repo';
import { _, cloud, db } from '../sdk';
import { subscriptionSchema } from './model';

export type BoardTemplate = 'notice' | 'reply';

export const BOARD_TEMPLATES: Record<BoardTemplate, { template: keyof typeof TEMPLATES; title: string }> = {
  notice: { template: 'boardNotice', title: '村里发布新通知时提醒我' },
  reply: { template: 'boardReply', title: '村书记回复我的留言时提醒我' },
};

const KEYS: BoardTemplate[] = ['notice', 'reply'];

export function subscribeTemplates(): SubscribeTemplate[] {
  return KEYS.map((key) => ({ key, id: TEMPLATES[BOARD_TEMPLATES[key].template], title: BOARD_TEMPLATES[key].title }));
}

/** The board's template keys among accepted template IDs (others are ignored). */
export function keysOf(templateIds: string[]): BoardTemplate[] {
  return KEYS.filter((k) => templateIds.includes(TEMPLATES[BOARD_TEMPLATES[k].template]));
}

type Data = Record<string, { value: string }>;

async function send(touser: string, key: BoardTemplate, page: string, data: Data): Promise<boolean> {
  try {
    await cloud.openapi.subscribeMessage.send({
      touser,
      templateId: TEMPLATES[BOARD_TEMPLATES[key].template],
      page,
      data,
      miniprogramState: 'formal',
    });
    return true;
  } catch (e) {
    console.warn(`subscribe message ${key} to ${touser} not sent`, e);
    return false;
  }
}

/** One message to one user if they hold a grant (one request to take it); false when they hold none. */
export async function sendAgainstGrant(openid: string, key: BoardTemplate, page: string, data: Data): Promise<boolean> {
  const field = `grants.${key}`;
  const res: unknown = await db
    .collection(C.boardSubscriptions)
    .where({ _id: openid, [field]: _.gt(0) })
    .update({ data: { [field]: _.inc(-1) } });
  if (updatedOf(res) !== 1) return false;
  return send(openid, key, page, data);
}

const CHUNK = 500;
const CONCURRENCY = 10;

/**
 * One message to every user of the village holding a grant. Database requests: one read per 1,000
 * holders, one update per 500; the sends go out ten at a time. Answers how many were sent.
 */
export async function pushToVillage(villageId: string, key: BoardTemplate, page: string, data: Data): Promise<number> {
  const field = `grants.${key}`;
  const holders = await listAll(C.boardSubscriptions, { villageId, [field]: _.gt(0) }, subscriptionSchema);
  const ids = holders.map((h) => h._id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .collection(C.boardSubscriptions)
      .where({ villageId, _id: _.in(ids.slice(i, i + CHUNK)), [field]: _.gt(0) })
      .update({ data: { [field]: _.inc(-1) } });
  }
  let sent = 0;
  for (let i = 0; i < ids.length; i += CONCURRENCY) {
    const results = await Promise.all(ids.slice(i, i + CONCURRENCY).map((id) => send(id, key, page, data)));
    sent += results.filter(Boolean).length;
  }
  return sent;
}
