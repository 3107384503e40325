// The verdicts of WeChat's media check on letters' pictures and board items' images (a message push
// per file, see shared/media-check.ts), recorded on the letter or item: others see a file once its
// check has passed (views.ts); a risky one stays with the cadres.
import { C } from '../shared/collections';
import { recordVerdict } from '../shared/media-check';
import type { MediaVerdict } from '../shared/media-verdict';

export async function mediaVerdict(v: MediaVerdict): Promise<{ letters: number; items: number; verdict: string }> {
  const letters = await recordVerdict(C.boardLetters, v);
  const items = letters ? 0 : await recordVerdict(C.boardItems, v);
  return { letters, items, verdict: v.verdict };
}
