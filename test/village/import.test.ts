// Bulk import through the built function: files uploaded to the local cloud's storage as the
// mini-program does, read with exceljs (.xlsx) or as text (.csv). Preview lists every row's problems
// and writes nothing; commit writes; the same file again changes nothing and duplicates nothing.
import ExcelJS from 'exceljs';
import { C } from '../../cloudfunctions/shared/collections';
import { memberSchema, type Member } from '../../cloudfunctions/shared/village/model';
import type { ImportPreview } from '../../typings';
import { settled } from '../support/sdk';
import { validId } from './fixtures';
import { all, measured, ok, printMeasured, refused, snapshot, useVillageCloud } from './support';

const s = useVillageCloud({ demo: true });
const CADRE = 'demo-cadre-1';
const HEADER = ['网格', '联户小组', '门牌号/户号', '户主姓名', '成员姓名', '与户主关系', '身份证号', '手机号'];

async function upload(name: string, bytes: Buffer): Promise<string> {
  const { fileID } = await settled(s.cloud.uploadFile({ cloudPath: `village-import/test/${Date.now()}-${name}`, fileContent: bytes }));
  return fileID;
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农户');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: string[][]): Buffer {
  const line = (cells: string[]): string => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return Buffer.from(`\ufeff${[HEADER, ...rows].map(line).join('\r\n')}\r\n`, 'utf8');
}

const ZHAO = validId('19750505', '301');
const QIAN = validId('19780606', '302');
const BAO = validId('20100707', '303');
const SUN = validId('19600808', '304');

let existing: Member;
let secretaryHousehold = { no: '', headName: '' };

beforeAll(async () => {
  // A person already on record (the secretary's household, 1组1号): the file updates their phone.
  const members = (await all(s, C.members)).map((m) => memberSchema.parse(m));
  const found = members.find((m) => m.householdId === 'hh-001' && m.relation !== '户主');
  const head = members.find((m) => m.householdId === 'hh-001' && m.relation === '户主');
  if (!found || !head) throw new Error('demo household hh-001 without members');
  existing = found;
  secretaryHousehold = { no: '1组1号', headName: head.name };
});

afterAll(() => printMeasured('village: database requests per action (import)'));

function goodRows(): string[][] {
  return [
    ['第四网格', '50组', '50组1号', '赵大海', '赵大海', '户主', ZHAO, '13800000001'],
    ['第四网格', '50组', '50组1号', '赵大海', '钱小梅', '配偶', QIAN, ''],
    ['第四网格', '50组', '50组1号', '赵大海', '赵小宝', '儿子', BAO, ''],
    ['第四网格', '51组', '51组1号', '孙二', '孙二', '户主', SUN, ''],
    [
      '第一网格',
      '1组联户小组',
      secretaryHousehold.no,
      secretaryHousehold.headName,
      existing.name,
      existing.relation,
      existing.idNumber,
      '13912345678',
    ],
  ];
}

