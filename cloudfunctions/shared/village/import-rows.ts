// The rows of a household import file: the header found by its Chinese names, one person per row,
// and every problem a row has on its own or against the other rows of the file.
import type { ImportRowView } from '../../../typings';
import { AppError } from '../errors';
import { HEAD, idNumberProblem, isRelation, nameProblem, normaliseIdNumber, normalisePhone, phoneProblem } from './person';

export type ImportField = 'grid' | 'group' | 'no' | 'headName' | 'name' | 'relation' | 'idNumber' | 'phone';

/** Accepted header texts per column (compared without spaces, "*" and bracketed notes). */
export const IMPORT_HEADERS: Record<ImportField, string[]> = {
  grid: ['网格', '微网格'],
  group: ['联户小组', '小组'],
  no: ['门牌号/户号', '户号', '门牌号', '门牌号户号'],
  headName: ['户主姓名', '户主'],
  name: ['成员姓名', '姓名'],
  relation: ['与户主关系', '关系'],
  idNumber: ['身份证号', '身份证号码'],
  phone: ['手机号', '手机号码', '电话'],
};

const FIELDS: ImportField[] = ['grid', 'group', 'no', 'headName', 'name', 'relation', 'idNumber', 'phone'];
const OPTIONAL: ImportField[] = ['phone'];
export const MAX_IMPORT_ROWS = 2000;

/** A row as read, before masking: the view's fields (ID number and phone whole), no action decided yet. */
export type ImportRow = Omit<ImportRowView, 'action'>;

function headerKey(text: string): string {
  return text.replace(/[\s*＊]/g, '').replace(/[（(].*?[）)]/g, '');
}

function fieldOf(text: string): ImportField | null {
  const key = headerKey(text);
  return FIELDS.find((f) => IMPORT_HEADERS[f].some((h) => headerKey(h) === key)) ?? null;
}

/** Column index per field, from the first of the sheet's first rows that names the key columns. */
function findHeader(table: string[][]): { at: number; columns: Partial<Record<ImportField, number>> } {
  for (let at = 0; at < Math.min(table.length, 10); at++) {
    const columns: Partial<Record<ImportField, number>> = {};
    (table[at] ?? []).forEach((cell, i) => {
      const field = fieldOf(cell);
      if (field && columns[field] === undefined) columns[field] = i;
    });
    if (columns.no !== undefined && columns.name !== undefined) return { at, columns };
  }
  throw new AppError(
    'IMPORT.BAD_FILE',
    '没有找到表头，第一行应为：网格、联户小组、门牌号/户号、户主姓名、成员姓名、与户主关系、身份证号、手机号',
  );
}

/** The people rows of a sheet (empty rows skipped); refuses a sheet without the needed columns. */
export function readRows(table: string[][]): ImportRow[] {
  const { at, columns } = findHeader(table);
  const missing = FIELDS.filter((f) => columns[f] === undefined && !OPTIONAL.includes(f));
  if (missing.length) throw new AppError('IMPORT.BAD_FILE', `缺少这些列：${missing.map((f) => IMPORT_HEADERS[f][0]).join('、')}`);
  const cell = (cells: string[], f: ImportField): string => {
    const i = columns[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rows: ImportRow[] = [];
  table.slice(at + 1).forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    rows.push({
      line: at + i + 2,
      grid: cell(cells, 'grid'),
      group: cell(cells, 'group'),
      no: cell(cells, 'no'),
      headName: cell(cells, 'headName'),
      name: cell(cells, 'name'),
      relation: cell(cells, 'relation'),
      idNumber: normaliseIdNumber(cell(cells, 'idNumber')),
      phone: normalisePhone(cell(cells, 'phone')),
      problems: [],
    });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT.TOO_LARGE', `一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`);
  if (!rows.length) throw new AppError('IMPORT.BAD_FILE', '文件里没有数据行');
  return rows;
}

function ownProblems(row: ImportRow): string[] {
  const out: string[] = [];
  if (!row.grid) out.push('缺少网格');
  if (!row.group) out.push('缺少联户小组');
  if (!row.no) out.push('缺少门牌号/户号');
  const head = nameProblem(row.headName);
  if (head) out.push(`户主姓名：${head}`);
  const name = nameProblem(row.name);
  if (name) out.push(`成员姓名：${name}`);
  if (!row.relation) out.push('缺少与户主关系');
  else if (!isRelation(row.relation)) out.push(`不认识的关系「${row.relation}」`);
  const id = idNumberProblem(row.idNumber);
  if (id) out.push(id);
  const phone = phoneProblem(row.phone);
  if (phone) out.push(phone);
  return out;
}

/** Fills every row's problems: its own, and those against earlier rows (same person twice, one household described two ways, two heads). */
export function checkRows(rows: ImportRow[]): void {
  const seen: Seen = { byId: new Map(), firstOfHousehold: new Map(), headOf: new Map() };
  for (const row of rows) {
    row.problems.push(...ownProblems(row), ...samePerson(seen, row));
    if (!row.no) continue;
    row.problems.push(...householdDiffers(seen, row, row.no));
    if (row.relation === HEAD) row.problems.push(...headProblems(seen, row, row.no));
  }
}

/** The rows met so far: by ID number, the first row of each household, each household's head. */
interface Seen {
  byId: Map<string, ImportRow>;
  firstOfHousehold: Map<string, ImportRow>;
  headOf: Map<string, ImportRow>;
}

function samePerson(seen: Seen, row: ImportRow): string[] {
  if (!row.idNumber) return [];
  const twin = seen.byId.get(row.idNumber);
  if (twin) return [`与第${twin.line}行是同一个人（身份证号相同）`];
  seen.byId.set(row.idNumber, row);
  return [];
}

function householdDiffers(seen: Seen, row: ImportRow, no: string): string[] {
  const first = seen.firstOfHousehold.get(no);
  if (!first) {
    seen.firstOfHousehold.set(no, row);
    return [];
  }
  const differs = [
    first.grid !== row.grid ? '网格' : '',
    first.group !== row.group ? '联户小组' : '',
    first.headName !== row.headName ? '户主姓名' : '',
  ].filter(Boolean);
  return differs.length ? [`与第${first.line}行同一户，但${differs.join('、')}不同`] : [];
}

function headProblems(seen: Seen, row: ImportRow, no: string): string[] {
  const out: string[] = [];
  const head = seen.headOf.get(no);
  if (head) out.push(`同一户有两个户主（另见第${head.line}行）`);
  else seen.headOf.set(no, row);
  if (row.name !== row.headName) out.push('户主这一行的成员姓名应与户主姓名相同');
  return out;
}
