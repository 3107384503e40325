import { AppError } from '../../cloudfunctions/shared/errors';
import { decodeText, parseCsv } from '../../cloudfunctions/shared/village/csv';
import { planImport, type ExistingState } from '../../cloudfunctions/shared/village/import-plan';
import { checkRows, readRows, type ImportRow } from '../../cloudfunctions/shared/village/import-rows';
import { grid, household, member, validId } from '../village/fixtures';

const HEADER = ['网格', '联户小组', '门牌号/户号', '户主姓名', '成员姓名', '与户主关系', '身份证号', '手机号'];
const A1 = validId('19700101', '111');
const A2 = validId('19720202', '112');
const B1 = validId('19650303', '211');

function rows(body: string[][]): ImportRow[] {
  const r = readRows([HEADER, ...body]);
  checkRows(r);
  return r;
}

let n = 0;
const newId = (prefix: string): string => `${prefix}-${++n}`;
const NOW = new Date('2026-05-01T02:00:00Z');
const BY = { id: 'cadre', name: '干部' };

function plan(r: ImportRow[], existing: ExistingState = { grids: [], households: [], members: [] }) {
  return planImport({ villageId: 'village-xinghua', by: BY, now: NOW, rows: r, existing, newId });
}

describe('CSV', () => {
  test('quotes, commas, doubled quotes and line breaks inside cells; CRLF rows', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,y')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', 'y'],
    ]);
  });
  test('UTF-8 with a BOM, and GBK as Excel on Chinese Windows writes it', () => {
    expect(decodeText(Buffer.from('\ufeff网格,户号', 'utf8'))).toBe('网格,户号');
    const gbk = Buffer.from([0xcd, 0xf8, 0xb8, 0xf1]); // 网格 in GBK
    expect(decodeText(gbk)).toBe('网格');
  });
  test('an 18-digit ID number stays text, all digits kept', () => {
    const [, row] = parseCsv(`${HEADER.join(',')}\n第一网格,1组,1组1号,李一,李一,户主,${A1},`);
    expect(row?.[6]).toBe(A1);
  });
});

describe('reading rows', () => {
  test('the header may sit below a title row and use the short names', () => {
    const r = readRows([
      ['杏花村农户花名册'],
      ['网格', '联户小组', '户号', '户主姓名', '姓名', '关系', '身份证号码'],
      ['第一网格', '1组', '1组1号', '李一', '李一', '户主', A1],
      ['', '', '', '', '', '', ''],
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ line: 3, no: '1组1号', name: '李一', phone: '' });
  });
  test('a sheet without the needed columns is refused, naming them', () => {
    try {
      readRows([
        ['户号', '姓名'],
        ['1', '李'],
      ]);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(e instanceof AppError && e.message).toBe('缺少这些列：网格、联户小组、户主姓名、与户主关系、身份证号');
    }
  });
});

describe('problems per row', () => {
  test('missing name, malformed ID (check digit), malformed phone, unknown relation, duplicate person', () => {
    const r = rows([
      ['第一网格', '1组', '1组1号', '李一', '李一', '户主', A1, '13800138000'],
      ['第一网格', '1组', '1组1号', '李一', '', '配偶', A2, ''],
      ['第一网格', '1组', '1组1号', '李一', '李三', '表哥', `${A2.slice(0, 17)}${A2.endsWith('0') ? '1' : '0'}`, '1380013800'],
      ['第一网格', '1组', '1组1号', '李一', '李四', '子女', A1, ''],
    ]);
    expect(r[0]?.problems).toEqual([]);
    expect(r[1]?.problems).toEqual(['成员姓名：缺少姓名']);
    expect(r[2]?.problems).toEqual(['不认识的关系「表哥」', '身份证号校验位不对，请核对', '手机号应为11位数字，以1开头']);
    expect(r[3]?.problems).toEqual(['与第2行是同一个人（身份证号相同）']);
  });
  test('one household described two ways, two heads, a head row that is not the head', () => {
    const r = rows([
      ['第一网格', '1组', '1组1号', '李一', '李一', '户主', A1],
      ['第二网格', '1组', '1组1号', '李一', '李二', '户主', A2],
      ['第一网格', '1组', '2组1号', '王一', '王二', '户主', B1],
    ]);
    expect(r[1]?.problems).toEqual(['与第2行同一户，但网格不同', '同一户有两个户主（另见第2行）', '户主这一行的成员姓名应与户主姓名相同']);
    expect(r[2]?.problems).toEqual(['户主这一行的成员姓名应与户主姓名相同']);
  });
});

