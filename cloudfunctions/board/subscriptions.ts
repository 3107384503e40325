// Subscribe-message grants: the templates a villager may agree to, and recording what they accepted
// (wx.requestSubscribeMessage answers per template; WeChat allows one message per acceptance).
import type { SubscribedResult } from '../../typings';
import { C } from '../shared/collections';
import { getById } from '../shared/repo';
import { db } from '../shared/sdk';
import { currentUser, villageOf } from '../shared/users';
import { subscriptionSchema } from '../shared/board/model';
import { addGrants } from '../shared/board/policy';
import { keysOf } from '../shared/board/push';
import { currentTime } from '../shared/clock';

export async function subscribed(openid: string, accepted: string[]): Promise<SubscribedResult> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const keys = keysOf(accepted);
  const existing = await getById(C.boardSubscriptions, openid, subscriptionSchema);
  if (!keys.length) return { grants: existing?.grants ?? {} };
  const grants = addGrants(existing?.grants ?? {}, keys);
  // The whole document (an upsert): grants follow the user's present village.
  await db
    .collection(C.boardSubscriptions)
    .doc(openid)
    .set({ data: { villageId, grants, updatedAt: currentTime() } });
  return { grants };
}
