// A media check as stored with what it checked, and the verdict WeChat pushes for it
// (Event "wxa_media_check"). Plain data and rules, free of the SDK: the seed and the views use them.
import * as z from 'zod';

export const mediaCheckSchema = z.object({
  fileId: z.string(),
  traceId: z.string(),
  verdict: z.enum(['pending', 'pass', 'risky']),
});
export type MediaCheck = z.infer<typeof mediaCheckSchema>;

/** Every one of `fileIds` has a check that passed. */
export function allPassed(fileIds: string[], checks: MediaCheck[]): boolean {
  return fileIds.every((id) => checks.some((c) => c.fileId === id && c.verdict === 'pass'));
}

const pushSchema = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1),
  result: z.object({ suggest: z.string() }),
});

export interface MediaVerdict {
  traceId: string;
  verdict: 'pass' | 'risky';
}

/** The verdict a wxa_media_check push carries ("review" and anything unknown count as risky), or null for another event. */
export function mediaVerdictOf(event: unknown): MediaVerdict | null {
  const push = pushSchema.safeParse(event);
  if (!push.success) return null;
  return { traceId: push.data.trace_id, verdict: push.data.result.suggest === 'pass' ? 'pass' : 'risky' };
}

/**
 * The files others may see: each with a check that passed. A pending or risky check, or none (the
 * check could not be asked, or the document predates checks), hides the file: fail closed.
 */
export function passedFiles(fileIds: string[], checks: MediaCheck[] | undefined): string[] {
  return fileIds.filter((id) => (checks ?? []).some((c) => c.fileId === id && c.verdict === 'pass'));
}
