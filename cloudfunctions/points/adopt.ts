// points.adopt: the secretary records a new version of the village's 村规民约积分条款 as adopted by the
// villagers' assembly (三上三下): the items (from the 5+X template or the version in force, edited),
// the meeting, the votes, and the date it takes effect. Versions are never changed afterwards: a
// record keeps the version it was scored under.
import type { AdoptRequest, RuleSetView } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, isDate } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { ruleSetSchema, type RuleSet } from '../shared/points/model';
import { keyedId } from '../shared/points/ids';
import { getById } from '../shared/repo';
import { TEMPLATE_ITEMS } from '../shared/rules/template';
import { db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';
import { currentUser, villageOf } from '../shared/users';
import { ruleSets } from './context';
import { ruleSetView } from './views';
import { isSecretary } from '../shared/access';

/** The checks a version must pass, as a plain function. Returns the Chinese reason, or null. */
export function adoptionProblem(req: AdoptRequest, today: string): string | null {
  if (!isDate(req.effectiveFrom) || !isDate(req.adoption.meetingDate)) return '日期格式不对';
  if (req.effectiveFrom < today) return '生效日期不能早于今天';
  if (req.adoption.meetingDate > today) return '村民大会还没有开，不能登记表决结果';
  const codes = new Set(req.items.map((i) => i.code));
  if (codes.size !== req.items.length) return '积分项编号不能重复';
  const { attendees, votesFor, votesAgainst, abstentions } = req.adoption;
  if (votesFor + votesAgainst + abstentions > attendees) return '表决票数不能多于到会人数';
  if (votesFor * 2 <= attendees) return '赞成票没有过到会人数的一半，不能通过';
  return null;
}

export function templateItems(): AdoptRequest['items'] {
  return TEMPLATE_ITEMS;
}

export async function adopt(req: AdoptRequest, openid: string): Promise<RuleSetView> {
  const user = await currentUser(openid);
  if (!isSecretary(user)) throw new AppError('AUTH.FORBIDDEN', '只有村书记可以登记新的积分规则');
  const villageId = villageOf(user);
  const problem = adoptionProblem(req, chinaDate());
  if (problem) throw new AppError('COMMON.INVALID_INPUT', problem);
  const id = keyedId('rules-', villageId, req.clientKey);
  const retried = await getById(C.ruleSets, id, ruleSetSchema);
  if (retried) return ruleSetView(retried);
  const latest = (await ruleSets(villageId))[0];
  if (latest && latest.effectiveFrom >= req.effectiveFrom) throw new AppError('COMMON.INVALID_INPUT', '新版本的生效日期要晚于上一版');
  const set: RuleSet = ruleSetSchema.parse({
    _id: id,
    villageId,
    version: (latest?.version ?? 0) + 1,
    effectiveFrom: req.effectiveFrom,
    adoption: req.adoption,
    items: req.items.map((i) => (i.points < 0 ? { ...i, recordedBy: ['cadre'] } : i)),
    createdBy: user._id,
  });
  try {
    // The unique index on (villageId, version) refuses a second version with the same number.
    await db.collection(C.ruleSets).add({ data: set });
  } catch (e) {
    if (isDuplicateKey(e)) throw new AppError('COMMON.BUSY', '刚有人登记了新版本，请刷新后再试');
    throw e;
  }
  return ruleSetView(set);
}
