// The notice service: 一月一公示 and 红黑榜 (function `notice`), all through call().
import type { BoardsResult, NoticeGetResult, NoticeSummary, NoticeView, ObjectionView, SettleResult } from '../../typings/index';
import { call } from './cloud';

export function listNotices(): Promise<{ notices: NoticeSummary[]; canManage: boolean }> {
  return call('notice', 'list', {});
}

export function getNotice(month: string): Promise<NoticeGetResult> {
  return call('notice', 'get', { month });
}

/** Cadres: publishes a month that has ended (publishing it again answers the notice already out). */
export function publishNotice(month: string): Promise<NoticeView> {
  return call('notice', 'publish', { month });
}

export interface ObjectionRequest {
  clientKey: string;
  month: string;
  householdId: string;
  recordId?: string;
  reason: string;
}

export function objectTo(req: ObjectionRequest): Promise<ObjectionView> {
  return call('notice', 'object', req);
}

export function resolveObjection(req: {
  objectionId: string;
  decision: 'uphold' | 'dismiss';
  reason: string;
  clientKey: string;
}): Promise<ObjectionView> {
  return call('notice', 'resolve', req);
}

export function settleNotice(month: string): Promise<SettleResult> {
  return call('notice', 'settle', { month });
}

export function getBoards(month: string): Promise<BoardsResult> {
  return call('notice', 'boards', { month });
}
