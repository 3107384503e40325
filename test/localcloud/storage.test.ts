// Cloud storage: files uploaded through wx-server-sdk or from the mini-program (POST
// /_storage/upload) are stored, served back by URL, downloaded and deleted.
import { randomBytes } from 'node:crypto';
import { startCloud } from '../support/localcloud';
import { emptyManifest, useLocalCloud } from '../support/harness';
import { failure } from '../support/sdk';

const s = useLocalCloud();

async function fetchBytes(url: string): Promise<{ status: number; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('through wx-server-sdk', () => {
  test('uploadFile stores the bytes and answers a cloud:// file ID', async () => {
    const content = Buffer.from('村民说事 · 第一期\n');
    const up = await s.cloud.uploadFile({ cloudPath: 'notices/2024/first.txt', fileContent: content });
    expect(up.fileID).toBe('cloud://local-dev.local-bucket/notices/2024/first.txt');
    const down = await s.cloud.downloadFile({ fileID: up.fileID });
    expect(Buffer.compare(down.fileContent, content)).toBe(0);
  });

  test('binary content survives byte for byte', async () => {
    const content = randomBytes(256 * 1024);
    const { fileID } = await s.cloud.uploadFile({ cloudPath: 'photos/random.bin', fileContent: content });
    const down = await s.cloud.downloadFile({ fileID });
    expect(down.fileContent.length).toBe(content.length);
    expect(Buffer.compare(down.fileContent, content)).toBe(0);
  });

  test('getTempFileURL answers URLs that serve the file, and a status for missing ones', async () => {
    const content = Buffer.from('图片内容');
    const { fileID } = await s.cloud.uploadFile({ cloudPath: 'avatars/张三.png', fileContent: content });
    const missing = 'cloud://local-dev.local-bucket/avatars/nobody.png';
    const res = s.cloud.getTempFileURL({ fileList: [fileID, { fileID: missing, maxAge: 60 }] });
    if (!res) throw new Error('getTempFileURL answered nothing');
    const { fileList } = await res;
    expect(fileList).toHaveLength(2);
    const [found, notFound] = fileList;
    expect(found).toMatchObject({ fileID, status: 0 });
    // Unescaped, as the cloud's temporary URLs are (the SDK escapes them itself to download).
    expect(found?.tempFileURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/files\/avatars\/张三\.png$/);
    const served = await fetchBytes(found?.tempFileURL ?? '');
    expect(served.status).toBe(200);
    expect(Buffer.compare(served.bytes, content)).toBe(0);
    expect(notFound).toMatchObject({ fileID: missing, tempFileURL: '' });
    expect(notFound?.status).toBeLessThan(0);
  });

  test('uploading to the same path replaces the file', async () => {
    await s.cloud.uploadFile({ cloudPath: 'docs/v.txt', fileContent: Buffer.from('one') });
    const { fileID } = await s.cloud.uploadFile({ cloudPath: 'docs/v.txt', fileContent: Buffer.from('two') });
    expect((await s.cloud.downloadFile({ fileID })).fileContent.toString()).toBe('two');
  });

  test('deleteFile removes files and reports each one', async () => {
    const { fileID } = await s.cloud.uploadFile({ cloudPath: 'tmp/gone.txt', fileContent: Buffer.from('x') });
    const missing = 'cloud://local-dev.local-bucket/tmp/never.txt';
    const res = s.cloud.deleteFile({ fileList: [fileID, missing] });
    if (!res) throw new Error('deleteFile answered nothing');
    const { fileList } = await res;
    expect(fileList[0]).toMatchObject({ fileID, status: 0 });
    expect(fileList[1]?.status).toBeLessThan(0);
    expect((await failure(s.cloud.downloadFile({ fileID }))).errCode).toBeLessThan(0);
    const url = `${s.lc.url}/_storage/files/tmp/gone.txt`;
    expect((await fetch(url)).status).toBe(404);
  });

  test('a file ID of another environment is not found', async () => {
    const res = s.cloud.getTempFileURL({ fileList: ['cloud://prod-env.other-bucket/notices/2024/first.txt'] });
    if (!res) throw new Error('getTempFileURL answered nothing');
    const { fileList } = await res;
    expect(fileList[0]?.tempFileURL).toBe('');
  });

  test('a path that leaves the storage folder is refused', async () => {
    const err = await failure(s.cloud.uploadFile({ cloudPath: '../../escape.txt', fileContent: Buffer.from('x') }));
    expect(err.errMsg).toMatch(/invalid cloud path/);
    expect((await fetch(`${s.lc.url}/_storage/files/..%2F..%2Fescape.txt`)).status).not.toBe(200);
    // Also when the bytes are PUT straight to an upload URL, as a client could.
    const put = await fetch(`${s.lc.url}/_storage/upload/..%2F..%2Fescape.txt`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(400);
    expect(await put.text()).toMatch(/<Error><Code>InvalidArgument<\/Code>/);
  });
});

describe('from the mini-program (wx.cloud.uploadFile in local mode)', () => {
  test('POST /_storage/upload stores the file and answers its file ID', async () => {
    const form = new FormData();
    form.append('cloudPath', 'feedback/photo 1.jpg');
    form.append('file', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]), 'photo.jpg');
    const res = await fetch(`${s.lc.url}/_storage/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(body).toEqual({ fileID: 'cloud://local-dev.local-bucket/feedback/photo 1.jpg', errMsg: 'uploadFile:ok' });
    const down = await s.cloud.downloadFile({ fileID: 'cloud://local-dev.local-bucket/feedback/photo 1.jpg' });
    expect([...down.fileContent]).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  });

  test('an upload without a file or a cloudPath is refused', async () => {
    const noPath = new FormData();
    noPath.append('file', new Blob(['x']), 'x.txt');
    const res = await fetch(`${s.lc.url}/_storage/upload`, { method: 'POST', body: noPath });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errCode: -503001 });
  });
});

test('stored files survive a restart', async () => {
  const manifest = emptyManifest();
  const first = await startCloud({ manifest });
  const form = new FormData();
  form.append('cloudPath', 'keep/me.txt');
  form.append('file', new Blob(['kept']), 'me.txt');
  await fetch(`${first.url}/_storage/upload`, { method: 'POST', body: form });
  await first.kill9();
  const second = await startCloud({ dataDir: first.dataDir, manifest });
  try {
    const served = await fetchBytes(`${second.url}/_storage/files/keep/me.txt`);
    expect(served.bytes.toString()).toBe('kept');
  } finally {
    await second.stop();
  }
});
