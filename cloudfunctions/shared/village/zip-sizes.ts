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
  const end = endOfCentralDirectory(bytes);
  if (end < 0) return 'notZip';
  const entries = bytes.readUInt16LE(end + 10);
  if (entries > MAX_ENTRIES) return 'tooMany';
  let at = bytes.readUInt32LE(end + 16);
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    const entry = centralEntry(bytes, at);
    if (typeof entry === 'string') return entry;
    inflated += entry.size;
    if (inflated > MAX_INFLATED_BYTES) return 'tooLarge';
    at = entry.next;
  }
  return { entries, inflated };
}

/** Where the end-of-central-directory record starts (searched back from the end), or -1. */
function endOfCentralDirectory(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** One central directory entry at `at`: its declared size and where the next starts, or the problem. */
function centralEntry(bytes: Buffer, at: number): { size: number; next: number } | ZipProblem {
  if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return 'notZip';
  const compressed = bytes.readUInt32LE(at + 20);
  const size = bytes.readUInt32LE(at + 24);
  // ZIP64 sizes live elsewhere: nothing a spreadsheet of members needs.
  if (compressed === ZIP64_MARK || size === ZIP64_MARK) return 'tooLarge';
  if (size > 1024 * 1024 && size > compressed * MAX_RATIO) return 'ratio';
  return { size, next: at + 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32) };
}
