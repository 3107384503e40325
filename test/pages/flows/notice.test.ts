// Flow: monthly notice → objection. The month ends (the local cloud's clock moves to the 1st of next
// month in China); a cadre publishes it from 首页 → 积分公示; a villager opens it from the list,
// objects to one item with a reason and sees the objection waiting; the cadre upholds it with a
// reason (the record is corrected); the villager sees the outcome and the cadre's reason.
import { usePhone } from './phone';
import { cards, field } from './read';
import { TEST_MONTH } from '../../support/clock';

const phone = usePhone();

const thisMonth = TEST_MONTH;
const [y = 0, m = 0] = thisMonth.split('-').map(Number);
/** 00:30 on the 1st of next month, China time: this month has ended there. */
const monthEnded = new Date(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01T00:30:00+08:00`);

let recordId = '';
let objectionId = '';

test('the month ends; a cadre publishes its notice from 首页 → 积分公示', async () => {
  await phone.setClock(monthEnded);
  await phone.as('demo-cadre-1');
  const list = await phone.tapTo(await phone.tab('work'), '#entry-notice-manage');
  await list.tap('#publish');
  await list.until((d) => d.publishing === false && d.result !== '', 'the publish result');
  expect(list.textOf('#result')).toContain('积分公示已发布');
  await list.until(() => list.$(`#open-${thisMonth}`) !== null, 'the new month to be listed');
  expect(list.textOf(`#month-${thisMonth}`)).toContain('公示中');
});

test('a villager opens the notice from the list and objects to an item with a reason', async () => {
  await phone.as('demo-villager');
  const list = await phone.tapTo(await phone.tab('public'), '#entry-notice');
  const notice = await phone.tapTo(list, `#open-${thisMonth}`);
  expect(notice.textOf('#notice-state')).toBe('公示中');
  const line = cards(notice.data.shown).find((l) => cards(l.items).some((i) => field(i, 'recordId') !== ''));
  const item = cards(line?.items).find((i) => field(i, 'recordId') !== '');
  recordId = field(item, 'recordId');
  expect(recordId).not.toBe('');

  await notice.tap(`#object-${recordId}`);
  expect(notice.textOf('#objection-target')).toContain(field(item, 'itemName'));
  await notice.dispatch('#objection-reason', 'input', { value: '那天他没有参加，签到表上没有名字' });
  await notice.tap('#objection-submit');
  await notice.until((d) => d.sheetOpen === false && cards(d.mine).length === 1, 'the objection to be filed');
  objectionId = field(cards(notice.data.mine)[0], 'id');
  expect(notice.textOf(`#mine-${objectionId}`)).toContain('村干部正在核实');
  expect(notice.textOf('#open-objections')).toBe('1');
});

test('the cadre upholds it with a reason', async () => {
  await phone.as('demo-cadre-1');
  const list = await phone.tapTo(await phone.tab('work'), '#entry-notice-manage');
  const notice = await phone.tapTo(list, `#open-${thisMonth}`);
  expect(notice.textOf(`#all-${objectionId}`)).toContain('那天他没有参加');
  await notice.dispatch(`#resolve-reason-${objectionId}`, 'input', { value: '核对签到表属实，已更正' });
  await notice.tap(`#uphold-${objectionId}`);
  await notice.until((d) => d.acting === '' && typeof d.result === 'string' && d.result.includes('异议成立'), 'the objection to be upheld');
  expect(notice.textOf('#open-objections')).toBe('0');
});

test("the villager sees the outcome with the cadre's reason", async () => {
  await phone.as('demo-villager');
  const list = await phone.tapTo(await phone.tab('public'), '#entry-notice');
  const notice = await phone.tapTo(list, `#open-${thisMonth}`);
  const mine = notice.textOf(`#mine-${objectionId}`);
  expect(mine).toContain('成立');
  expect(mine).toContain('村干部的意见：核对签到表属实，已更正');
});
