// The secretary records the version the assembly adopted: from the rules page, edit an item's points,
// stop an item, add a 本村特色 item, enter the vote, and the new version is the one in force.
import { openAs, openPage } from '../support/page';
import { toasts } from '../support/wx';
import { navigations, usePointsCloud } from './support';

const { api } = usePointsCloud();

test('a villager sees no way to change the rules', async () => {
  const rules = await openAs('demo-villager', 'packages/points/rules/rules');
  expect(rules.$('#adopt')).toBeNull();
});

test('the secretary edits the version in force and records the new version', async () => {
  const rules = await openAs('demo-secretary', 'packages/points/rules/rules');
  await rules.tap('#adopt');
  expect(navigations()).toContain('/packages/points/adopt/adopt');

  const page = await openPage('packages/points/adopt/adopt');
  expect(page.textOf('#edit-D04')).toContain('参加志愿服务');
  await page.dispatch('#edit-D04 .points', 'input', { value: '3' });
  await page.tap('#edit-A08 .chip');
  await page.dispatch('#new-name', 'input', { value: '参加古树巡护' });
  await page.tap('#add-item');
  await page.dispatch('#attendees', 'input', { value: '120' });
  // Not passed by a majority: refused before anything is sent.
  await page.dispatch('#votes-for', 'input', { value: '40' });
  await page.tap('#submit');
  await page.until((d) => d.error !== '' && d.submitting === false, 'the refusal');
  expect(page.textOf('#error')).toContain('赞成票');

  await page.dispatch('#votes-for', 'input', { value: '101' });
  await page.tap('#submit');
  await page.until((d) => typeof d.done === 'string' && d.done !== '', 'the new version');
  expect(page.textOf('#done')).toContain('已登记第2版');
  expect(toasts()).toContainEqual(expect.objectContaining({ title: '已登记' }));

  const { current, versions } = await api().ok('demo-villager', 'rules', {});
  expect(versions.map((v) => v.version)).toEqual([2, 1]);
  expect(current?.version).toBe(2);
  expect(current?.items.find((i) => i.code === 'D04')?.points).toBe(3);
  expect(current?.items.some((i) => i.code === 'A08')).toBe(false);
  expect(current?.items.find((i) => i.name === '参加古树巡护')).toMatchObject({ code: 'X04', category: '本村特色', points: 2 });
  expect(current?.adoption).toMatchObject({ attendees: 120, votesFor: 101 });
});
