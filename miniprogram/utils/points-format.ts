// How the points pages say things: points with their sign, caps, who may record, statuses.
import type { Recorder, RecordStatus, ReviewStepView, RuleItemView } from '../../typings/index';

/** "+2", "-5". */
export function pointsText(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

const PERIODS: Record<NonNullable<RuleItemView['cap']>['period'], string> = { month: '每月', quarter: '每季度', year: '每年' };

/** "每月最多2次", or "不限次数". */
export function capText(cap: RuleItemView['cap']): string {
  return cap ? `${PERIODS[cap.period]}最多${cap.times}次` : '不限次数';
}

export const RECORDER_NAMES: Record<Recorder, string> = { self: '村民自报', gridLeader: '网格长', cadre: '村干部' };

/** "村民自报、网格长、村干部". */
export function recordersText(recorders: Recorder[]): string {
  return recorders.map((r) => RECORDER_NAMES[r]).join('、');
}

export const STATUS_NAMES: Record<RecordStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

const DECISION_NAMES: Record<ReviewStepView['decision'], string> = {
  submitted: '提交',
  approved: '审核通过',
  rejected: '驳回',
  reversed: '更正',
};

export function decisionText(decision: ReviewStepView['decision']): string {
  return DECISION_NAMES[decision];
}

/** Who recorded it, as a household reads it: "网格长 张三 记录" / "村民自报（张三）". */
export function sourceText(source: Recorder, byName: string, proxyFor: string | null): string {
  const who = source === 'self' ? `村民自报（${byName}）` : `${RECORDER_NAMES[source]} ${byName} 记录`;
  return proxyFor ? `${who}，为 ${proxyFor} 代办` : who;
}
