// Held content tapped through: a letter the content check did not pass is 待审核 with why for the
// secretary who wrote it (who may withdraw it, not release it) and for the cadres, who find it in
// the list; a cadre confirms and releases it, and a villager then reads it. A held notice board
// item likewise.
import { randomBytes } from 'node:crypto';
import { openAs, openPage } from '../support/page';
import { asUser, modals } from '../support/wx';
import { useBoardCloud } from './support';

const { api } = useBoardCloud();
const key = (): string => randomBytes(8).toString('hex');

/** Where the held letter or item is read, once the content check has held it. */
function heldAt(page: 'letter' | 'item', saved: { id: string; status: string }): string {
  expect(saved.status).toBe('held');
  return `/packages/board/${page}/${page}?id=${saved.id}&villageId=village-hemei`;
}

test('a held letter: the secretary sees why and cannot release it; a cadre finds it, confirms and releases it', async () => {
  const held = await api().ok('demo-secretary', 'saveLetter', {
    clientKey: key(),
    title: '提醒乡亲们',
    body: '有人冒充村干部代开发票，大家不要上当。',
    pictures: [],
    publish: true,
  });
  const url = heldAt('letter', held);

  const own = await openAs('demo-secretary', url);
  expect(own.textOf('#hold-reason')).toBe('内容安全检查认为含有可能不适宜公开的信息，须由其他村干部审核后才公开。');
  expect(own.$('#release')).toBeNull();
  expect(own.$('#withdraw')).not.toBeNull();

  const list = await openAs('demo-cadre-1', 'packages/board/letters/letters');
  expect(list.textOf(`#draft-${held.id}`)).toContain('待审核');
  const page = await openPage(url);
  await page.tap('#release');
  await page.until((d) => d.deciding === false && d.notice !== '', 'the letter is released');
  expect(modals().at(-1)).toContain('这封信将公开给全村');
  expect(page.textOf('#notice')).toBe('已审核通过，全村都能看到了');
  expect(page.$('#held-letter')).toBeNull();

  asUser('demo-villager');
  expect((await openPage(url)).textOf('#title')).toBe('提醒乡亲们');
});

test('a held notice: a cadre who did not write it releases it from the item page', async () => {
  const held = await api().ok('demo-cadre-1', 'saveItem', {
    clientKey: key(),
    kind: 'notice',
    title: '办证须知',
    body: '带上户口本。',
    attachments: [],
    publish: true,
  });
  const url = heldAt('item', held);
  asUser('demo-cadre-1');
  expect((await openPage(url)).$('#release')).toBeNull();
  const page = await openAs('demo-cadre-2', url);
  expect(page.textOf('#held')).toBe('待审核');
  await page.tap('#release');
  await page.until((d) => d.acting === false && d.notice !== '', 'the item is released');
  expect(page.$('#held-item')).toBeNull();
});
