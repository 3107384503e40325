// Evidence photos go to WeChat's media check once a record is written (a batch's records share
// them, so each photo is asked about once), and the verdicts come back by message push. Until a
// photo has passed, only its recorder and the cadres see it (views.ts recordViewFor); a record the
// checks never reached (the asking failed) keeps its photos with them: fail closed.
import type { RecordRequest, RecordResult } from '../../typings';
import { C } from '../shared/collections';
import { recordVerdict, requestMediaChecks } from '../shared/media-check';
import type { MediaVerdict } from '../shared/media-verdict';
import { _, db } from '../shared/sdk';

/** Asks about the evidence of the records this call wrote (a retry's records were asked about by the first attempt). */
export async function checkEvidence(openid: string, req: RecordRequest, res: RecordResult): Promise<void> {
  const written = res.records.slice(res.repeated).map((r) => r.id);
  const evidence = req.evidence ?? [];
  if (!written.length || !evidence.length) return;
  const checks = await requestMediaChecks(
    openid,
    evidence.map((fileId) => ({ fileId, kind: 'image' })),
    1,
  );
  await db
    .collection(C.pointRecords)
    .where({ _id: _.in(written) })
    .update({ data: { mediaChecks: _.set(checks) } });
}

export async function mediaVerdict(v: MediaVerdict): Promise<{ records: number; verdict: string }> {
  return { records: await recordVerdict(C.pointRecords, v), verdict: v.verdict };
}
