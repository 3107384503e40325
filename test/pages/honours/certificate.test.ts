// 积分贷 and the 积分证明 through the pages: the head sees the rate and how it is computed, issues a
// certificate, shares its link and copies its code; a bank officer (not a villager) opens the link
// or types the code and sees only what it states; expired (the local cloud's clock moved) and
// revoked certificates, and wrong codes, say so and nothing more.
import { loadPage, openAs, openPage } from '../support/page';
import { asUser, toasts } from '../support/wx';
import { answerDialogs, clipboard, modals, setCloudClock, shareFromButton, useHonoursCloud } from './support';

const { pc, api } = useHonoursCloud();

const setClock = (now: string) => setCloudClock(pc, now);
const resetClock = () => setCloudClock(pc, null);

let code = '';

test('the head sees the rate and how it is computed, issues a certificate, shares and copies it', async () => {
  asUser('demo-head');
  const loan = await api().ok('demo-head', 'honours', 'loan', {});
  const page = await openPage('packages/honours/loan/loan');
  const bp = loan.rate.rateBp;
  expect(page.textOf('#rate')).toBe(`${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`);
  expect(page.textOf('#how')).toContain('基准利率 5.00%');
  expect(page.textOf('#how')).toContain(
    `累计积分 ${loan.rate.earned} 分，每满 100 分降低 0.1 个百分点：满 ${Math.floor(loan.rate.earned / 100)} 个 100 分`,
  );
  expect(page.textOf('#no-certificates')).toBe('还没有开具过积分证明');

  await page.tap('#issue');
  await page.until((d) => Array.isArray(d.certificates) && d.certificates.length === 1, 'the certificate to be issued');
  const certs: unknown = page.data.certificates;
  const first: unknown = Array.isArray(certs) ? certs[0] : null;
  code = typeof first === 'object' && first !== null && 'code' in first && typeof first.code === 'string' ? first.code : '';
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
  expect(page.textOf(`#cert-${code}`)).toContain('有效');
  expect(page.textOf(`#cert-${code}`)).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  expect(toasts().map((t) => t.title)).toContain('积分证明已开具');

  expect(shareFromButton(page, { code })).toEqual({
    title: expect.stringContaining('积分证明核验'),
    path: `/packages/honours/verify/verify?code=${code}`,
  });
  await page.tap(`#copy-${code}`);
  expect(clipboard()).toEqual([`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`]);

  // Reloaded, the list comes from the store.
  const again = await openPage('packages/honours/loan/loan');
  expect(again.textsOf('.cert-status')).toEqual(['有效']);
});

test('a member who is not the head cannot issue', async () => {
  const page = await openAs('demo-villager', 'packages/honours/loan/loan');
  expect(page.textOf('#rate')).toMatch(/%$/);
  expect(page.$('#issue')).toBeNull();
  expect(page.textOf('#head-only')).toContain('由户主开具');
});

test('a bank officer opens the shared link and sees only what the certificate states', async () => {
  asUser('bank-officer');
  const page = await loadPage('packages/honours/verify/verify', { query: { code } });
  await page.until((d) => d.status === 'valid', 'the certificate to be verified');
  const text = page.textOf('#result');
  expect(text).toContain('证明有效');
  expect(page.textsOf('.fact-label')).toEqual(['户号', '户主', '累计积分', '积分贷利率', '开具日期', '有效期至', '核验码']);
  expect(text).toContain('和美村');
  expect(text).not.toMatch(/身份证|电话|住址/);
});

test('a wrong code, typed, reveals nothing', async () => {
  asUser('bank-officer');
  const page = await loadPage('packages/honours/verify/verify');
  await page.tap('#check');
  expect(page.textOf('#error')).toBe('请输入核验码');
  const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`;
  await page.dispatch('#code', 'input', { value: wrong.toLowerCase() });
  await page.tap('#check');
  await page.until((d) => d.status === 'notFound', 'the answer');
  expect(page.textOf('#invalid')).toBe('没有找到这份积分证明，请核对核验码后再试。');
  expect(page.$('#result')).toBeNull();
  expect(page.data.facts).toEqual([]);
});

test('after its last valid day the certificate has expired', async () => {
  const loan = await api().ok('demo-head', 'honours', 'loan', {});
  const expiresOn = loan.certificates[0]?.expiresOn ?? '';
  try {
    await setClock(new Date(new Date(`${expiresOn}T00:00:00+08:00`).getTime() + 86_400_000 + 60_000).toISOString());
    asUser('bank-officer');
    const page = await loadPage('packages/honours/verify/verify', { query: { code } });
    await page.until((d) => d.status === 'expired', 'the answer');
    expect(page.textOf('#invalid')).toBe('这份积分证明已经过了有效期，请联系户主重新开具。');
    expect(page.$('#result')).toBeNull();
  } finally {
    await resetClock();
  }
});

test('the head revokes a certificate (after confirming); the bank sees it was revoked', async () => {
  const page = await openAs('demo-head', 'packages/honours/loan/loan');
  answerDialogs(false);
  await page.tap(`#revoke-${code}`);
  await page.until(() => modals().length === 1, 'the confirm dialog');
  expect(page.textsOf('.cert-status')).toEqual(['有效']);

  await page.tap(`#revoke-${code}`);
  await page.until(() => page.textsOf('.cert-status')[0] === '已作废', 'the certificate to be revoked');
  expect(page.$(`#share-${code}`)).toBeNull();
  expect(page.textOf(`#cert-${code}`)).toContain('作废');

  asUser('bank-officer');
  const verify = await loadPage('packages/honours/verify/verify', { query: { code } });
  await verify.until((d) => d.status === 'revoked', 'the answer');
  expect(verify.textOf('#invalid')).toBe('这份积分证明已被户主作废，不能再使用。');
});
