// Who may decide a held letter or board item (separation of duties, shared/access/duties.ts): a cadre
// of its village who wrote none of it (its author, the editor whose text was held) releases or
// withdraws it; a writer may only withdraw it.
import { mayReleaseHeld } from '../shared/access';
import type { Hold } from '../shared/hold';
import type { Reader } from './context';

export interface HeldDoc {
  _id: string;
  status: string;
  villageId: string;
  authorId: string;
  hold?: Hold | null;
}

/** The author and whoever wrote the held text. */
export function writersOf(doc: HeldDoc): string[] {
  return doc.hold ? [doc.authorId, doc.hold.by] : [doc.authorId];
}

export function heldActions(reader: Reader, doc: HeldDoc): { release: boolean; withdraw: boolean } {
  const user = reader.user;
  if (doc.status !== 'held' || !user || !reader.viewer.member) return { release: false, withdraw: false };
  const release = mayReleaseHeld(user, doc.villageId, writersOf(doc));
  return { release, withdraw: release || writersOf(doc).includes(user._id) };
}
