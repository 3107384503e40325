// The month a notice page shows: the one in its link (?month=YYYY-MM), else the latest notice's.
import { listNotices } from '../../services/notice';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month of a page's query, '' when there is none or it is not a month. */
export function monthParam(query: Record<string, string | undefined>): string {
  const month = query.month ?? '';
  return MONTH.test(month) ? month : '';
}

/** `month`, or the latest notice's when it is ''; '' when the village has no notice yet. */
export async function monthOrLatest(month: string): Promise<string> {
  if (month) return month;
  const { notices } = await listNotices();
  return notices[0]?.month ?? '';
}
