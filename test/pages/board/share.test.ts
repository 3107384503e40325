// Sharing into the village WeChat group: every public board page makes a card that opens the same
// page with its village. Opened by a member, the card's page is the member's usual page; opened by
// someone not in the village (no village at all, or another village), it shows the published content
// — commenters as "村民", no drafts, nothing to write — and a way to join. Nothing is counted for them.
import { C } from '../../../cloudfunctions/shared/collections';
import { userSchema } from '../../../cloudfunctions/shared/village/model';
import { count, settled } from '../../support/sdk';
import { openAs, openPage } from '../support/page';

import { navigations, shareOf, timelineOf, useBoardCloud } from './support';

const { pc, api } = useBoardCloud();

const VILLAGE = 'village-hemei';
let letterId = '';
let draftId = '';
let financeId = '';

beforeAll(async () => {
  const a = api();
  const letter = await a.ok('demo-secretary', 'saveLetter', {
    clientKey: 'share-letter-1',
    title: '致全村乡亲的一封信',
    body: '环村路修通了。',
    pictures: [],
    publish: true,
  });
  letterId = letter.id;
  draftId = (
    await a.ok('demo-secretary', 'saveLetter', {
      clientKey: 'share-draft-1',
      title: '还没写完的信',
      body: '草稿',
      pictures: [],
      publish: false,
    })
  ).id;
  await a.ok('demo-villager', 'comment', { clientKey: 'share-comment-1', letterId, text: '谢谢书记！' });
  const finance = await a.ok('demo-cadre-1', 'saveItem', {
    clientKey: 'share-fin-1',
    kind: 'finance',
    title: '10月财务公开',
    body: '收入12万元。',
    attachments: [],
    publish: false,
  });
  await a.ok('demo-supervisor', 'signOff', { id: finance.id, updatedAt: finance.updatedAt });
  financeId = (await a.ok('demo-cadre-1', 'publishItem', { id: finance.id })).id;
  await a.ok('demo-cadre-1', 'saveItem', {
    clientKey: 'share-fin-2',
    kind: 'finance',
    title: '11月财务公开（待审核）',
    body: '收入…',
    attachments: [],
    publish: false,
  });
  // Someone of another village of the town.
  await settled(
    pc.db.collection(C.users).add({
      data: userSchema.parse({
        _id: 'o-qingshan',
        name: '赵青山',
        roles: ['villager'],
        villageId: 'village-qingshan',
        townId: 'town-qingxi',
        householdId: null,
        memberId: null,
      }),
    }),
  );
});

test('the letters list shares a card that opens it with its village; a member opens it as usual', async () => {
  const page = await openAs('demo-villager', 'packages/board/letters/letters');
  const card = shareOf(page);
  expect(card).toEqual({ title: '和美村书记公开信', path: `/packages/board/letters/letters?villageId=${VILLAGE}` });
  expect(timelineOf(page)).toEqual({ title: '和美村书记公开信', query: `villageId=${VILLAGE}` });

  const opened = await openPage(card.path);
  expect(opened.$('#join')).toBeNull();
  expect(opened.$(`#letter-${letterId}`)).not.toBeNull();
});

test('a letter’s card, opened by a member: the member’s page, the read counted', async () => {
  const page = await openAs('demo-head', `/packages/board/letter/letter?id=${letterId}`);
  const card = shareOf(page);
  expect(card).toEqual({ title: '致全村乡亲的一封信', path: `/packages/board/letter/letter?id=${letterId}&villageId=${VILLAGE}` });
  expect(timelineOf(page).query).toBe(`id=${letterId}&villageId=${VILLAGE}`);

  const opened = await openAs('demo-villager', card.path);
  expect(opened.$('#join')).toBeNull();
  expect(opened.$('#write')).not.toBeNull();
  expect(opened.$('#like')).not.toBeNull();
  expect(opened.textOf('.comment-author')).not.toBe('村民');
  expect(opened.textOf('#reads')).toBe('已读 2 / 150 户');
});

