// The separation-of-duties rules as plain functions: who may review a record when the village's only
// cadre is also its household (the supervision committee signs off), and who confirms what.
import { canReview, initialState } from '../../cloudfunctions/shared/points/policy';
import { mayConfirm, hasInterest } from '../../cloudfunctions/shared/access';
import { pointRecordSchema } from '../../cloudfunctions/shared/points/model';
import { VILLAGE, user } from '../village/fixtures';

const v = VILLAGE._id;
const onlyCadre = user({ _id: 'c', name: '唯一干部', roles: ['secretary', 'cadre', 'head', 'villager'], villageId: v, householdId: 'h1' });
const supervisor = user({ _id: 's', name: '监督委员', roles: ['supervisor', 'head', 'villager'], villageId: v, householdId: 'h2' });
const record = pointRecordSchema.parse({
  _id: 'r',
  villageId: v,
  householdId: 'h1',
  householdLabel: '1号',
  gridId: 'g',
  ruleSetId: 'rs',
  ruleVersion: 1,
  itemCode: 'A01',
  itemName: '参加村民大会',
  category: '共建共治',
  points: 2,
  occurredOn: '2026-11-20',
  month: '2026-11',
  year: 2026,
  status: 'pending',
  level: 1,
  source: 'cadre',
  recordedBy: 'c',
  recordedByName: '唯一干部',
  proxyFor: null,
  note: '',
  reason: '',
  evidence: [],
  reverses: null,
  reversedBy: null,
  settled: false,
  steps: [],
  clientKey: 'k',
  createdAt: new Date(0),
});
const levels = ['gridLeader', 'cadre'] as const;

test("a record for the recorder's own household starts at the cadre level, whoever made it", () => {
  expect(initialState('cadre', [...levels], true)).toEqual({ status: 'pending', level: 1 });
  expect(initialState('gridLeader', [...levels], true)).toEqual({ status: 'pending', level: 1 });
  expect(initialState('cadre', [...levels], false)).toEqual({ status: 'approved', level: 2 });
});

test('the only cadre cannot approve their own household; the supervisor signs off instead', () => {
  expect(hasInterest(onlyCadre, record)).toBe(true);
  expect(canReview(onlyCadre, record, [...levels], [], [onlyCadre])).toBe(false);
  expect(canReview(supervisor, record, [...levels], [], [onlyCadre])).toBe(true);
  // With another cadre free of the household, the supervisor does not.
  const other = user({ _id: 'c2', name: '另一干部', roles: ['cadre'], villageId: v, householdId: 'h3' });
  expect(canReview(supervisor, record, [...levels], [], [onlyCadre, other])).toBe(false);
  expect(canReview(other, record, [...levels], [], [onlyCadre, other])).toBe(true);
});

test('who confirms: any other cadre for a household, the secretary for a cadre, the town admin for a secretary', () => {
  const village = { _id: v, townId: VILLAGE.townId };
  const cadre = user({ _id: 'k', name: '干部', roles: ['cadre'], villageId: v });
  const town = user({ _id: 't', name: '镇', roles: ['townAdmin'], townId: VILLAGE.townId });
  expect(mayConfirm(cadre, { openid: 'x', villageId: v, role: null }, village)).toBe(true);
  expect(mayConfirm(cadre, { openid: 'k', villageId: v, role: null }, village)).toBe(false);
  expect(mayConfirm(cadre, { openid: 'x', villageId: v, role: 'cadre' }, village)).toBe(false);
  expect(mayConfirm(onlyCadre, { openid: 'x', villageId: v, role: 'cadre' }, village)).toBe(true);
  expect(mayConfirm(onlyCadre, { openid: 'x', villageId: v, role: 'secretary' }, village)).toBe(false);
  expect(mayConfirm(town, { openid: 'x', villageId: v, role: 'secretary' }, village)).toBe(true);
});
