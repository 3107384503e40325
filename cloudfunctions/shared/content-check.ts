// WeChat's content security check (security.msgSecCheck v2) for text others will see.
import { AppError } from './errors';
import type { Hold } from './hold';
import { cloud } from './sdk';

export type Scene = 1 | 2 | 3 | 4; // 1 资料 2 评论 3 论坛 4 社交日志

/** pass and risky as WeChat says; review for its "review" and for anything it did not say; unavailable: no answer. */
export type TextVerdict = 'pass' | 'review' | 'risky' | 'unavailable';

function suggestOf(res: unknown): TextVerdict {
  if (typeof res !== 'object' || res === null || !('result' in res)) return 'unavailable';
  const result = res.result;
  const suggest = typeof result === 'object' && result !== null && 'suggest' in result ? result.suggest : null;
  return suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
}

/** WeChat's verdict on the text; a check that failed (unreachable, a missing permission) is 'unavailable'. */
export async function checkText(openid: string, content: string, scene: Scene): Promise<TextVerdict> {
  if (!content.trim()) return 'pass';
  try {
    return suggestOf(await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content }));
  } catch (e) {
    console.warn('msgSecCheck failed', e);
    return 'unavailable';
  }
}

/**
 * Refuses text unless the check passes it: what others will read is never published unchecked.
 * Risky text is refused for its content; a check that could not decide (WeChat unreachable, a
 * missing permission, a "review" verdict) refuses the write as busy, to be tried again: nothing is
 * published meanwhile. (Letters, board items, goods, comments and public matters, which have a held
 * state, are held for a cadre instead: shared/hold.ts.)
 */
export async function requireCleanText(openid: string, content: string, scene: Scene): Promise<void> {
  const check = await checkText(openid, content, scene);
  if (check === 'pass') return;
  if (check === 'risky') throw new AppError('COMMON.INVALID_INPUT', '内容含有不适宜公开的信息，请修改后再提交');
  throw new AppError('COMMON.BUSY', '内容安全检查暂时无法完成，内容没有发布，请稍后再试');
}

/**
 * The one path from the check to a hold, for content with a held state (letters, board items,
 * goods, comments, public matters): null when the check passed it, else why it is held. Fail
 * closed: a check that could not be made holds.
 */
export async function holdFor(openid: string, content: string, scene: Scene, now: Date): Promise<Hold | null> {
  const verdict = await checkText(openid, content, scene);
  return verdict === 'pass' ? null : { reason: verdict, at: now, by: openid };
}
