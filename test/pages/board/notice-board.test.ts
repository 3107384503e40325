// 村务公开栏 tapped through on the demo village: a cadre prepares a finance notice with a PDF, which
// cannot be published until the 村务监督委员 signs it off (the page offers no way, the function refuses
// it); the supervisor signs it from their queue; a cadre publishes it; a villager agrees to hear of
// new 通知 and is told when a cadre publishes one; a 大事记 carries the day it happened.
import { C } from '../../../cloudfunctions/shared/collections';
import { getAll, type Doc } from '../../support/sdk';
import { docOf } from '../support/cloud';
import { waitFor, openAs, openPage, routeOf } from '../support/page';
import { toasts } from '../support/wx';
import { consentWith, fillIn, navigations, saveAndRedirect, pickPdf, sentMessages, subscribeAsks, uploads, useBoardCloud } from './support';

const { pc } = useBoardCloud();

const NOTICE_TPL = 'TPL_BOARD_NOTICE';

const itemDoc = (id: string): Promise<Doc> => docOf(pc, C.boardItems, id);

/** The item a compose page redirected to. */
function redirectedItem(): string {
  const url = navigations().find((n) => n.api === 'redirectTo')?.url ?? '';
  return routeOf(url).query.id ?? '';
}

let financeId = '';

test('a cadre prepares a finance notice with a PDF: it goes to the supervisor, it cannot be published yet', async () => {
  const board = await openAs('demo-cadre-1', '/packages/board/board/board?tab=finance');
  expect(board.textOf('#village-name')).toBe('和美村 · 财务公开');
  await board.tap('#compose');
  expect(navigations()).toEqual([{ api: 'navigateTo', url: '/packages/board/compose/compose?kind=finance' }]);

  const page = await openPage('/packages/board/compose/compose?kind=finance');
  expect(page.textOf('#kind-name')).toBe('发布财务公开');
  expect(page.textOf('#finance-note')).toContain('须经村务监督委员会审核签字后才能发布');
  expect(page.$('#publish')).toBeNull(); // only 提交审核
  pickPdf('10月收支明细.pdf');
  await fillIn(page, '2026年10月财务收支公开', '收入12.6万元，支出8.1万元，明细见附件。', '#add-file', 'attachments');
  expect(uploads()[0]?.cloudPath).toMatch(/^board\/\d{4}-\d{2}-\d{2}\/[a-z0-9]+-1\.pdf$/);
  await saveAndRedirect(page, '#save-draft');
  expect(toasts()).toContainEqual({ title: '已提交审核', icon: 'success', duration: 1500 });
  financeId = redirectedItem();
  expect(await itemDoc(financeId)).toMatchObject({
    kind: 'finance',
    status: 'draft',
    signOff: null,
    attachments: [{ fileId: uploads()[0]?.fileID, name: '10月收支明细.pdf', type: 'pdf' }],
  });

  const item = await openPage(`/packages/board/item/item?id=${financeId}`);
  expect(item.textOf('#unsigned')).toContain('还没有审核签字');
  expect(item.$('#publish')).toBeNull();
  expect(item.$('#edit')).not.toBeNull();
  expect(item.textOf('.attachment')).toBe('PDF10月收支明细.pdf');
});

test('the supervisor signs it off from their queue', async () => {
  const home = await openAs('demo-supervisor', 'pages/home/home');
  expect(home.textOf('#entry-sign-off')).toBe('1财务公开审核签字');

  const board = await openPage('/packages/board/board/board?tab=finance');
  expect(board.textOf('#drafts')).toContain('待您审核');
  expect(board.textOf(`#draft-${financeId}`)).toBe('待村务监督委员会审核2026年10月财务收支公开');
  expect(board.$('#compose')).toBeNull();

  const item = await openPage(`/packages/board/item/item?id=${financeId}`);
  expect(item.$('#publish')).toBeNull();
  await item.tap('#sign');
  expect(item.textOf('#sign-sheet')).toContain('我已核对「2026年10月财务收支公开」的内容和附件，同意公开。');
  await item.dispatch('#sign-note', 'input', { value: '凭证齐全' });
  await item.tap('#sign-confirm');
  await item.until((d) => d.signing === false && d.acting === false, 'signed');
  expect(item.textOf('#signed')).toMatch(/^✔ 村务监督委员 \S+ 于 .+ 审核签字：凭证齐全$/);
  expect(item.$('#sign')).toBeNull();
  const doc = await itemDoc(financeId);
  expect(doc.signOff).toMatchObject({ by: 'demo-supervisor', note: '凭证齐全' });
});

