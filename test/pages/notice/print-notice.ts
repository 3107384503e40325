// The notice the print page draws, as the notice function answers it: 和美村's November 2026,
// published at 00:30 on 1 December in China, objections open until 24:00 on the 5th.
import type { PrintNotice } from '../../../miniprogram/utils/print-layout';

export function printNotice(lines: PrintNotice['lines'], over: Partial<PrintNotice> = {}): PrintNotice {
  return {
    villageName: '和美村',
    month: '2026-11',
    status: 'published',
    open: true,
    publishedAt: '2026-11-30T16:30:00.000Z',
    closesAt: '2026-12-05T16:00:00.000Z',
    settledAt: null,
    households: lines.length,
    totalPoints: lines.reduce((s, l) => s + l.total, 0),
    version: 1,
    lines,
    ...over,
  };
}
