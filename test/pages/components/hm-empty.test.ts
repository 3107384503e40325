// hm-empty: the drawn mark (no icon font, no image), the title (a default when none is given), the
// description only when given, and the slot as the action under them.
import { el, renderComponent, renderInHost, tapInside, text, textsAt } from './support';

test('a default title and the mark, no description', async () => {
  const comp = await renderComponent('hm-empty');
  expect(el(comp, '.hm-empty__mark')).toBeDefined();
  expect(text(el(comp, '.hm-empty__title'))).toBe('这里还没有内容');
  expect(comp.querySelector('.hm-empty__description')).toBeUndefined();
});

test('title, description and an action that works', async () => {
  const { host, received, root } = await renderInHost(
    '<hm-empty class="none" title="没有待审核的记录" description="新的记录提交后会出现在这里。"><view class="again" bindtap="onAgain">刷新</view></hm-empty>',
  );
  expect(textsAt(root, ['.hm-empty__title', '.hm-empty__description', '.hm-empty__action'])).toEqual([
    '没有待审核的记录',
    '新的记录提交后会出现在这里。',
    '刷新',
  ]);
  await tapInside(host, null, '.again');
  expect(received).toHaveLength(1);
});
