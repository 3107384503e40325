// hm-section: a card with its title (and the note beside it) in its own head, the slot below.
import { el, renderComponent, renderInHost, textsAt } from './support';

test('title, extra and content', async () => {
  const { root } = await renderInHost(
    '<hm-section class="members" title="家庭成员" extra="共 4 人"><view class="member">李长青</view></hm-section>',
  );
  expect(textsAt(root, ['.hm-section__title', '.hm-section__extra', '.hm-section'])).toEqual([
    '家庭成员',
    '共 4 人',
    '家庭成员共 4 人李长青',
  ]);
});

test('without a title there is no head', async () => {
  const comp = await renderComponent('hm-section');
  expect(el(comp, '.hm-section')).toBeDefined();
  expect(comp.querySelector('.hm-section__head')).toBeUndefined();
});
