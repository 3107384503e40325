// What the function tests save, written once: a fresh client key (a new form) and the fields a test
// does not look at; each test names what it is about (kind, title, body, name) and any field it changes.
import { randomBytes } from 'node:crypto';
import type { BoardKind, CommentRequest, RecordRequest, SaveGoodsRequest, SaveItemRequest, SaveLetterRequest } from '../../typings';

/** A new form's client key. */
export const key = (): string => randomBytes(8).toString('hex');

/** A letter, published at once, without pictures. */
export const letterDraft = (title: string, body: string, over: Partial<SaveLetterRequest> = {}): SaveLetterRequest => ({
  clientKey: key(),
  title,
  body,
  pictures: [],
  publish: true,
  ...over,
});

/** A board item, published at once, without attachments. */
export const itemDraft = (kind: BoardKind, title: string, body: string, over: Partial<SaveItemRequest> = {}): SaveItemRequest => ({
  clientKey: key(),
  kind,
  title,
  body,
  attachments: [],
  publish: true,
  ...over,
});

/** Goods at 5 points, without a photo or a limit, on the shelf. */
export const goodsDraft = (name: string, over: Partial<SaveGoodsRequest> = {}): SaveGoodsRequest => ({
  clientKey: key(),
  name,
  photo: '',
  price: 5,
  limit: null,
  onShelf: true,
  ...over,
});

/** A points record of an item on a day: for the households given in `over`, or the caller's own. */
export const recordDraft = (itemCode: string, occurredOn: string, over: Partial<RecordRequest> = {}): RecordRequest => ({
  clientKey: key(),
  itemCode,
  occurredOn,
  ...over,
});

/** A comment on a letter. */
export const commentDraft = (letterId: string, text: string): CommentRequest => ({ clientKey: key(), letterId, text });