test('the same card opened by someone of no village: public content, "村民", a way to join, nothing counted', async () => {
  const reads = await count(pc.db.collection(C.boardReads).where({ letterId }));
  const page = await openAs('o-stranger', `/packages/board/letter/letter?id=${letterId}&villageId=${VILLAGE}`);
  expect(page.textOf('#title')).toBe('致全村乡亲的一封信');
  expect(page.textOf('#byline')).toMatch(/^村书记 · /);
  expect(page.textOf('#join')).toContain('这是清溪镇和美村的书记公开信。您还不是本村村民，可以阅读公开的内容。');
  expect(page.textsOf('.comment-author')).toEqual(['村民']);
  expect(page.textsOf('.comment-text')).toEqual(['谢谢书记！']);
  expect(page.$('#write')).toBeNull();
  expect(page.$('#like')).toBeNull();
  expect(page.textOf('#likes')).toBe('点赞 0');
  expect(page.$('#readers')).toBeNull();
  expect(await count(pc.db.collection(C.boardReads).where({ letterId }))).toBe(reads);

  await page.tap('#join-btn');
  expect(navigations()).toEqual([{ api: 'navigateTo', url: `/packages/village/join/join?villageId=${VILLAGE}` }]);

  // The list by the village id: published letters only.
  const list = await openPage(`/packages/board/letters/letters?villageId=${VILLAGE}`);
  expect(list.textOf('#village-name')).toBe('和美村 · 书记公开信');
  expect(list.$('#join')).not.toBeNull();
  expect(list.$(`#letter-${letterId}`)).not.toBeNull();
  expect(list.$(`#draft-${draftId}`)).toBeNull();
  expect(list.$('#write')).toBeNull();
  // A draft's address is not found.
  const draft = await openPage('packages/board/letter/letter', { query: { id: draftId, villageId: VILLAGE } });
  expect(draft.textOf('#state >>> #load-error')).toBe('没有找到这封公开信');
});

test('someone of another village sees the public content and the way to join too', async () => {
  const page = await openAs('o-qingshan', `/packages/board/letter/letter?id=${letterId}&villageId=${VILLAGE}`);
  expect(page.$('#join')).not.toBeNull();
  expect(page.textsOf('.comment-author')).toEqual(['村民']);
  expect(page.$('#write')).toBeNull();
});

test('the notice board and its items share cards with the village; outsiders read what is published', async () => {
  const board = await openAs('demo-cadre-1', '/packages/board/board/board?tab=finance');
  expect(board.$('#drafts')).not.toBeNull();
  const card = shareOf(board);
  expect(card).toEqual({ title: '和美村村务公开栏 · 财务公开', path: `/packages/board/board/board?villageId=${VILLAGE}&tab=finance` });

  const pub = await openAs('o-stranger', card.path);
  expect(pub.$('#join')).not.toBeNull();
  expect(pub.$(`#item-${financeId}`)).not.toBeNull();
  expect(pub.$('#drafts')).toBeNull();
  expect(pub.$('#compose')).toBeNull();
  expect(pub.text()).not.toContain('待审核');

  const item = await openPage(`/packages/board/item/item?id=${financeId}&villageId=${VILLAGE}`);
  expect(shareOf(item)).toEqual({
    title: '财务公开：10月财务公开',
    path: `/packages/board/item/item?id=${financeId}&villageId=${VILLAGE}`,
  });
  expect(item.$('#join')).not.toBeNull();
  expect(item.textOf('#signed')).toMatch(/^✔ 村务监督委员 于 .+ 审核签字$/);
  expect(item.textOf('#byline')).toMatch(/^村委会 · /);
  expect(item.$('#publish')).toBeNull();

  const member = await openAs('demo-villager', `/packages/board/item/item?id=${financeId}&villageId=${VILLAGE}`);
  expect(member.$('#join')).toBeNull();
  expect(member.textOf('#signed')).toMatch(/^✔ 村务监督委员 \S+ 于 .+ 审核签字$/);
});
