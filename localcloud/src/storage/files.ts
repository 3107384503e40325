// Cloud storage of the local cloud: files kept under the data folder and served back by URL.
// File IDs look like the cloud's: cloud://<env>.<bucket>/<path>.
import fs from 'node:fs';
import path from 'node:path';
import { invalidParam } from '../store/errors';

const BUCKET = 'local-bucket';

export class FileStore {
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'storage');
    fs.mkdirSync(this.root, { recursive: true });
  }

  /** Rejects paths that would leave the storage folder. */
  private resolve(cloudPath: string): string {
    const clean = cloudPath.replace(/^\/+/, '');
    const full = path.resolve(this.root, clean);
    if (!clean || !full.startsWith(`${this.root}${path.sep}`)) throw invalidParam(`invalid cloud path: ${cloudPath}`);
    return full;
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.${BUCKET}/${cloudPath.replace(/^\/+/, '')}`;
  }

  /** The cloud path of a file ID, or null for an ID of another environment or bucket. */
  pathOf(fileId: string): string | null {
    const m = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileId);
    if (!m || m[1] !== `${this.envId}.${BUCKET}`) return null;
    return m[2] ?? null;
  }

  write(cloudPath: string, bytes: Buffer): string {
    const full = this.resolve(cloudPath);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.uploading`;
    fs.writeFileSync(tmp, bytes);
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, full);
    return this.fileId(cloudPath);
  }

  read(cloudPath: string): Buffer | null {
    const full = this.resolve(cloudPath);
    return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full) : null;
  }

  exists(cloudPath: string): boolean {
    return this.read(cloudPath) !== null;
  }

  remove(cloudPath: string): boolean {
    const full = this.resolve(cloudPath);
    if (!fs.existsSync(full)) return false;
    fs.unlinkSync(full);
    return true;
  }

  /**
   * The download URL, with the path left unescaped as the cloud's temporary URLs are: the SDK's
   * downloadFile applies encodeURI() to it, so an escaped path would be escaped twice.
   */
  url(cloudPath: string): string {
    return `${this.baseUrl()}/_storage/files/${cloudPath.replace(/^\/+/, '')}`;
  }

  /** The URL the SDK PUTs the bytes to; the path is checked now, so a bad one fails up front. */
  uploadUrl(cloudPath: string): string {
    this.resolve(cloudPath);
    return `${this.baseUrl()}/_storage/upload/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
  }
}
