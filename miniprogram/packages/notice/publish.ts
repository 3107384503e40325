// 发布上月公示, from the list of notices or from a notice: it asks first (the whole village sees it,
// and it cannot be taken back), then says what was published or why not.
import type { NoticeView } from '../../../typings/index';
import { errorText } from '../../services/cloud';
import { publishNotice } from '../../services/notice';
import { confirmAction } from '../../utils/confirm';
import { chinaMomentText, lastChinaMonth, monthTitle } from '../../utils/notice-format';

export interface Published {
  /** The notice published; null when publishing failed. */
  notice: NoticeView | null;
  text: string;
  warn: boolean;
}

/** Publishes last month's notice after the cadre confirms; null when they did not. */
export async function publishLastMonth(): Promise<Published | null> {
  const month = lastChinaMonth();
  const sure = await confirmAction(
    `发布${monthTitle(month)}积分公示`,
    `全村都能看到每户${monthTitle(month)}的积分明细，公示期内村民可以提异议。发布后不能撤回。`,
    '发布',
  );
  if (!sure) return null;
  try {
    const n = await publishNotice(month);
    const text = `${monthTitle(n.month)}积分公示已发布：共${n.households}户，合计${n.totalPoints}分，异议截止${chinaMomentText(n.closesAt)}。`;
    return { notice: n, text, warn: false };
  } catch (e) {
    return { notice: null, text: `没有发布：${errorText(e)}`, warn: true };
  }
}
