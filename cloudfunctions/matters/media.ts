// The verdicts of WeChat's media check on a matter's photos and voice (a message push per file,
// see shared/media-check.ts): recorded on the matter, whose media others see once every file has
// passed and a cadre has looked at it (views.ts). A risky file stays with the raiser and the cadres,
// and the cadres are told why.
import { C } from '../shared/collections';
import type { MediaVerdict } from '../shared/media-verdict';
import type { Matter } from '../shared/matters/model';
import { _, db } from '../shared/sdk';
import { listMatters } from './store';
import { tellCadres } from './tell';

function updated(res: unknown): number {
  const stats: unknown = typeof res === 'object' && res !== null ? Reflect.get(res, 'stats') : null;
  const n: unknown = typeof stats === 'object' && stats !== null ? Reflect.get(stats, 'updated') : null;
  return typeof n === 'number' ? n : 0;
}

async function matterOf(traceId: string): Promise<Matter | null> {
  const [m] = await listMatters({ 'mediaChecks.traceId': traceId }, ['raisedAt', 'desc'], 1);
  return m ?? null;
}

export async function mediaVerdict(v: MediaVerdict): Promise<{ matter: string | null; verdict: string }> {
  // Written against the version read; another change in between (a cadre's step, another file's
  // verdict) means read again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const m = await matterOf(v.traceId);
    if (!m) return { matter: null, verdict: v.verdict };
    const checks = m.mediaChecks.map((c) => (c.traceId === v.traceId ? { ...c, verdict: v.verdict } : c));
    const res: unknown = await db
      .collection(C.matters)
      .where({ _id: m._id, version: m.version })
      .update({ data: { mediaChecks: _.set(checks), version: m.version + 1 } });
    if (updated(res) === 1) {
      if (v.verdict === 'risky') await tellCadres(m, '照片或语音未通过安全检测，仅村干部可见');
      return { matter: m._id, verdict: v.verdict };
    }
  }
  throw new Error(`media verdict ${v.traceId}: the matter kept changing`);
}
