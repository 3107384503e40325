// Evidence photos go to WeChat's media check as a record is made, and the checks are written with
// the record (a batch's records share them, so each photo is asked about once); the verdicts come
// back by message push. Until a
// photo has passed, only its recorder and the cadres see it (views.ts recordViewFor); a record the
// checks never reached (the asking failed) keeps its photos with them: fail closed.
import { C } from '../shared/collections';
import { recordVerdict, requestMediaChecks } from '../shared/media-check';
import type { MediaCheck, MediaVerdict } from '../shared/media-verdict';

/**
 * Asks WeChat's media check about a record's evidence photos before the records are written, so the
 * checks are written with them (a batch's records share them: each photo is asked about once). A
 * photo the asking did not reach has no check: it stays with the recorder and the cadres.
 */
export function evidenceChecks(openid: string, evidence: string[]): Promise<MediaCheck[]> {
  if (!evidence.length) return Promise.resolve([]);
  return requestMediaChecks(
    openid,
    evidence.map((fileId) => ({ fileId, kind: 'image' })),
    1,
  );
}

export async function mediaVerdict(v: MediaVerdict): Promise<{ records: number; verdict: string }> {
  return { records: await recordVerdict(C.pointRecords, v), verdict: v.verdict };
}
