// Flow: 书记公开信 → comment → reply. The secretary writes a letter from 首页 → 书记公开信 → 写公开信
// and publishes it; a villager opens it from 首页, reads it and comments; the secretary opens the
// letter, replies to the comment; the villager sees the reply under their comment.
import { usePhone } from './phone';
import { cards, field } from './read';

const phone = usePhone();
let letterUrl = '';
const TITLE = '致全村乡亲：环村路修通了';

test('the secretary writes a letter from 首页 and publishes it', async () => {
  await phone.as('demo-secretary');
  const letters = await phone.tapTo(await phone.tab('public'), '#entry-letters');
  const write = await phone.tapTo(letters, '#write');
  await write.dispatch('#title', 'input', { value: TITLE });
  await write.dispatch('#body', 'input', { value: '乡亲们：\n环村路修通了，感谢大家出工出力。下一步修路灯。' });
  await write.tap('#add-picture');
  await write.until((d) => Array.isArray(d.pictures) && d.pictures.length === 1 && d.uploading === false, 'the picture to upload');
  const letter = await phone.tapTo(write, '#publish');
  expect(letter.route).toBe('packages/board/letter/letter');
  letterUrl = phone.navigations()[phone.navigations().length - 1] ?? '';
  expect(letter.text()).toContain(TITLE);
});

test('a villager opens it from 首页 → 书记公开信 and comments', async () => {
  await phone.as('demo-villager');
  const letters = await phone.tapTo(await phone.tab('public'), '#entry-letters');
  const row = cards(letters.data.rows).find((r) => field(r, 'title') === TITLE);
  const letter = await phone.tapTo(letters, `#letter-${field(row, 'id')}`);
  expect(letter.text()).toContain('环村路修通了，感谢大家出工出力');
  await letter.dispatch('#comment-input', 'input', { value: '路修好了，老人出门方便多了，谢谢书记！' });
  await letter.tap('#post');
  await letter.until((d) => d.posting === false && d.notice !== '', 'the comment to be posted');
  expect(letter.textOf('#notice')).toBe('留言已发表');
  await letter.until((d) => cards(d.comments).length === 1, 'the comment to show');
});

test('the secretary replies to the comment on the letter', async () => {
  await phone.as('demo-secretary');
  const letter = await phone.open(letterUrl);
  const comment = cards(letter.data.comments).find((c) => field(c, 'text') === '路修好了，老人出门方便多了，谢谢书记！');
  const commentId = field(comment, 'id');
  expect(commentId).not.toBe('');
  await letter.tap(`#reply-${commentId}`);
  await letter.dispatch('#sheet-input', 'input', { value: '应该的，路灯下个月开工。' });
  await letter.tap('#sheet-confirm');
  await letter.until((d) => d.sheet === 'none' && d.acting === false, 'the reply to be sent');
  await letter.until(() => letter.textsOf('.reply-text').length === 1, 'the reply to show');
});

test('the villager sees the reply under their comment', async () => {
  await phone.as('demo-villager');
  const letter = await phone.open(letterUrl);
  expect(letter.textsOf('.comment-text')).toEqual(['路修好了，老人出门方便多了，谢谢书记！']);
  expect(letter.textOf('.reply-by')).toMatch(/^村书记 \S+ 回复：$/);
  expect(letter.textsOf('.reply-text')).toEqual(['应该的，路灯下个月开工。']);
});
