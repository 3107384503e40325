// The invite's QR code: the local cloud answers cloud.openapi.wxacode.getUnlimited as WeChat does
// (image bytes, refusals for a bad scene or page), the image is a real QR code of the scene, and the
// function keeps the scene within WeChat's 32 characters.
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { C } from '../../cloudfunctions/shared/collections';
import { MAX_SCENE_LENGTH } from '../../cloudfunctions/shared/village/invite';
import { emptyManifest } from '../support/harness';
import { startCloud, type TestCloud } from '../support/localcloud';
import { isRecord, str } from '../support/sdk';
import { doc, ok, useVillageCloud } from './support';

const s = useVillageCloud({ demo: true });

// Cloud calls are made from a function that declares them (config.json permissions.openapi): the
// test-only function `wxacode`, on a local cloud of the test functions.
let testCloud: TestCloud | null = null;
beforeAll(async () => {
  testCloud = await startCloud({ functions: 'test', manifest: emptyManifest() });
});
afterAll(async () => {
  await testCloud?.stop();
});

/** cloud.openapi.wxacode.getUnlimited, called in a function: the image, or throws what the SDK threw. */
async function getUnlimited(params: Record<string, unknown>): Promise<unknown> {
  if (!testCloud) throw new Error('no test cloud');
  const reply = await testCloud.call<{ ok: boolean; contentType?: string; base64?: string; err?: unknown }>('wxacode', params, 'oTester');
  const out = reply.body.result;
  if (!out?.ok) throw out?.err ?? new Error(`wxacode failed: ${JSON.stringify(reply.body)}`);
  return { contentType: out.contentType, buffer: Buffer.from(out.base64 ?? '', 'base64') };
}

/** The dark modules of a greyscale, unfiltered PNG drawn with a 4-module quiet zone. */
function readQr(png: Buffer, size: number): boolean[][] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let at = 8;
  let width = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      expect([data[8], data[9]]).toEqual([8, 0]); // 8-bit greyscale
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const scale = width / (size + 8);
  expect(Number.isInteger(scale)).toBe(true);
  const pixel = (x: number, y: number): number => raw[y * (width + 1) + 1 + x] ?? 255;
  return Array.from({ length: size }, (_, row) =>
    Array.from(
      { length: size },
      (_, col) => pixel((col + 4) * scale + Math.floor(scale / 2), (row + 4) * scale + Math.floor(scale / 2)) < 128,
    ),
  );
}

function modulesOf(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1));
}

function imageOf(res: unknown): { contentType: string; buffer: Buffer } {
  if (!isRecord(res) || typeof res.contentType !== 'string' || !Buffer.isBuffer(res.buffer))
    throw new Error(`not an image reply: ${JSON.stringify(res)}`);
  return { contentType: res.contentType, buffer: res.buffer };
}

async function failure(params: Record<string, unknown>): Promise<unknown> {
  try {
    await getUnlimited(params);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

test('getUnlimited answers a PNG that is the QR code of the scene', async () => {
  const scene = 'j=ABCD2345';
  const image = imageOf(await getUnlimited({ scene, page: 'packages/village/join/join', checkPath: false, width: 430 }));
  expect(image.contentType).toBe('image/png');
  const expected = modulesOf(scene);
  expect(readQr(image.buffer, expected.length)).toEqual(expected);
});

test('a scene over 32 characters, of characters WeChat refuses, or a page with a leading slash is refused as WeChat does', async () => {
  expect(await failure({ scene: 'x'.repeat(33), page: 'packages/village/join/join' })).toMatchObject({ errCode: 40169 });
  expect(await failure({ scene: '中文', page: 'packages/village/join/join' })).toMatchObject({ errCode: 40169 });
  expect(await failure({ scene: 'j=ABCD2345', page: '/packages/village/join/join' })).toMatchObject({ errCode: 41030 });
  // 32 exactly is fine.
  expect(imageOf(await getUnlimited({ scene: 'x'.repeat(32) })).contentType).toBe('image/png');
});

test("an invite's stored QR is the code of its scene, which stays within 32 characters", async () => {
  const invite = await ok(s, 'village', 'demo-head', 'createInvite', { kind: 'household', householdId: 'hh-021' });
  expect(invite.data.scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
  const url = invite.data.qr?.url;
  if (!url) throw new Error('no QR');
  const png = Buffer.from(await (await fetch(url)).arrayBuffer());
  const expected = modulesOf(invite.data.scene);
  expect(readQr(png, expected.length)).toEqual(expected);
  expect(str(await doc(s, C.invites, invite.data.code), 'qrFileId')).toBe(invite.data.qr?.fileID);
});
