// Flow: raise a matter → answer → rate (群众说 → 村委议 → 多方办 → 群众评). The household head raises
// one from 首页 → 我要说事; a cadre finds it in 说事待办, answers within the deadline and closes it
// with the result; the head finds it in the village's list, sees the answer and the result, and
// rates it five stars.
import { usePhone } from './phone';

const phone = usePhone();
let matterId = '';

test('the head raises a matter from 首页 → 我要说事 and is told by when the cadres answer', async () => {
  const home = await phone.as('demo-head');
  const raise = await phone.tapTo(home, '#entry-matters-raise');
  await raise.tap('#category-0');
  await raise.dispatch('#text', 'input', { value: '村口的路灯坏了三盏，晚上老人出门看不清路' });
  // A lamp is everyone's business: the head chooses to make it public (matters are private by default).
  await raise.dispatch('#public', 'change', { value: true });
  await raise.tap('#submit');
  await raise.until((d) => d.done !== null, 'the matter to be raised');
  expect(raise.textOf('#done')).toMatch(/^已提交。村干部会在两个工作日内、\d+月\d+日（周.）24:00前答复您。$/);

  const detail = await phone.tapTo(raise, '#open-done');
  expect(detail.route).toBe('packages/matters/detail/detail');
  matterId = String(detail.data.id);
  expect(detail.textOf('#status')).toBe('待答复');
});

test('a cadre answers it from 首页 → 说事待办 and closes it with the result', async () => {
  const home = await phone.as('demo-cadre-1');
  const queue = await phone.tapTo(home, '#entry-matters-queue');
  expect(queue.textOf(`#matter-${matterId}`)).toContain('路灯');
  const handle = await phone.tapTo(queue, `#matter-${matterId}`);
  expect(handle.route).toBe('packages/matters/handle/handle');
  expect(handle.data.form).toBe('respond');
  await handle.dispatch('#text', 'input', { value: '收到，今天下午请电工来修。' });
  await handle.tap('#submit');
  await handle.until((d) => d.submitting === false && handle.textOf('#status') === '已答复', 'the answer to be given');

  await handle.tap('#form-close');
  await handle.dispatch('#text', 'input', { value: '三盏路灯已换新，晚上试过都亮。' });
  await handle.tap('#submit');
  await handle.until((d) => d.submitting === false && handle.textOf('#status') === '已办结，待评价', 'the matter to be closed');
});

test('the head finds it in 村民说事, reads the answer and the result, and rates it five stars', async () => {
  await phone.as('demo-head');
  const list = await phone.tapTo(await phone.tab('public'), '#entry-matters');
  const detail = await phone.tapTo(list, `#matter-${matterId}`);
  expect(detail.textsOf('.event-kind')).toEqual(['提出', '答复', '办结']);
  expect(detail.text()).toContain('收到，今天下午请电工来修。');
  expect(detail.text()).toContain('三盏路灯已换新，晚上试过都亮。');
  await detail.tap('#star-5');
  await detail.dispatch('#comment', 'input', { value: '修得快，谢谢村里' });
  await detail.tap('#submit-rating');
  await detail.until((d) => d.submitting === false && detail.$('#rating') !== null, 'the rating to show');
  expect(detail.textOf('#rating')).toContain('★★★★★');
  expect(detail.$('#rate-form')).toBeNull();
});
