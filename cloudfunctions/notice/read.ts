// notice.list and notice.get: what every villager of the village may read. Objections show their
// objector only to cadres.
import type { NoticeGetResult, NoticeSummary } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { noticeSchema, objectionSchema } from '../shared/notice/model';
import type { User, Village } from '../shared/village/model';
import { noticeId } from '../shared/notice/booking';
import { isCadre } from '../shared/access';
import { getById, list } from '../shared/repo';
import { noticeView, objectionView, summary } from './views';

export async function listNotices(user: User, villageId: string): Promise<{ notices: NoticeSummary[]; canManage: boolean }> {
  const notices = await list(C.notices, { villageId }, noticeSchema, { orderBy: ['month', 'desc'], limit: 24 });
  return { notices: notices.map(summary), canManage: isCadre(user) };
}

export async function getNotice(user: User, village: Village, month: string, now: Date): Promise<NoticeGetResult> {
  const [notice, objections] = await Promise.all([
    getById(C.notices, noticeId(village._id, month), noticeSchema),
    list(C.objections, { villageId: village._id, month }, objectionSchema, { orderBy: ['createdAt', 'asc'], limit: 1000 }),
  ]);
  if (!notice) throw new AppError('COMMON.NOT_FOUND', '这个月还没有公示');
  const cadre = isCadre(user);
  return {
    notice: noticeView(notice, village.name, objections, now, {
      householdId: user.householdId,
      seesAll: cadre,
      itemisedDeductions: village.settings.itemisedDeductions,
    }),
    mine: objections.filter((o) => o.objector === user._id).map((o) => objectionView(o, notice, cadre)),
    all: cadre ? objections.map((o) => objectionView(o, notice, true)) : [],
    canManage: cadre,
    myHouseholdId: user.householdId,
  };
}
