// The import file a cadre picked in WeChat and uploaded to cloud storage, read into a table of
// text cells. .xlsx goes through exceljs (kept, widely used; loaded only for an import). .csv is
// read here rather than with exceljs's CSV reader, which turns an 18-digit ID number into a float
// (losing its last digits) and cannot read the GBK that Excel on Chinese Windows writes.
import { AppError } from '../shared/errors';
import { cloud } from '../shared/sdk';
import { decodeText, parseCsv } from '../shared/village/csv';
import { MAX_IMPORT_ROWS } from '../shared/village/import-rows';
import { declaredSizes } from '../shared/village/zip-sizes';

const MAX_BYTES = 5 * 1024 * 1024;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A cell as text: rich text joined, a formula's result, a number without exponent when it is exact. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (!isRecord(value)) return '';
  if (Array.isArray(value.richText))
    return value.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  if ('result' in value) return cellText(value.result);
  if (typeof value.text === 'string') return value.text;
  return '';
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  // The archive's declared sizes are checked before anything is inflated (a zip bomb is small).
  const sizes = declaredSizes(bytes);
  if (sizes === 'notZip') throw new AppError('IMPORT.BAD_FILE', '文件无法打开，请确认是 .xlsx 格式');
  if (typeof sizes === 'string') throw new AppError('IMPORT.TOO_LARGE', '文件解压后太大，请分批导入');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer ("Buffer extends ArrayBuffer"): give it one.
    const data = new ArrayBuffer(bytes.length);
    new Uint8Array(data).set(bytes);
    await workbook.xlsx.load(data);
  } catch {
    throw new AppError('IMPORT.BAD_FILE', '文件无法打开，请确认是 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT.BAD_FILE', '文件里没有工作表');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 20) throw new AppError('IMPORT.TOO_LARGE', `一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`);
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return table;
}

async function download(fileID: string): Promise<Buffer> {
  try {
    const res: unknown = await cloud.downloadFile({ fileID });
    if (isRecord(res) && Buffer.isBuffer(res.fileContent)) return res.fileContent;
  } catch (e) {
    console.warn(`import file ${fileID} not downloaded`, e);
  }
  throw new AppError('COMMON.NOT_FOUND', '没有找到上传的文件，请重新选择');
}

export async function readImportFile(fileID: string): Promise<{ fileName: string; table: string[][] }> {
  const fileName = fileID.split('/').pop() ?? '';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls')) throw new AppError('IMPORT.BAD_FILE', '不支持旧版 .xls，请在 Excel 中另存为 .xlsx');
  if (!lower.endsWith('.xlsx') && !lower.endsWith('.csv')) throw new AppError('IMPORT.BAD_FILE', '只支持 .xlsx 和 .csv 文件');
  const bytes = await download(fileID);
  if (bytes.length > MAX_BYTES) throw new AppError('IMPORT.TOO_LARGE', '文件超过5MB，请分批导入');
  const table = lower.endsWith('.csv') ? parseCsv(decodeText(bytes)) : await readXlsx(bytes);
  return { fileName, table };
}
