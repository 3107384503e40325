// The invite's 小程序码: wxacode.getUnlimited with the scene "j=<code>" (WeChat allows 32
// characters), stored in cloud storage so it can be shown again and printed.
import type { QrView } from '../../typings';
import { cloud } from '../shared/sdk';
import { JOIN_PAGE, inviteScene } from '../shared/village/invite';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

async function getUnlimited(params: Record<string, unknown>): Promise<Buffer> {
  // The SDK builds cloud.openapi.* from proxies (functions as well as objects).
  const api: unknown = cloud.openapi.wxacode;
  const fn: unknown = (typeof api === 'object' || typeof api === 'function') && api !== null ? Reflect.get(api, 'getUnlimited') : undefined;
  if (typeof fn !== 'function') throw new Error('wxacode.getUnlimited is not available');
  const res: unknown = await Reflect.apply(fn, api, [params]);
  if (!isRecord(res) || !Buffer.isBuffer(res.buffer)) throw new Error('wxacode.getUnlimited gave no image');
  return res.buffer;
}

/** Makes and stores the QR of an invite; null (logged) when WeChat cannot make one: the code still works. */
export async function makeInviteQr(code: string): Promise<string | null> {
  try {
    // check_path false: the join page is in a subpackage that may not be released yet.
    const png = await getUnlimited({ scene: inviteScene(code), page: JOIN_PAGE, checkPath: false, width: 430 });
    const { fileID } = await cloud.uploadFile({ cloudPath: `village/invites/${code}.png`, fileContent: png });
    return fileID;
  } catch (e) {
    console.warn(`invite ${code}: no QR`, e);
    return null;
  }
}

export async function qrView(fileID: string | null): Promise<QrView | null> {
  if (!fileID) return null;
  const res: unknown = await cloud.getTempFileURL({ fileList: [fileID] });
  const list = isRecord(res) && Array.isArray(res.fileList) ? res.fileList : [];
  const first: unknown = list[0];
  const url = isRecord(first) && typeof first.tempFileURL === 'string' ? first.tempFileURL : '';
  return url ? { fileID, url } : null;
}
