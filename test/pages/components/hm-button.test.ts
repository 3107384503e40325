// hm-button: what only it renders (its own element with the type's class, the spinner), and that a
// tap reaches the host's bindtap with the host's data-* — except while disabled or loading.
import { attrOf, classesOf, el, renderComponent, renderInHost, tapInside, text } from './support';

test('renders its own element, primary and full width by default, with the slot text', async () => {
  const { host, root } = await renderInHost('<hm-button class="save">保存</hm-button>');
  const inner = el(root, '.hm-button');
  expect(classesOf(inner, 'hm-button')).toEqual(expect.arrayContaining(['hm-button', 'hm-button--primary', 'hm-button--block']));
  expect(text(inner)).toBe('保存');
  expect(attrOf(root, '.hm-button', 'ariaRole')).toBe('button');
  expect(host.querySelector('.save')?.querySelector('.hm-button__spinner')).toBeUndefined();
});

test.each(['danger', 'plain', 'default'])('type %s gives its own class', async (type) => {
  const comp = await renderComponent('hm-button', { type, block: false });
  const classes = classesOf(el(comp, '.hm-button'), 'hm-button');
  expect(classes).toContain(`hm-button--${type}`);
  expect(classes).not.toContain('hm-button--primary');
  expect(classes).not.toContain('hm-button--block');
});

test("a tap fires the host's bindtap with the host's data-*", async () => {
  const { host, received } = await renderInHost('<hm-button class="save" data-id="rec-1" bindtap="onSave">保存</hm-button>');
  await tapInside(host, '.save', '.hm-button');
  expect(received).toEqual([{ handler: 'onSave', dataset: { id: 'rec-1' }, detail: {} }]);
});

test('disabled: marked so, and a tap does nothing', async () => {
  const { host, received, root } = await renderInHost('<hm-button class="save" disabled bindtap="onSave">保存</hm-button>');
  const inner = el(root, '.hm-button');
  expect(classesOf(inner, 'hm-button')).toContain('hm-button--disabled');
  expect(attrOf(root, '.hm-button', 'ariaDisabled')).toBe(true);
  await tapInside(host, '.save', '.hm-button');
  expect(received).toEqual([]);
});

test('loading: a spinner, 请稍候 for a screen reader, and taps do nothing until it ends', async () => {
  const { host, received, root } = await renderInHost('<hm-button class="save" loading="{{busy}}" bindtap="onSave">提交</hm-button>');
  host.setData({ busy: true });
  expect(root.querySelector('.hm-button__spinner')?.dom).toBeDefined();
  expect(attrOf(root, '.hm-button', 'ariaLabel')).toBe('请稍候');
  await tapInside(host, '.save', '.hm-button');
  await tapInside(host, '.save', '.hm-button');
  expect(received).toEqual([]);

  host.setData({ busy: false });
  expect(root.querySelector('.hm-button__spinner')).toBeUndefined();
  await tapInside(host, '.save', '.hm-button');
  expect(received).toHaveLength(1);
});
