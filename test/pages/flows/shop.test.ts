// Flow: redeem → pickup. The household head opens 积分超市 from 首页, redeems salt and gets a
// pickup code (its points drop at once); the order waits in 我家的兑换单 with the code and a QR; at
// the counter the keeper opens 核销取货 from 首页 → 积分超市, scans the QR and hands the goods over;
// the head's order then says collected.
import { usePhone } from './phone';
import { cards, field, numberIn } from './read';

const phone = usePhone();
const SALT = 'goods-01'; // 食盐（400克）, 3 积分
let code = '';
let orderId = '';

test('the household head redeems salt from 首页 → 积分超市 and gets a pickup code', async () => {
  const home = await phone.as('demo-head');
  const shop = await phone.tapTo(home, '#entry-shop');
  const available = numberIn(shop, '#available');
  expect(available).toBeGreaterThanOrEqual(3);

  await shop.tap(`#redeem-${SALT}`);
  expect(shop.textOf('#cost')).toBe(`共用 3 积分，兑换后剩 ${available - 3} 积分`);
  await shop.tap('#confirm');
  await shop.until((d) => d.done !== null && d.submitting === false, 'the order to be made');
  expect(numberIn(shop, '#available')).toBe(available - 3);
  code = shop.textOf('#done-code').replace(/\s/g, '');
  expect(code).toMatch(/^[0-9A-Z]{6}$/);

  const orders = await phone.tapTo(shop, '#go-orders');
  const order = cards(orders.data.cards).find((c) => field(c, 'code').replace(/\s/g, '') === code);
  orderId = field(order, 'id');
  expect(orders.textOf(`#order-${orderId}`)).toContain('待领取');
  expect(orders.textOf(`#code-${orderId}`).replace(/\s/g, '')).toBe(code);
  expect(orders.$(`#qr-${orderId}`)).not.toBeNull();
});

test('the keeper opens 核销取货 from 首页, scans the QR and hands the salt over', async () => {
  const home = await phone.as('demo-keeper');
  const shop = await phone.tapTo(home, '#entry-shop');
  const verify = await phone.tapTo(shop, '#go-verify');
  phone.holdToScanner(code);
  await verify.tap('#scan');
  await verify.until((d) => d.found !== null, 'the order to be found');
  expect(verify.textOf('#goods')).toBe('食盐（400克） × 1');
  expect(verify.textOf('#status')).toBe('待领取');
  await verify.tap('#hand-over');
  await verify.until((d) => d.handed !== '', 'the goods to be handed over');
  expect(verify.textOf('#status')).toBe('已领取');
});

test("the head's 我家的兑换单 says collected, without the code", async () => {
  const home = await phone.as('demo-head');
  const shop = await phone.tapTo(home, '#entry-shop');
  const orders = await phone.tapTo(shop, '#go-orders');
  expect(orders.textOf(`#order-${orderId}`)).toContain('已领取');
  expect(orders.$(`#code-${orderId}`)).toBeNull();
});
