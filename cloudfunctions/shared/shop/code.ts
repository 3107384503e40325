// Pickup codes: short, read aloud or typed by a keeper without confusion. No 0/O, 1/I/L, 2/Z, 5/S,
// 8/B: 25 symbols, 6 of them give 244 million codes, unique per village (a unique index).
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const CODE_LENGTH = 6;

export function newPickupCode(rand: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET.charAt(rand(CODE_ALPHABET.length));
  return code;
}

/** What a keeper typed or scanned → the stored code: case, spaces and dashes do not matter. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-—_·.]/g, '');
}

export function isPickupCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** "K7M 3PQ": two groups of three, easier to read aloud. */
export function formatCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
