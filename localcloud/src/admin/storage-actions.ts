// The `storage.*` actions of the CloudBase admin protocol (cloud.uploadFile, getTempFileURL,
// deleteFile, downloadFile).
import { isPlainObject } from '../ejson';
import { invalidParam } from '../store/errors';
import type { FileStore } from '../storage/files';
import type { Body } from './database-actions';

function list(body: Body, key: string): unknown[] {
  const v = body[key];
  if (!Array.isArray(v)) throw invalidParam(`${key} must be a list`);
  return v;
}

export const storageActions: Record<string, (files: FileStore, body: Body) => Body> = {
  'storage.getUploadMetadata': (files, body) => {
    const cloudPath = typeof body.path === 'string' ? body.path : '';
    if (!cloudPath) throw invalidParam('missing path');
    return {
      data: {
        url: files.uploadUrl(cloudPath),
        token: 'local',
        authorization: 'local',
        fileId: files.fileId(cloudPath),
        cosFileId: 'local',
      },
    };
  },

  'storage.batchGetDownloadUrl': (files, body) => ({
    data: {
      download_list: list(body, 'file_list').map((item) => {
        const fileID = isPlainObject(item) && typeof item.fileid === 'string' ? item.fileid : '';
        const p = files.pathOf(fileID);
        return p && files.exists(p)
          ? { fileID, tempFileURL: files.url(p), code: 'SUCCESS' }
          : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
      }),
    },
  }),

  'storage.batchDeleteFile': (files, body) => ({
    data: {
      delete_list: list(body, 'fileid_list').map((item) => {
        const fileID = typeof item === 'string' ? item : '';
        const p = files.pathOf(fileID);
        return { fileID, code: p && files.remove(p) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
      }),
    },
  }),
};
