// The separation-of-duties rules as plain functions: who may review a record when the village's only
// cadre is also its household (the supervision committee signs off), and who confirms what.
import { canReview, initialState } from '../../cloudfunctions/shared/points/policy';
import { mayConfirm, hasInterest } from '../../cloudfunctions/shared/access';
import { buildRecord } from '../../cloudfunctions/shared/points/build';
import { TEMPLATE_ITEMS } from '../../cloudfunctions/shared/rules/template';
import { VILLAGE, household, user } from '../village/fixtures';

const v = VILLAGE._id;
const onlyCadre = user({ _id: 'c', name: '唯一干部', roles: ['secretary', 'cadre', 'head', 'villager'], villageId: v, householdId: 'h1' });
const supervisor = user({ _id: 's', name: '监督委员', roles: ['supervisor', 'head', 'villager'], villageId: v, householdId: 'h2' });
const item = TEMPLATE_ITEMS.find((i) => i.code === 'A01');
if (!item) throw new Error('the template has no A01');
// The only cadre's record for their own household, waiting at the cadre level (as recording makes it).
const { record } = buildRecord({
  id: 'r',
  household: household({ _id: 'h1', no: '1号', headName: '唯一干部', gridId: 'g' }),
  rules: { _id: 'rs', version: 1 },
  item,
  recorder: 'cadre',
  by: onlyCadre,
  state: { status: 'pending', level: 1 },
  occurredOn: '2026-11-20',
  clientKey: 'k',
  now: new Date(0),
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
