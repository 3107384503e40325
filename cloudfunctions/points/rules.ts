// points.rules: the village's rules in force and their versions, readable by every villager.
import type { RulesResult } from '../../typings';
import { currentUser, villageOf } from '../shared/users';
import { inForce, ruleSets } from './context';
import { ruleSetView } from './views';
import { isSecretary } from '../shared/access';

export async function rules(openid: string): Promise<RulesResult> {
  const user = await currentUser(openid);
  const sets = await ruleSets(villageOf(user));
  const current = inForce(sets);
  return {
    current: current ? ruleSetView(current) : null,
    versions: sets.map((s) => ({ id: s._id, version: s.version, effectiveFrom: s.effectiveFrom })),
    canAdopt: isSecretary(user),
  };
}
