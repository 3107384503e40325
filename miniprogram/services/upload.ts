// Photos: picking them (wx.chooseMedia), uploading them to cloud storage (wx.cloud.uploadFile in
// the cloud; in local mode wx.uploadFile to the local cloud, which answers { fileID }), and the URL
// an <image> or wx.previewImage shows a stored file by.
import { config } from '../config';
import { chinaDate } from '../utils/china-time';
import { CloudError } from './cloud';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Temp paths of the images the user picked (camera or album); [] when they cancel. */
export function chooseImages(count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: (err) =>
        /cancel/.test(err.errMsg) ? resolve([]) : reject(new CloudError('COMMON.INTERNAL', '没能打开相册或相机，请再试一次')),
    });
  });
}

const UPLOAD_FAILED = '照片没有传上去，请检查网络后再试';

function fileIdOf(data: unknown): string | null {
  let body: unknown = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      return null;
    }
  }
  return isRecord(body) && typeof body.fileID === 'string' && body.fileID ? body.fileID : null;
}

/** Uploads a temp file to `cloudPath`; answers its cloud file ID. */
export function uploadFile(filePath: string, cloudPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (): void => reject(new CloudError('NETWORK', UPLOAD_FAILED));
    if (config.mode === 'cloud') {
      wx.cloud.uploadFile({ cloudPath, filePath, success: (res) => resolve(res.fileID), fail });
      return;
    }
    wx.uploadFile({
      url: `${config.localUrl}/_storage/upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      success: (res) => {
        const fileID = res.statusCode === 200 ? fileIdOf(res.data) : null;
        if (fileID) resolve(fileID);
        else fail();
      },
      fail,
    });
  });
}

/** "jpg" of a temp path, "jpg" when it has none. */
export function extensionOf(path: string): string {
  return /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1]?.toLowerCase() ?? 'jpg';
}

/**
 * What <image src> and wx.previewImage take for a stored file: the cloud file ID itself in the cloud
 * (WeChat resolves it), the local cloud's download URL in local mode.
 */
export function fileUrl(fileID: string): string {
  if (config.mode === 'cloud') return fileID;
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1];
  return path ? `${config.localUrl}/_storage/files/${path}` : fileID;
}

export interface UploadedPhoto {
  fileID: string;
  /** The picked file, shown until the page reloads. */
  src: string;
}

/**
 * Uploads picked photos one after another as `<folder>/<China date>/<key>-<n>.<ext>`, n counting on
 * from `seq`: the form's client key names them, so the files of one form never collide. Resolves
 * with the photos and the last n.
 */
export async function uploadPhotos(
  paths: string[],
  folder: string,
  key: string,
  seq: number,
): Promise<{ photos: UploadedPhoto[]; seq: number }> {
  const day = chinaDate();
  const photos: UploadedPhoto[] = [];
  let n = seq;
  for (const p of paths) {
    n += 1;
    photos.push({ fileID: await uploadFile(p, `${folder}/${day}/${key}-${n}.${extensionOf(p)}`), src: p });
  }
  return { photos, seq: n };
}
