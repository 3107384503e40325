// hm-cell: its title, label and value in their own places, the arrow only for a link, and a tap
// that opens the url (wx.navigateTo) and reaches the host — a plain row ignores taps.
import { attrOf, classesOf, el, renderComponent, renderInHost, tapInside, text, textsAt } from './support';

const navigations: string[] = [];
let original: unknown;

beforeEach(() => {
  navigations.length = 0;
  original = Reflect.get(wx, 'navigateTo');
  Reflect.set(wx, 'navigateTo', (o: { url: string }) => navigations.push(o.url));
});
afterEach(() => {
  Reflect.set(wx, 'navigateTo', original);
});

test('a plain row: title, label and value in their own elements, no arrow, taps ignored', async () => {
  const { host, received, root } = await renderInHost(
    '<hm-cell class="row" title="户主" label="3组12号" value="李长青" bindtap="onRow" />',
  );
  expect(textsAt(root, ['.hm-cell__title', '.hm-cell__label', '.hm-cell__value'])).toEqual(['户主', '3组12号', '李长青']);
  expect(root.querySelector('.hm-cell__arrow')).toBeUndefined();
  expect(classesOf(el(root, '.hm-cell'), 'hm-cell')).not.toContain('hm-cell--link');
  await tapInside(host, '.row', '.hm-cell');
  expect(received).toEqual([]);
  expect(navigations).toEqual([]);
});

test('no label or value: their elements are not rendered', async () => {
  const comp = await renderComponent('hm-cell', { title: '积分规则' });
  expect(comp.querySelector('.hm-cell__label')).toBeUndefined();
  expect(comp.querySelector('.hm-cell__value')).toBeUndefined();
});

test('with a url: an arrow, a link for screen readers, and a tap opens the page and reaches the host', async () => {
  const { host, received, root } = await renderInHost(
    '<hm-cell class="row" data-id="rules" title="积分规则" url="/packages/points/rules/rules" bindtap="onRow" />',
  );
  expect(root.querySelector('.hm-cell__arrow')?.dom).toBeDefined();
  expect(classesOf(el(root, '.hm-cell'), 'hm-cell')).toContain('hm-cell--link');
  expect(attrOf(root, '.hm-cell', 'ariaRole')).toBe('link');
  await tapInside(host, '.row', '.hm-cell');
  expect(navigations).toEqual(['/packages/points/rules/rules']);
  expect(received).toEqual([{ handler: 'onRow', dataset: { id: 'rules' }, detail: {} }]);
});

test('clickable without a url: an arrow and a tap, no navigation', async () => {
  const { host, received, root } = await renderInHost('<hm-cell class="row" title="切换身份" clickable bindtap="onRow" />');
  expect(root.querySelector('.hm-cell__arrow')?.dom).toBeDefined();
  await tapInside(host, '.row', '.hm-cell');
  expect(received).toHaveLength(1);
  expect(navigations).toEqual([]);
});

test('the default slot goes under the title, inside the cell', async () => {
  const { root } = await renderInHost('<hm-cell class="row" title="关怀模式"><view class="hint">字更大</view></hm-cell>');
  const main = el(root, '.hm-cell__main');
  expect(text(main)).toBe('关怀模式字更大');
});

test('border: on by default, off for a row alone in its card', async () => {
  expect(classesOf(el(await renderComponent('hm-cell', { title: '甲' }), '.hm-cell'), 'hm-cell')).not.toContain('hm-cell--borderless');
  expect(classesOf(el(await renderComponent('hm-cell', { title: '乙', border: false }), '.hm-cell'), 'hm-cell')).toContain(
    'hm-cell--borderless',
  );
});
