// 书记公开信 tapped through as the people would, on the demo village: the secretary writes and
// publishes a letter with a picture; a villager reads it (once, however often they open it), likes
// it and comments (agreeing to hear of a reply); the secretary replies and the villager is told; a
// risky comment is held for the secretary, who approves or rejects it; the secretary sees which
// households read it.
import { C } from '../../../cloudfunctions/shared/collections';
import { count, getAll, num, type Doc } from '../../support/sdk';
import { docOf, mediaChecked } from '../support/cloud';
import { openAs, openPage, type PageHandle, routeOf, waitFor } from '../support/page';
import { toasts } from '../support/wx';
import { fillIn, navigations, pickPhoto, saveAndRedirect, previews, sentMessages, subscribeAsks, uploads, useBoardCloud } from './support';

const { pc } = useBoardCloud();

const REPLY_TPL = 'TPL_BOARD_REPLY';

const letterDoc = (id: string): Promise<Doc> => docOf(pc, C.boardLetters, id);

/** `openid` opens the letter and posts a comment; answers the page once the post is answered. */
async function postComment(openid: string, text: string): Promise<PageHandle> {
  const page = await openAs(openid, letterUrl);
  await page.dispatch('#comment-input', 'input', { value: text });
  await page.tap('#post');
  await page.until((d) => d.posting === false && d.notice !== '', 'the comment is posted');
  return page;
}

/**
 * Opens the sheet with `opener` on the page, confirms it empty (refused with `refusal`), writes `text`
 * and confirms again; waits until the sheet has closed on the answer.
 */
async function throughSheet(page: PageHandle, opener: string, refusal: string, text: string, what: string): Promise<void> {
  await page.tap(opener);
  await page.tap('#sheet-confirm');
  expect(page.textOf('#sheet-error')).toBe(refusal);
  await page.dispatch('#sheet-input', 'input', { value: text });
  await page.tap('#sheet-confirm');
  await page.until((d) => d.sheet === 'none' && d.acting === false, what);
}

let letterUrl = '';
let letterId = '';

test('the secretary writes a letter with a picture and publishes it to the village', async () => {
  const list = await openAs('demo-secretary', 'packages/board/letters/letters');
  expect(list.textOf('#village-name')).toBe('和美村 · 书记公开信');
  expect(list.$('#join')).toBeNull();
  await list.tap('#write');
  expect(navigations()).toEqual([{ api: 'navigateTo', url: '/packages/board/write/write' }]);

  const page = await openPage('packages/board/write/write');
  // Nothing is sent without a title and a body.
  await page.tap('#publish');
  expect(page.textOf('#error')).toBe('请填写标题');
  pickPhoto('road.png');
  await fillIn(page, '致全村乡亲的一封信', '乡亲们：\n环村路修通了，感谢大家出工出力。下一步修路灯。', '#add-picture', 'pictures');
  expect(uploads()[0]?.cloudPath).toMatch(/^letters\/\d{4}-\d{2}-\d{2}\/[a-z0-9]+-1\.png$/);
  await saveAndRedirect(page, '#publish');
  expect(toasts()).toContainEqual({ title: '已发布', icon: 'success', duration: 1500 });

  letterUrl = navigations().find((n) => n.api === 'redirectTo')?.url ?? '';
  const { query } = routeOf(letterUrl);
  letterId = query.id ?? '';
  expect(query.villageId).toBe('village-hemei');
  const doc = await letterDoc(letterId);
  expect(doc).toMatchObject({ status: 'published', title: '致全村乡亲的一封信', pictures: [uploads()[0]?.fileID], readHouseholds: 0 });
});

test('a villager reads it: one household read, however often it is opened', async () => {
  await mediaChecked(pc, C.boardLetters, letterId);
  const page = await openAs('demo-villager', letterUrl);
  expect(page.textOf('#title')).toBe('致全村乡亲的一封信');
  expect(page.textOf('#byline')).toMatch(/^村书记 \S+ · /);
  expect(page.textOf('#body')).toContain('环村路修通了');
  expect(page.textOf('#reads')).toBe('已读 1 / 150 户');
  expect(page.$('#join')).toBeNull();
  expect(page.$('#readers')).toBeNull(); // only cadres see who read
  await page.tap('#picture-0');
  await waitFor(() => previews().length === 1, 'the picture opens large');
  expect(previews()[0]?.urls).toHaveLength(1);

  const again = await openPage(letterUrl);
  expect(again.textOf('#reads')).toBe('已读 1 / 150 户');
  expect(num(await letterDoc(letterId), 'readHouseholds')).toBe(1);
  expect(await count(pc.db.collection(C.boardReads).where({ letterId }))).toBe(2); // the user's and the household's

  // Likes: a tap likes, another tap takes it back.
  await again.tap('#like');
  await again.until((d) => d.liked === true && d.liking === false, 'liked');
  expect(again.textOf('#like')).toBe('已点赞 1');
  await again.tap('#like');
  await again.until((d) => d.liked === false && d.liking === false, 'unliked');
  expect(again.textOf('#like')).toBe('点赞 0');
  expect(num(await letterDoc(letterId), 'likes')).toBe(0);
});

