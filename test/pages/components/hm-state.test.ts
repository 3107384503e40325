// hm-state: the page shell's loading line, or the failure in the function's words with 重新加载,
// whose tap reaches the page's onRetry (bindretry) — and only the retry fires it.
import { el, renderComponent, renderInHost, tapInside, text, textsAt } from './support';

test('while loading: a quiet line, no failure, no retry', async () => {
  const comp = await renderComponent('hm-state', { loading: true });
  expect(text(el(comp, '#loading'))).toBe('正在加载…');
  expect(comp.querySelector('#failed')).toBeUndefined();
  expect(comp.querySelector('.retry')).toBeUndefined();
});

test('failed: what went wrong and a retry that reaches the page', async () => {
  const { host, received, root } = await renderInHost(
    '<hm-state class="state" loading="{{false}}" text="只能查看自己家的档案" bindretry="onRetry" />',
  );
  expect(textsAt(root, ['#failed', '#load-error', '.retry'])).toEqual(['没有加载成功', '只能查看自己家的档案', '重新加载']);
  expect(received).toHaveLength(0);
  await tapInside(host, '.state', '.retry');
  expect(received.map((r) => r.handler)).toEqual(['onRetry']);
});

test('failed without a reason: no empty reason line', async () => {
  const comp = await renderComponent('hm-state', { loading: false, text: '' });
  expect(text(el(comp, '#failed'))).toBe('没有加载成功');
  expect(comp.querySelector('#load-error')).toBeUndefined();
});
