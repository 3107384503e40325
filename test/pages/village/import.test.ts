// 批量导入农户 through the page: a cadre picks a file from a chat (a real .xlsx / .csv the test wrote),
// it is uploaded to the local cloud's storage, the preview lists every row with its problems and
// what it would do — nothing is written — and only a file without problems can be imported; the
// same file again changes nothing.
import ExcelJS from 'exceljs';
import { C } from '../../../cloudfunctions/shared/collections';
import { count } from '../../support/sdk';
import { validId } from '../../village/fixtures';
import { loadPage } from '../support/page';
import { asUser, toasts } from '../support/wx';
import { pickChatFile, uploads, useVillagePages, writeChatFile } from './support';

const { pc } = useVillagePages();
const HEADER = ['网格', '联户小组', '门牌号/户号', '户主姓名', '成员姓名', '与户主关系', '身份证号', '手机号'];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  for (const r of [HEADER, ...rows]) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD = [
  ['第五网格', '70组', '70组1号', '冯大伟', '冯大伟', '户主', validId('19700303', '501'), '13800005001'],
  ['第五网格', '70组', '70组1号', '冯大伟', '韩秀英', '配偶', validId('19720404', '502'), ''],
  ['第五网格', '70组', '70组2号', '冯二伟', '冯二伟', '户主', validId('19750505', '503'), ''],
];

const households = (): Promise<number> => count(pc.db.collection(C.households));

test('a file with problems: every row shown with its problems, nothing written, import not offered', async () => {
  const before = await households();
  pickChatFile(
    writeChatFile(
      '有问题.csv',
      Buffer.from(
        `\ufeff${[HEADER, ['第五网格', '71组', '71组1号', '褚一', '褚一', '户主', validId('19600101', '601'), ''], ['第五网格', '71组', '71组1号', '褚一', '', '表亲', '12345', '123']].map((r) => r.join(',')).join('\n')}`,
      ),
    ),
  );
  asUser('demo-cadre-1');
  const page = await loadPage('packages/village/import/import');
  await page.tap('#choose');
  await page.until((d) => d.step === 'preview' || d.error !== '', 'the preview');
  expect(uploads()).toHaveLength(1);
  expect(page.textOf('#summary')).toContain('共 2 行，1 行有问题');
  expect(page.textOf('#must-fix')).toContain('改好之前不能导入');
  expect(page.textOf('#row-3')).toContain('成员姓名：缺少姓名');
  expect(page.textOf('#row-3')).toContain('不认识的关系「表亲」');
  expect(page.textOf('#row-3')).toContain('身份证号应为18位（最后一位可以是X）');
  expect(page.textOf('#row-3')).toContain('手机号应为11位数字，以1开头');
  expect(page.textOf('#row-2')).toContain('新增');
  await page.tap('#only-problems');
  expect(page.$('#row-2')).toBeNull();
  await page.tap('#commit'); // disabled: nothing happens
  expect(page.data.step).toBe('preview');
  expect(await households()).toBe(before);
});

test('a good .xlsx: preview, import, and the same file again changes nothing', async () => {
  const before = await households();
  const file = writeChatFile('花名册.xlsx', await xlsx(GOOD));
  pickChatFile(file);
  asUser('demo-cadre-1');
  const page = await loadPage('packages/village/import/import');
  await page.tap('#choose');
  await page.until((d) => d.step === 'preview' || d.error !== '', 'the preview');
  expect(page.textOf('#summary')).toContain('共 3 行，没有发现问题');
  expect(page.textOf('#summary-text')).toBe('导入后：农户：新增2；成员：新增3；新建网格/小组2个');
  // ID and phone masked in the preview.
  expect(page.textOf('#row-2')).toContain('冯大伟 · 户主 · 510***********');
  expect(page.textOf('#row-2')).toContain('· 138****5001');
  expect(await households()).toBe(before);

  await page.tap('#commit');
  await page.until((d) => d.step === 'done' || d.error !== '', 'imported');
  expect(page.textOf('#done-text')).toBe('农户：新增2；成员：新增3；新建网格/小组2个');
  expect(await households()).toBe(before + 2);

  await page.tap('#again');
  pickChatFile(file);
  await page.tap('#choose');
  await page.until((d) => d.step === 'preview' || d.error !== '', 'the preview again');
  expect(page.textOf('#summary-text')).toBe('导入后：农户：不变2；成员：不变3');
  await page.tap('#commit');
  await page.until((d) => d.step === 'done' || d.error !== '', 'imported again');
  expect(await households()).toBe(before + 2);
  expect(await count(pc.db.collection(C.villageImports))).toBe(2);
  expect(toasts()).toEqual([]);
});

test('a villager cannot import: the refusal is shown', async () => {
  pickChatFile(writeChatFile('x.csv', Buffer.from(HEADER.join(','))));
  asUser('demo-villager');
  const page = await loadPage('packages/village/import/import');
  await page.tap('#choose');
  await page.until((d) => d.error !== '', 'the refusal');
  expect(page.textOf('#error')).toBe('只有村干部可以办理');
});
