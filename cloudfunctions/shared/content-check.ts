// WeChat's content security check (security.msgSecCheck v2) for text others will see.
import { AppError } from './errors';
import { cloud } from './sdk';

export type Scene = 1 | 2 | 3 | 4; // 1 资料 2 评论 3 论坛 4 社交日志

function suggestOf(res: unknown): string {
  if (typeof res !== 'object' || res === null || !('result' in res)) return 'review';
  const result = res.result;
  return typeof result === 'object' && result !== null && 'suggest' in result && typeof result.suggest === 'string'
    ? result.suggest
    : 'review';
}

/** 'pass', 'review' or 'risky'. An unreachable check counts as 'review' (held for a person). */
export async function checkText(openid: string, content: string, scene: Scene): Promise<string> {
  if (!content.trim()) return 'pass';
  try {
    return suggestOf(await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content }));
  } catch (e) {
    console.warn('msgSecCheck failed', e);
    return 'review';
  }
}

/**
 * Refuses text unless the check passes it: what others will read is never published unchecked.
 * Risky text is refused for its content; a check that could not decide (WeChat unreachable, a
 * missing permission, a "review" verdict) refuses the write as busy, to be tried again: nothing is
 * published meanwhile. (Comments and public matters, which have a held state, use checkText and are
 * held for a cadre instead.)
 */
export async function requireCleanText(openid: string, content: string, scene: Scene): Promise<void> {
  const check = await checkText(openid, content, scene);
  if (check === 'pass') return;
  if (check === 'risky') throw new AppError('COMMON.INVALID_INPUT', '内容含有不适宜公开的信息，请修改后再提交');
  throw new AppError('COMMON.BUSY', '内容安全检查暂时无法完成，内容没有发布，请稍后再试');
}
