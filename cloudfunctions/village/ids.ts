// New document ids: a prefix naming the kind and 16 random hex digits.
import { randomBytes } from 'node:crypto';

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}
