// Holding text others would read (see typings/hold.ts): its stored shape and what the author and
// the cadres are told. Plain data, free of the SDK (the seed and the views use it); the check that
// makes a hold is content-check.ts's holdFor, who may decide one is access/duties.ts's requireReleaser.
import type { HoldReason, HoldView } from '../../typings';
import * as z from 'zod';

export const holdSchema = z.object({
  reason: z.enum(['risky', 'review', 'unavailable']),
  at: z.date(),
  /** Who wrote the held text (an openid): never the one who releases it. */
  by: z.string(),
});
export type Hold = z.infer<typeof holdSchema>;

export const HOLD_TEXT: Record<HoldReason, string> = {
  risky: '内容安全检查认为含有可能不适宜公开的信息',
  review: '内容安全检查建议人工复核',
  unavailable: '内容安全检查暂时无法完成',
};

export function holdView(hold: Hold | null | undefined): HoldView | null {
  return hold ? { reason: hold.reason, reasonText: HOLD_TEXT[hold.reason], at: hold.at.toISOString() } : null;
}

/** The sentence the author and the cadres read on held content. */
export function heldText(hold: Hold): string {
  return `${HOLD_TEXT[hold.reason]}，待村干部审核后公开`;
}
