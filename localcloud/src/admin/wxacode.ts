// `wxacode.getUnlimited` (cloud.openapi.wxacode.getUnlimited): WeChat answers with the image bytes,
// which the SDK hands to the function as `{ contentType, buffer }`. Here the image is a real QR
// code (the `qrcode` package) of the scene, drawn into a PNG, and refused as WeChat refuses it: a
// scene of more than 32 characters or of characters outside WeChat's set, a page with a leading
// "/" or a query.
import QRCode from 'qrcode';
import { deflateSync } from 'node:zlib';
import protobuf from 'protobufjs/minimal';
import type { OpenApiCall } from './openapi';

const BINARY = Symbol('binary open API reply');

/** A reply of image bytes rather than JSON. */
export type BinaryReply = { kind: typeof BINARY; contentType: string; bytes: Buffer };

export function isBinaryReply(v: unknown): v is BinaryReply {
  return typeof v === 'object' && v !== null && 'kind' in v && v.kind === BINARY && 'bytes' in v && Buffer.isBuffer(v.bytes);
}

/** CommOpenApiResp { respData = 1; contentType = 2; httpCode = 4 } carrying the bytes themselves. */
export function encodeBinaryReply(reply: BinaryReply): Buffer {
  const writer = protobuf.Writer.create();
  writer.uint32(10).bytes(reply.bytes);
  writer.uint32(18).string(reply.contentType);
  writer.uint32(32).uint32(200);
  return Buffer.from(writer.finish());
}

// ---- PNG ------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit greyscale PNG of `size`×`size` pixels; `dark(x, y)` says which are black. */
export function greyPng(size: number, dark: (x: number, y: number) => boolean): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((size + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) if (dark(x, y)) raw[y * (size + 1) + 1 + x] = 0;
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The QR code of `text` with a 4-module quiet zone, scaled to about `width` pixels. */
export function qrPng(text: string, width: number): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cells = modules.size + 8;
  const scale = Math.max(1, Math.floor(width / cells));
  return greyPng(cells * scale, (x, y) => {
    const col = Math.floor(x / scale) - 4;
    const row = Math.floor(y / scale) - 4;
    return row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col) === 1;
  });
}

// ---- the handler ----------------------------------------------------------------------------------

/** WeChat's scene: at most 32 visible characters of this set. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;

export function wxacodeGetUnlimited(call: OpenApiCall): Record<string, unknown> | BinaryReply {
  const scene = typeof call.params.scene === 'string' ? call.params.scene : '';
  if (!SCENE.test(scene)) return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
  const page = typeof call.params.page === 'string' ? call.params.page : '';
  if (page.startsWith('/') || page.includes('?')) return { errcode: 41030, errmsg: 'invalid page' };
  const asked = typeof call.params.width === 'number' ? call.params.width : 430;
  const width = Math.min(1280, Math.max(280, asked));
  return { kind: BINARY, contentType: 'image/png', bytes: qrPng(scene, width) };
}