describe('a good file', () => {
  let fileID = '';
  test('preview counts what would be created and updated, and writes nothing', async () => {
    fileID = await upload('花名册.xlsx', await xlsx(goodRows()));
    const before = await snapshot(s);
    const preview = await ok(s, 'village', CADRE, 'importPreview', { fileID }, 'importPreview (5 rows, xlsx)');
    expect(preview.data.fileName).toMatch(/花名册\.xlsx$/);
    expect(preview.data.rows.map((r) => r.problems)).toEqual([[], [], [], [], []]);
    expect(preview.data.rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create', 'update']);
    expect(preview.data.rows[0]?.idNumber).toBe(`${ZHAO.slice(0, 3)}***********${ZHAO.slice(-4)}`);
    expect(preview.data.counts).toEqual({
      rows: 5,
      problemRows: 0,
      grids: { create: 3 },
      households: { create: 2, update: 0, unchanged: 1 },
      members: { create: 4, update: 1, unchanged: 0 },
    });
    expect(await snapshot(s)).toBe(before);
  });

  test('commit writes grids, households (with balances), members (with memberships) in one go', async () => {
    const committed = await ok(s, 'village', CADRE, 'importCommit', { fileID }, 'importCommit (5 rows, first time)');
    expect(committed.data.counts.households).toEqual({ create: 2, update: 0, unchanged: 1 });
    const overview = await ok(s, 'village', CADRE, 'overview', { q: '50组' });
    expect(overview.data.households).toEqual([
      expect.objectContaining({ no: '50组1号', headName: '赵大海', gridName: '第四网格', groupName: '50组' }),
    ]);
    const id = overview.data.households[0]?.id ?? '';
    const detail = await ok(s, 'village', CADRE, 'household', { householdId: id });
    expect(detail.data.members.map((m) => `${m.name}/${m.relation}`)).toEqual(['赵大海/户主', '钱小梅/配偶', '赵小宝/儿子']);
    expect(detail.data.history).toHaveLength(3);
    expect((await all(s, C.balances)).find((b) => b._id === id)).toMatchObject({ gridId: detail.data.household.gridId, earned: 0 });
    const updated = (await all(s, C.members)).find((m) => m._id === existing._id);
    expect(updated).toMatchObject({ phone: '13912345678', householdId: 'hh-001' });
  });

  test('importing the same file again updates nothing and duplicates nothing', async () => {
    const sizes = async (): Promise<number[]> =>
      Promise.all([C.grids, C.households, C.members, C.balances, C.memberships].map(async (c) => (await all(s, c)).length));
    const before = await sizes();
    const again = await ok(s, 'village', CADRE, 'importCommit', { fileID }, 'importCommit (5 rows, again)');
    expect(again.data.counts).toMatchObject({
      grids: { create: 0 },
      households: { create: 0, update: 0, unchanged: 3 },
      members: { create: 0, update: 0, unchanged: 5 },
    });
    expect(await sizes()).toEqual(before);
    // The same rows as a .csv are the same people and households.
    const asCsv = await upload('花名册.csv', csv(goodRows()));
    const preview = await ok(s, 'village', CADRE, 'importPreview', { fileID: asCsv });
    expect(preview.data.counts.members).toEqual({ create: 0, update: 0, unchanged: 5 });
    expect((await all(s, C.villageImports)).length).toBe(2);
  });
});

describe('a file with problems', () => {
  const bad = (): string[][] => {
    const wrongCheck = `${ZHAO.slice(0, 17)}${ZHAO.endsWith('1') ? '2' : '1'}`;
    return [
      ['第四网格', '60组', '60组1号', '周一', '周一', '户主', validId('19700101', '401'), ''],
      ['第四网格', '60组', '60组1号', '周一', '', '配偶', validId('19700101', '402'), ''],
      ['第四网格', '60组', '60组1号', '周一', '周三', '表哥', wrongCheck, '1380000'],
      ['第四网格', '60组', '60组1号', '周一', '周四', '女儿', validId('19700101', '401'), ''],
      ['第四网格', '61组', '61组1号', '吴一', '吴二', '配偶', validId('19700101', '403'), ''],
    ];
  };

  test("preview lists every row's problems and writes nothing; commit is refused and writes nothing", async () => {
    const fileID = await upload('有问题.csv', csv(bad()));
    const before = await snapshot(s);
    const preview = await ok(s, 'village', CADRE, 'importPreview', { fileID });
    const problems = (p: ImportPreview): string[][] => p.rows.map((r) => r.problems);
    expect(problems(preview.data)).toEqual([
      [],
      ['成员姓名：缺少姓名'],
      ['不认识的关系「表哥」', '身份证号校验位不对，请核对', '手机号应为11位数字，以1开头'],
      ['与第2行是同一个人（身份证号相同）'],
      ['这一户是新户，但文件里没有户主那一行'],
    ]);
    expect(preview.data.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(preview.data.counts.problemRows).toBe(4);
    expect(await snapshot(s)).toBe(before);
    const refusal = await refused(s, 'village', CADRE, 'importCommit', { fileID });
    expect(refusal).toEqual({ code: 'IMPORT.HAS_PROBLEMS', message: '文件中有4行有问题，请修改后再导入' });
    expect(await snapshot(s)).toBe(before);
  });

  test('an ID number Excel stored as a number is named', async () => {
    const fileID = await upload('数字.xlsx', await xlsx([['第四网格', '62组', '62组1号', '郑一', '郑一', '户主', 510603197001014000, '']]));
    const preview = await ok(s, 'village', CADRE, 'importPreview', { fileID });
    expect(preview.data.rows[0]?.problems).toEqual(['身份证号被存成了数字（科学计数法），请把该列设为文本后重新填写']);
  });

  test('files that cannot be read are refused with a reason, nothing written', async () => {
    const before = await snapshot(s);
    const notXlsx = await upload('坏文件.xlsx', Buffer.from('this is not a zip'));
    expect(await refused(s, 'village', CADRE, 'importPreview', { fileID: notXlsx })).toEqual({
      code: 'IMPORT.BAD_FILE',
      message: '文件无法打开，请确认是 .xlsx 格式',
    });
    const noColumns = await upload('缺列.csv', Buffer.from('户号,成员姓名\n1,张三\n'));
    expect(await refused(s, 'village', CADRE, 'importPreview', { fileID: noColumns })).toEqual({
      code: 'IMPORT.BAD_FILE',
      message: '缺少这些列：网格、联户小组、户主姓名、与户主关系、身份证号',
    });
    const old = await upload('旧格式.xls', Buffer.from('x'));
    expect((await refused(s, 'village', CADRE, 'importPreview', { fileID: old })).code).toBe('IMPORT.BAD_FILE');
    expect(
      (await refused(s, 'village', CADRE, 'importPreview', { fileID: 'cloud://local-dev.local-bucket/village-import/none.csv' })).code,
    ).toBe('COMMON.NOT_FOUND');
    expect(await snapshot(s)).toBe(before);
  });
});

test("a village's roster of 100 households (400 people) imports in a bounded number of requests", async () => {
  const rows: string[][] = [];
  for (let h = 1; h <= 100; h++) {
    const grid = `第${h <= 50 ? '五' : '六'}网格`;
    const group = `${30 + Math.ceil(h / 7)}组`;
    const no = `${group}${h}号`;
    for (let p = 0; p < 4; p++) {
      const name = `${'郑冯陈褚'.charAt(p)}${'一二三四五六七八九十'.charAt(h % 10)}${'甲乙丙丁'.charAt(p)}`;
      const head = `郑${'一二三四五六七八九十'.charAt(h % 10)}甲`;
      rows.push([
        grid,
        group,
        no,
        head,
        p === 0 ? head : name,
        ['户主', '配偶', '儿子', '女儿'][p] ?? '其他',
        validId(`19${50 + p * 10}0${(h % 9) + 1}1${p}`, String(100 + h).padStart(3, '0')),
        '',
      ]);
    }
  }
  const fileID = await upload('全村.xlsx', await xlsx(rows));
  const preview = await ok(s, 'village', CADRE, 'importPreview', { fileID }, 'importPreview (400 rows)');
  expect(preview.data.counts.problemRows).toBe(0);
  const first = await ok(s, 'village', CADRE, 'importCommit', { fileID }, 'importCommit (400 rows, 100 households, first time)');
  expect(first.data.counts.households.create).toBe(100);
  expect(first.data.counts.members.create).toBe(400);
  const again = await ok(s, 'village', CADRE, 'importCommit', { fileID }, 'importCommit (400 rows, again)');
  expect(again.data.counts.members.unchanged).toBe(400);
  // Reads in chunks of 500 and writes in batches of 200: far below one request per row.
  expect(first.dbRequests).toBeLessThan(25);
  expect(again.dbRequests).toBeLessThan(12);
  expect(measured.length).toBeGreaterThan(3);
});

test('an .xlsx whose archive declares more than it may inflate to is refused before it is inflated', async () => {
  const bytes = await xlsx([['第一网格', '1组', '1组1号', '李长青', '李长青', '户主', validId(), '']]);
  // Declare 100 MB for the first entry of the central directory: a zip bomb's shape, without its bytes.
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const dir = bytes.readUInt32LE(end + 16);
  bytes.writeUInt32LE(100 * 1024 * 1024, dir + 24);
  const fileID = await upload('bomb.xlsx', bytes);
  expect((await refused(s, 'village', CADRE, 'importPreview', { fileID })).code).toBe('IMPORT.TOO_LARGE');
});
