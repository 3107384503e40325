// points.rules: the village's rules in force and their versions, readable by every villager, with
// what the caller may self-report (the record page's terms, from the same rules points.record uses).
import type { Recorder, RecordingTerms, RulesResult } from '../../typings';
import { currentUser, villageOf } from '../shared/users';
import type { RuleSet } from '../shared/points/model';
import { MAX_AGE_DAYS, mayRecordItem } from '../shared/points/policy';
import { inForce, ruleSets } from './context';
import { ruleSetView } from './views';
import { isSecretary } from '../shared/access';

export function recordingTerms(current: RuleSet | null, recorder: Recorder): RecordingTerms {
  const itemCodes = (current?.items ?? []).filter((i) => mayRecordItem(i, recorder)).map((i) => i.code);
  return { recorder, itemCodes, maxAgeDays: MAX_AGE_DAYS };
}

export async function rules(openid: string): Promise<RulesResult> {
  const user = await currentUser(openid);
  const sets = await ruleSets(villageOf(user));
  const current = inForce(sets);
  return {
    current: current ? ruleSetView(current) : null,
    versions: sets.map((s) => ({ id: s._id, version: s.version, effectiveFrom: s.effectiveFrom })),
    canAdopt: isSecretary(user),
    recording: recordingTerms(current, 'self'),
  };
}
