// shop.report: the month's figures for the village's accounts — goods handed over, points spent,
// per goods and per household — and shop.exportReport: the same as an Excel file in cloud storage,
// with a temporary URL the page downloads and opens (wx.openDocument opens .xlsx, not .csv).
import type { ExportResult, ReportResult } from '../../typings';
import { C } from '../shared/collections';
import { chinaNow } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { shopOrderSchema } from '../shared/shop/model';
import { villageSchema, type User } from '../shared/village/model';
import { getById, listAll } from '../shared/repo';
import { cloud } from '../shared/sdk';
import { monthTitle, reportFigures, reportSheets } from '../shared/shop/report';
import { villageOf } from '../shared/users';
import { manager } from './goods';
import { orderView } from './views';

export async function report(month: string, openid: string): Promise<ReportResult> {
  return reportOf(await manager(openid), month);
}

async function reportOf(user: User, month: string): Promise<ReportResult> {
  const villageId = villageOf(user);
  const [closed, village] = await Promise.all([
    listAll(C.shopOrders, { villageId, closedMonth: month }, shopOrderSchema),
    getById(C.villages, villageId, villageSchema),
  ]);
  const done = closed.filter((o) => o.status === 'done').sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0));
  return { month, villageName: village?.name ?? '', ...reportFigures(closed), orders: done.map(orderView) };
}

function timeText(iso: string): string {
  return chinaNow(new Date(iso)).format('YYYY-MM-DD HH:mm');
}

export async function workbook(r: ReportResult): Promise<Buffer> {
  // Loaded on export only: every other action's cold start stays free of the spreadsheet library.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '和美村';
  for (const sheet of reportSheets(r, timeText)) {
    const ws = book.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    for (const c of ws.columns) c.width = 16;
  }
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

async function tempUrl(fileID: string): Promise<string> {
  const res: unknown = await cloud.getTempFileURL({ fileList: [fileID] });
  const list = isRecord(res) && Array.isArray(res.fileList) ? res.fileList : [];
  const first: unknown = list[0];
  return isRecord(first) && typeof first.tempFileURL === 'string' ? first.tempFileURL : '';
}

export async function exportReport(month: string, openid: string): Promise<ExportResult> {
  const user = await manager(openid);
  const r = await reportOf(user, month);
  const fileName = `${r.villageName}积分超市${monthTitle(month)}兑换报表.xlsx`;
  // The machine's milliseconds only make the file name unique; no date is read from them.
  const cloudPath = `shop/reports/${villageOf(user)}/${month}-${Date.now()}.xlsx`;
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: await workbook(r) });
  const url = await tempUrl(fileID);
  if (!url) throw new AppError('COMMON.INTERNAL', '报表文件没有生成成功，请稍后再试');
  return { fileID, url, fileName };
}
