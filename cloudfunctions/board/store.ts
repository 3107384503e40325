// Writes of the board over wx-server-sdk: an insert that answers whether it was the first (a
// duplicate id means a retry, or someone else's read or like of the same id), conditional updates
// that answer how many documents they changed, and whole-value sets of object fields.
import type { CollectionName } from '../shared/collections';
import { removedOf, updatedOf } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';

/** Adds the document; false when one with its id exists already. */
export async function insertOnce<T extends { _id: string }>(coll: CollectionName, doc: T): Promise<boolean> {
  try {
    await db.collection(coll).add({ data: doc });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** Updates the documents matching `where`; answers how many changed. */
export async function updateWhere(coll: CollectionName, where: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
  return updatedOf(await db.collection(coll).where(where).update({ data }));
}

/** Removes the document with this id; answers whether there was one. */
export async function removeById(coll: CollectionName, id: string): Promise<boolean> {
  return removedOf(await db.collection(coll).where({ _id: id }).remove()) === 1;
}

/** An object or array value for an update: replaces the field whole instead of merging into it. */
export function whole(value: object): unknown {
  return _.set(value);
}

/** What every new letter and board item starts as: a draft by its author, not published. */
export function newDraft(
  author: { _id: string; name: string },
  now: Date,
): { status: 'draft'; authorId: string; authorName: string; createdAt: Date; updatedAt: Date; publishedAt: null; publishedOn: null } {
  return {
    status: 'draft',
    authorId: author._id,
    authorName: author.name,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    publishedOn: null,
  };
}
