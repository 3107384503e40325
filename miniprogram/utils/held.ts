// Held content (the content check did not pass it): what a cadre is asked before deciding, and told
// after. Releasing publishes it to the whole village, so it asks first (confirm.ts).
import type { HoldDecision } from '../../typings/index';
import { confirmAction } from './confirm';

/** The decision a tapped button carries, or null. */
export function holdDecision(value: string): HoldDecision | null {
  return value === 'release' || value === 'withdraw' ? value : null;
}

/** Asks before releasing (`what`: "这封信", "这条内容", "这件商品") or withdrawing. */
export function confirmDecision(decision: HoldDecision, what: string): Promise<boolean> {
  return decision === 'release'
    ? confirmAction('审核通过', `${what}没有通过内容安全检查。您看过内容，确认可以公开后，${what}将公开给全村。`, '通过并公开')
    : confirmAction('撤回', `${what}将撤回，不会公开。`, '撤回');
}

export function decidedText(decision: HoldDecision): string {
  return decision === 'release' ? '已审核通过，全村都能看到了' : '已撤回，没有公开';
}