test('a cadre publishes it once signed; everyone reads it', async () => {
  const item = await openAs('demo-cadre-2', `/packages/board/item/item?id=${financeId}`);
  await item.tap('#publish');
  await item.until((d) => d.acting === false && d.notice !== '', 'published');
  expect(item.textOf('#notice')).toBe('已发布，全村都能看到了');
  expect((await itemDoc(financeId)).status).toBe('published');

  const board = await openAs('demo-villager', '/packages/board/board/board?tab=finance');
  expect(board.textOf(`#item-${financeId}`)).toContain('2026年10月财务收支公开');
  expect(board.textOf(`#item-${financeId}`)).toContain('监委会已审核');
  expect(board.textOf(`#item-${financeId}`)).toContain('附件 1 个');
  expect(board.$('#drafts')).toBeNull();
});

test('a villager agrees to hear of new 通知; a cadre publishes one and the villager is told', async () => {
  const board = await openAs('demo-villager', '/packages/board/board/board?tab=notice');
  await board.tap('#subscribe');
  await waitFor(() => toasts().length === 1, 'the toast');
  expect(subscribeAsks()).toEqual([[NOTICE_TPL]]);
  expect(toasts()).toEqual([{ title: '已订阅，有新通知会提醒您', icon: 'success', duration: 1500 }]);
  const [sub] = await getAll(pc.db.collection(C.boardSubscriptions).where({ _id: 'demo-villager' }));
  expect(sub?.grants).toEqual({ notice: 1 });

  const page = await openAs('demo-cadre-3', '/packages/board/compose/compose?kind=notice');
  await page.dispatch('#title', 'input', { value: '周六上午村委会组织义诊' });
  await page.dispatch('#body', 'input', { value: '60岁以上老人请带好身份证。' });
  await page.tap('#publish');
  await waitFor(() => navigations().some((n) => n.api === 'redirectTo'), 'the redirect to the item');
  const id = redirectedItem();
  expect(await sentMessages(pc, NOTICE_TPL)).toEqual([
    { touser: 'demo-villager', page: `packages/board/item/item?id=${id}&villageId=village-hemei` },
  ]);
  expect((await itemDoc(id)).pushed).toBe(1);
});

test('a villager who declines is not told', async () => {
  const board = await openAs('demo-head', '/packages/board/board/board?tab=notice');
  consentWith('reject');
  await board.tap('#subscribe');
  await waitFor(() => toasts().length === 1, 'the toast');
  expect(toasts()).toEqual([{ title: '没有订阅', icon: 'none', duration: 1500 }]);
  expect(await getAll(pc.db.collection(C.boardSubscriptions).where({ _id: 'demo-head' }))).toEqual([]);
});

test('a 大事记 carries the day it happened, newest first', async () => {
  const page = await openAs('demo-cadre-1', '/packages/board/compose/compose?kind=chronicle');
  expect(page.textOf('#kind-name')).toBe('发布村庄大事记');
  await page.dispatch('#title', 'input', { value: '村史馆开馆' });
  await page.dispatch('#event-date', 'change', { value: '2025-06-01' });
  expect(page.textOf('#event-date')).toBe('2025年6月1日 ▾');
  await page.tap('#publish');
  expect(page.textOf('#error')).toBe('请填写内容或添加附件');
  await page.dispatch('#body', 'input', { value: '村史馆在老祠堂开馆，展出老物件三百余件。' });
  await page.tap('#publish');
  await waitFor(() => navigations().some((n) => n.api === 'redirectTo'), 'the redirect to the item');
  const id = redirectedItem();
  expect(await itemDoc(id)).toMatchObject({ kind: 'chronicle', eventDate: '2025-06-01', status: 'published' });

  const board = await openPage('/packages/board/board/board?tab=chronicle');
  expect(board.textOf(`#item-${id}`)).toContain('2025年6月1日');
  await board.tap('#tab-party');
  await board.settled();
  expect(board.textOf('#village-name')).toBe('和美村 · 党务公开');
  expect(board.$('#empty')).not.toBeNull();
  await board.tap('#boards');
  expect(navigations().at(-1)).toEqual({ api: 'navigateTo', url: '/packages/notice/boards/boards' });
});
