// Ids derived from a client's submission key: the same submission always lands on the same id, so a
// retry finds what the first attempt wrote instead of writing it again.
import { createHash } from 'node:crypto';

export function recordId(villageId: string, clientKey: string, householdId: string): string {
  return `r${createHash('sha1').update(`${villageId}|${clientKey}|${householdId}`).digest('hex').slice(0, 24)}`;
}

export function keyedId(prefix: string, ...parts: string[]): string {
  return `${prefix}${createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 24)}`;
}
