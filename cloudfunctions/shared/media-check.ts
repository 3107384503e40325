// WeChat's asynchronous media check (security.mediaCheckAsync) for photos and voice notes others
// will see. Asking gives a trace id per file at once; the verdict arrives later as a message push
// (Event "wxa_media_check") to the function. Until every file of a thing has passed, only its
// uploader and the cadres see the files: a check that could not be asked, or never answers, keeps
// them hidden (fail closed).
import * as z from 'zod';
import type { CollectionName } from './collections';
import { mediaCheckSchema, type MediaCheck, type MediaVerdict } from './media-verdict';
import { cloud, db } from './sdk';

export interface MediaFile {
  fileId: string;
  kind: 'image' | 'audio';
}

export type Scene = 1 | 2 | 3 | 4; // 1 资料 2 评论 3 论坛 4 社交日志

function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? Reflect.get(v, key) : undefined;
}

/** The download URL of each file (the check fetches the file from it), by file id. */
async function urlsOf(fileIds: string[]): Promise<Map<string, string>> {
  const res: unknown = await cloud.getTempFileURL({ fileList: fileIds });
  const list = field(res, 'fileList');
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const id = field(item, 'fileID');
    const url = field(item, 'tempFileURL');
    if (typeof id === 'string' && typeof url === 'string' && url) out.set(id, url);
  }
  return out;
}

/** Asks WeChat to check each file; a file it could not ask about gets no entry (and stays hidden). */
export async function requestMediaChecks(openid: string, files: MediaFile[], scene: Scene): Promise<MediaCheck[]> {
  if (!files.length) return [];
  let urls: Map<string, string>;
  try {
    urls = await urlsOf(files.map((f) => f.fileId));
  } catch (e) {
    console.warn('media check: no download URLs', e);
    return [];
  }
  const checks = await Promise.all(
    files.map(async (f): Promise<MediaCheck | null> => {
      const mediaUrl = urls.get(f.fileId);
      if (!mediaUrl) return null;
      try {
        const res: unknown = await cloud.openapi.security.mediaCheckAsync({
          mediaUrl,
          mediaType: f.kind === 'audio' ? 1 : 2,
          version: 2,
          openid,
          scene,
        });
        const traceId = field(res, 'traceId');
        return typeof traceId === 'string' && traceId ? { fileId: f.fileId, traceId, verdict: 'pending' } : null;
      } catch (e) {
        console.warn(`media check of ${f.fileId} failed`, e);
        return null;
      }
    }),
  );
  return checks.filter((c): c is MediaCheck => c !== null);
}

/** The checks of `files`: a file checked already keeps its check; the others are asked about now. */
export async function checksFor(openid: string, files: MediaFile[], kept: MediaCheck[] | undefined, scene: Scene): Promise<MediaCheck[]> {
  const keep = (kept ?? []).filter((c) => files.some((f) => f.fileId === c.fileId));
  const fresh = files.filter((f) => !keep.some((c) => c.fileId === f.fileId));
  return [...keep, ...(await requestMediaChecks(openid, fresh, scene))];
}

const checkedSchema = z.object({ _id: z.string(), mediaChecks: z.array(mediaCheckSchema).optional() });

/**
 * Records a pushed verdict on every document of `coll` that carries its trace id (a batch of points
 * records shares its photos, so one check). Each verdict sets its own array element (conditional on
 * the element still being that check), so verdicts arriving together never overwrite each other.
 * Answers how many documents it changed.
 */
export async function recordVerdict(coll: CollectionName, v: MediaVerdict): Promise<number> {
  const res: unknown = await db.collection(coll).where({ 'mediaChecks.traceId': v.traceId }).limit(1).get();
  const [doc] = z.array(checkedSchema).parse(field(res, 'data'));
  const at = doc?.mediaChecks?.findIndex((c) => c.traceId === v.traceId) ?? -1;
  if (at < 0) return 0;
  const updated: unknown = await db
    .collection(coll)
    .where({ [`mediaChecks.${at}.traceId`]: v.traceId })
    .update({ data: { [`mediaChecks.${at}.verdict`]: v.verdict } });
  const n = field(field(updated, 'stats'), 'updated');
  return typeof n === 'number' ? n : 0;
}