describe('the plan', () => {
  const body = [
    ['第一网格', '1组', '1组1号', '李一', '李一', '户主', A1, '13800138000'],
    ['第一网格', '1组', '1组1号', '李一', '张二', '配偶', A2, ''],
    ['第二网格', '3组', '3组1号', '王一', '王一', '户主', B1, ''],
  ];

  test('a fresh village: grids, households, members and their stints are created', () => {
    const p = plan(rows(body));
    expect(p.counts).toEqual({
      rows: 3,
      problemRows: 0,
      grids: { create: 4 },
      households: { create: 2, update: 0, unchanged: 0 },
      members: { create: 3, update: 0, unchanged: 0 },
    });
    const micro = p.newGrids.find((g) => g.name === '第一网格');
    expect(p.newGrids.find((g) => g.name === '1组')?.parentId).toBe(micro?._id);
    expect(p.newMembers.map((m) => m.membershipId)).toEqual(p.newMemberships.map((s) => s._id));
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
  });

  test('the same file against what it created changes nothing', () => {
    const first = plan(rows(body));
    const existing: ExistingState = { grids: first.newGrids, households: first.newHouseholds, members: first.newMembers };
    const again = plan(rows(body), existing);
    expect(again.counts.households).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(again.counts.members).toEqual({ create: 0, update: 0, unchanged: 3 });
    expect(again.counts.grids.create).toBe(0);
    expect([
      again.newGrids,
      again.newHouseholds,
      again.newMembers,
      again.newMemberships,
      again.householdChanges,
      again.memberChanges,
    ]).toEqual([[], [], [], [], [], []]);
  });

  test('a changed file updates: a new phone, a household moved to another grid (with its history), a person moved between households', () => {
    const first = plan(rows(body));
    const existing: ExistingState = { grids: first.newGrids, households: first.newHouseholds, members: first.newMembers };
    const changed = plan(
      rows([
        ['第一网格', '1组', '1组1号', '李一', '李一', '户主', A1, '13900139000'],
        ['第二网格', '3组', '3组1号', '王一', '王一', '户主', B1, ''],
        ['第二网格', '3组', '3组1号', '王一', '张二', '配偶', A2, ''],
      ]),
      existing,
    );
    expect(changed.memberChanges.find((c) => c.set.phone)?.set.phone).toBe('13900139000');
    const moved = changed.memberChanges.find((c) => c.set.householdId);
    expect(moved?.set.householdId).toBe(first.newHouseholds.find((h) => h.no === '3组1号')?._id);
    expect(changed.closedMemberships).toHaveLength(1);
    expect(changed.counts.members).toEqual({ create: 0, update: 2, unchanged: 1 });

    const regrid = plan(rows([['第二网格', '4组', '1组1号', '李一', '李一', '户主', A1, '13800138000']]), existing);
    expect(regrid.movedHouseholds).toHaveLength(1);
    expect(regrid.householdChanges[0]?.set.moves).toHaveLength(1);
    // 第二网格 is on record already: only its new group 4组 is created.
    expect(regrid.counts.grids.create).toBe(1);
  });

  test('problems only the record shows: a new household without its head, another head on record, a bound person moving', () => {
    const onRecord = household({ _id: 'h1', no: '1组1号', headName: '李一', gridId: 'g1', groupId: 'g1-1' });
    const existing: ExistingState = {
      grids: [grid({ _id: 'g1', kind: 'micro', name: '第一网格' }), grid({ _id: 'g1-1', kind: 'group', name: '1组', parentId: 'g1' })],
      households: [onRecord],
      members: [
        member({ _id: 'm1', householdId: 'h1', name: '李老', relation: '户主', idNumber: B1 }),
        member({ _id: 'm2', householdId: 'h1', name: '张二', relation: '配偶', idNumber: A2, userId: 'o-zhang' }),
      ],
    };
    const p = plan(
      rows([
        ['第一网格', '1组', '1组1号', '李一', '李一', '户主', A1],
        ['第一网格', '1组', '5组5号', '赵五', '张二', '配偶', A2],
      ]),
      existing,
    );
    expect(p.rows[0]?.problems).toEqual(['这一户在系统中的户主是李老，与文件不同；请先在农户管理中更换户主']);
    expect(p.rows[1]?.problems).toEqual(['这一户是新户，但文件里没有户主那一行']);
    const bound = plan(rows([['第一网格', '1组', '5组5号', '张二', '张二', '户主', A2]]), existing);
    expect(bound.rows[0]?.problems).toEqual(['此人已绑定微信，请在农户管理中办理迁移']);
    expect(p.counts.problemRows).toBe(2);
    expect(p.newMembers).toEqual([]);
  });
});
