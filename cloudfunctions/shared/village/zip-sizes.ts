// What an .xlsx (a zip archive) declares it will inflate to, read from its central directory before
// anything is inflated: a small upload that would inflate to gigabytes (a zip bomb) is refused here.

/** More than this inflated in all is more than a village's member list ever needs. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
export const MAX_ENTRIES = 2000;
/** Inflating more than this many times its compressed size is a bomb, not a spreadsheet (XML compresses ~10–30×). */
export const MAX_RATIO = 200;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

export type ZipProblem = 'notZip' | 'tooMany' | 'tooLarge' | 'ratio';

export interface ZipSizes {
  entries: number;
  inflated: number;
}

/** The declared sizes, or the problem with them. */
export function declaredSizes(bytes: Buffer): ZipSizes | ZipProblem {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'notZip';
  const entries = bytes.readUInt16LE(end + 10);
  const dirOffset = bytes.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES) return 'tooMany';
  let at = dirOffset;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return 'notZip';
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    // ZIP64 sizes live elsewhere: nothing a spreadsheet of members needs.
    if (compressed === ZIP64_MARK || size === ZIP64_MARK) return 'tooLarge';
    if (size > 1024 * 1024 && size > compressed * MAX_RATIO) return 'ratio';
    inflated += size;
    if (inflated > MAX_INFLATED_BYTES) return 'tooLarge';
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, inflated };
}
