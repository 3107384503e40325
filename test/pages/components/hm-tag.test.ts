// hm-tag: its own element, with the tone's class (ok by default) and the words of the slot.
import { classesOf, el, renderInHost, text } from './support';

test('ok by default, with the slot text', async () => {
  const { root } = await renderInHost('<hm-tag class="role">户主</hm-tag>');
  const tag = el(root, '.hm-tag');
  expect(classesOf(tag, 'hm-tag')).toEqual(['hm-tag', 'hm-tag--ok']);
  expect(text(tag)).toBe('户主');
});

test.each([
  ['wait', '待审核'],
  ['bad', '未通过'],
  ['info', '已撤回'],
])('tone %s', async (tone, words) => {
  const { root } = await renderInHost(`<hm-tag class="status" tone="${tone}">${words}</hm-tag>`);
  const tag = el(root, '.hm-tag');
  expect(classesOf(tag, 'hm-tag')).toEqual(['hm-tag', `hm-tag--${tone}`]);
  expect(text(tag)).toBe(words);
});

test('a list of tags renders one element each', async () => {
  const { host } = await renderInHost('<view class="roles"><hm-tag class="tag" wx:for="{{roles}}" wx:key="*this">{{item}}</hm-tag></view>');
  host.setData({ roles: ['户主', '村民'] });
  expect(host.querySelectorAll('.tag').map((t) => text(t.querySelector('.hm-tag')?.dom))).toEqual(['户主', '村民']);
});
