// Reading and answering HTTP requests: bodies (JSON and multipart forms, 50 MB at most), JSON
// answers, and the request ids the cloud's answers carry.
import type http from 'node:http';
import busboy from 'busboy';
import { StoreError } from './store/errors';

const MAX_BODY = 50 * 1024 * 1024;

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new StoreError('INVALID_PARAM', 'request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface FormData {
  fields: Record<string, string>;
  files: Record<string, { data: Buffer; filename: string }>;
}

export function readForm(req: http.IncomingMessage): Promise<FormData> {
  return new Promise((resolve, reject) => {
    const form: FormData = { fields: {}, files: {} };
    const bb = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY } });
    bb.on('field', (name, value) => (form.fields[name] = value));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (form.files[name] = { data: Buffer.concat(chunks), filename: info.filename ?? '' }));
    });
    bb.on('close', () => resolve(form));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

export function send(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

let requestCounter = 0;
// The machine's time only makes ids unique; no date is read from it.
export const requestId = (): string => `local-${Date.now().toString(36)}-${(++requestCounter).toString(36)}`;