test('the villager comments, agreeing to hear of a reply; the secretary replies; the villager is told', async () => {
  const page = await postComment('demo-villager', '路修好了，老人出门方便多了，谢谢书记！');
  expect(subscribeAsks()).toEqual([[REPLY_TPL]]);
  const [sub] = await getAll(pc.db.collection(C.boardSubscriptions).where({ _id: 'demo-villager' }));
  expect(sub?.grants).toEqual({ reply: 1 });
  expect(page.textOf('#notice')).toBe('留言已发表');
  await page.until((d) => Array.isArray(d.comments) && d.comments.length === 1, 'the comment is shown');
  expect(page.textsOf('.comment-text')).toEqual(['路修好了，老人出门方便多了，谢谢书记！']);
  expect(page.textOf('.comment-author')).toMatch(/（我）$/);

  const sec = await openAs('demo-secretary', letterUrl);
  const [comment] = await getAll(pc.db.collection(C.boardComments).where({ letterId }));
  const commentId = String(comment?._id);
  await throughSheet(sec, `#reply-${commentId}`, '请写下回复的内容', '应该的，路灯下个月开工。', 'the reply is sent');
  await sec.until(
    (d) => Array.isArray(d.comments) && d.comments.length === 1 && sec.textsOf('.reply-text').length === 1,
    'the reply is shown',
  );
  expect(sec.textsOf('.reply-text')).toEqual(['应该的，路灯下个月开工。']);

  const told = await sentMessages(pc, REPLY_TPL);
  expect(told).toEqual([{ touser: 'demo-villager', page: `packages/board/letter/letter?id=${letterId}&villageId=village-hemei` }]);

  const back = await openAs('demo-villager', letterUrl);
  expect(back.textOf('.reply-by')).toMatch(/^村书记 \S+ 回复：$/);
  expect(back.textsOf('.reply-text')).toEqual(['应该的，路灯下个月开工。']);
});

test('a risky comment is held for the secretary, who approves one and rejects another with a reason', async () => {
  const page = await postComment('demo-head', '村口小卖部有人赌博，晚上吵得睡不着');
  expect(page.textOf('#notice')).toBe('留言已提交，村书记审核后大家才能看到');
  await page.until((d) => Array.isArray(d.comments) && d.comments.length === 2, 'the own held comment is shown to its author');
  expect(page.textOf('.comment-status')).toBe('待审核，审核通过后大家才能看到');
  await page.dispatch('#comment-input', 'input', { value: '有人冒充村干部搞诈骗，大家小心' });
  await page.tap('#post');
  await page.until((d) => d.posting === false && Array.isArray(d.comments) && d.comments.length === 3, 'the second comment is posted');

  // Nobody else sees them.
  const other = await openAs('demo-villager', letterUrl);
  expect(other.textsOf('.comment-text')).toEqual(['路修好了，老人出门方便多了，谢谢书记！']);
  expect(other.$('#held')).toBeNull();

  const sec = await openAs('demo-secretary', letterUrl);
  const held = await getAll(pc.db.collection(C.boardComments).where({ letterId, status: 'held' }));
  expect(held).toHaveLength(2);
  expect(sec.textOf('#held')).toContain('待审核的留言（2）');
  const gamble = String(held.find((c) => String(c.text).includes('赌博'))?._id);
  const fraud = String(held.find((c) => String(c.text).includes('诈骗'))?._id);

  await throughSheet(sec, `#reject-${fraud}`, '请写明不通过的原因，留言人会看到', '请拨打110或通过村民说事反映', 'rejected');
  await sec.tap(`#approve-${gamble}`);
  await sec.until((d) => Array.isArray(d.held) && d.held.length === 0, 'approved');
  expect(sec.$('#held')).toBeNull();
  expect(num(await letterDoc(letterId), 'commentCount')).toBe(2);

  const now = await openAs('demo-villager', letterUrl);
  expect(now.textsOf('.comment-text')).toContain('村口小卖部有人赌博，晚上吵得睡不着');
  expect(now.textsOf('.comment-text')).not.toContain('有人冒充村干部搞诈骗，大家小心');

  const author = await openAs('demo-head', letterUrl);
  expect(author.text()).toContain('未通过审核请拨打110或通过村民说事反映');
});

test('the secretary sees which households read the letter', async () => {
  const page = await openAs('demo-secretary', letterUrl);
  await page.tap('#readers');
  await page.until((d) => d.readers !== null, 'the readers are loaded');
  const reads = await getAll(pc.db.collection(C.boardReads).where({ letterId, kind: 'household' }));
  expect(page.textOf('#readers-summary')).toBe(`已读 ${reads.length} 户，未读 ${150 - reads.length} 户（共 150 户）`);
  expect(page.textsOf('.reader-read')).toHaveLength(reads.length);
  expect(page.textsOf('.reader-unread')).toHaveLength(150 - reads.length);
  await page.tap('#sheet-cancel');
  expect(page.data.sheet).toBe('none');
});
