// notice.boards: 红黑榜 of a published month, from its notice's lines alone (one read beyond who the
// caller is): the red list names the top households, the black list shows deduction items and points
// only. The rules are in shared/notice/boards.ts.
import type { BoardsResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { noticeSchema, type Notice } from '../shared/notice/model';
import type { Village } from '../shared/village/model';
import { boards, RED_LIST_TOP } from '../shared/notice/boards';
import { noticeId } from '../shared/notice/booking';
import { getById } from '../shared/repo';

export function boardsView(notice: Notice, villageName: string, now: Date): BoardsResult {
  return {
    month: notice.month,
    villageName,
    status: notice.status,
    open: notice.status === 'published' && now < notice.closesAt,
    version: notice.version,
    top: RED_LIST_TOP,
    ...boards(notice.lines, RED_LIST_TOP),
  };
}

export async function getBoards(village: Village, month: string, now: Date): Promise<BoardsResult> {
  const notice = await getById(C.notices, noticeId(village._id, month), noticeSchema);
  if (!notice) throw new AppError('COMMON.NOT_FOUND', '这个月还没有公示');
  return boardsView(notice, village.name, now);
}
