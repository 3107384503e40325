// The storage routes: the upload step of cloud.uploadFile (PUT, answered as COS answers), the
// mini-program's wx.uploadFile in local mode (a multipart POST) and downloads.
import type http from 'node:http';
import { escapeXml, readBody, readForm, requestId, send } from '../http-io';
import type { FileStore } from './files';

export async function storageRoute(
  files: FileStore,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  p: string,
  method: string,
): Promise<void> {
  if (method === 'PUT' && p.startsWith('/_storage/upload/')) return putUpload(files, req, res, rest(p, '/_storage/upload/'));
  if (method === 'POST' && p === '/_storage/upload') return formUpload(files, req, res);
  if (method === 'GET' && p.startsWith('/_storage/files/')) return download(files, res, rest(p, '/_storage/files/'));
  send(res, 404, { code: 'NOT_FOUND', message: `no route for ${method} ${p}` });
}

const rest = (p: string, prefix: string): string => p.slice(prefix.length).split('/').map(decodeURIComponent).join('/');

async function putUpload(files: FileStore, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
  try {
    files.write(path, await readBody(req));
  } catch (e) {
    // The SDK parses a failed PUT as COS's XML error (Code, Message, RequestId, TraceId).
    const message = e instanceof Error ? e.message : String(e);
    const rid = requestId();
    res.writeHead(400, { 'content-type': 'application/xml' });
    res.end(
      `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>InvalidArgument</Code><Message>${escapeXml(message)}</Message><RequestId>${rid}</RequestId><TraceId>${rid}</TraceId></Error>`,
    );
    return;
  }
  res.writeHead(200, { etag: '"local"' });
  res.end();
}

async function formUpload(files: FileStore, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const form = await readForm(req);
  const file = form.files.file;
  const cloudPath = form.fields.cloudPath ?? '';
  if (!file || !cloudPath) return send(res, 400, { errCode: -503001, errMsg: 'uploadFile:fail file and cloudPath are required' });
  send(res, 200, { fileID: files.write(cloudPath, file.data), errMsg: 'uploadFile:ok' });
}

function download(files: FileStore, res: http.ServerResponse, path: string): void {
  let bytes: Buffer | null;
  try {
    bytes = files.read(path);
  } catch (e) {
    // A path outside the storage folder: a plain HTTP refusal, not the admin protocol's 200.
    send(res, 400, { code: 'INVALID_PARAM', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  if (!bytes) {
    send(res, 404, { code: 'STORAGE_FILE_NONEXIST', message: 'file does not exist' });
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
  res.end(bytes);
}
