import { RULE_CATEGORIES, TEMPLATE_ITEMS } from '../../cloudfunctions/shared/rules/template';

test('the 5+X template has about 40 items over the five common categories and local ones', () => {
  expect(TEMPLATE_ITEMS.length).toBeGreaterThanOrEqual(36);
  expect(TEMPLATE_ITEMS.length).toBeLessThanOrEqual(44);
  for (const category of RULE_CATEGORIES) {
    expect(TEMPLATE_ITEMS.filter((i) => i.category === category).length).toBeGreaterThan(0);
  }
});

test('item codes are unique', () => {
  const codes = TEMPLATE_ITEMS.map((i) => i.code);
  expect(new Set(codes).size).toBe(codes.length);
});

test('deductions are recorded by cadres only, and every category both rewards and can be scored', () => {
  const deductions = TEMPLATE_ITEMS.filter((i) => i.points < 0);
  expect(deductions.length).toBeGreaterThan(0);
  for (const d of deductions) expect(d.recordedBy).toEqual(['cadre']);
  for (const category of RULE_CATEGORIES) {
    expect(TEMPLATE_ITEMS.some((i) => i.category === category && i.points > 0)).toBe(true);
  }
});
