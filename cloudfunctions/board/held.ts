// board.decideLetter and board.decideItem: a held letter or item (the content check did not pass it
// on publishing) is released (published as it is) or withdrawn (back to a draft) by a cadre of the
// village who did not write it; its author may withdraw it. Conditional on its held state, so a
// double tap or two cadres decide once.
import type { BoardItemDetail, DecideHeldRequest, LetterDetail } from '../../typings';
import { isCadreOf, requireReleaser } from '../shared/access';
import { chinaDate } from '../shared/china-time';
import { currentTime } from '../shared/clock';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { requirePublishable } from '../shared/board/policy';
import { memberOf, optionalUser, readerOf, villageRef, type Reader } from './context';
import { heldActions, writersOf, type HeldDoc } from './held-rules';
import { announce, findItem } from './items';
import { detail, findLetter } from './letters';
import { updateWhere } from './store';
import { itemDetail } from './views';

async function readerOn(openid: string, doc: HeldDoc): Promise<Reader> {
  const user = memberOf(await optionalUser(openid), doc.villageId);
  const v = await villageRef(doc.villageId, user.townId);
  return readerOf(openid, user, v.village, v.ref);
}

/**
 * Refuses a decision the reader may not make on this document (or one no longer held). Who is asking is
 * checked before the document's state, so a villager learns nothing from the answer about what is held.
 */
function requireDecision(reader: Reader, doc: HeldDoc, req: DecideHeldRequest): void {
  const user = reader.user;
  const writer = user !== null && writersOf(doc).includes(user._id);
  if (!user || !(isCadreOf(user, doc.villageId) || writer)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以审核待审核的内容');
  if (doc.status !== 'held') throw new AppError('BOARD.WRONG_STATE', '这条内容已经审核过了');
  if (req.decision === 'release') requireReleaser(user, doc.villageId, writersOf(doc));
  if (!heldActions(reader, doc).withdraw) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以审核待审核的内容');
}

function published(): { status: 'published'; publishedAt: Date; publishedOn: string; hold: null } {
  const now = currentTime();
  return { status: 'published', publishedAt: now, publishedOn: chinaDate(now), hold: null };
}

/** Back to a draft, keeping why it was held: publishing it again holds it again unless an edit passes the check. */
const WITHDRAWN = { status: 'draft' as const };

async function decide(coll: typeof C.boardLetters | typeof C.boardItems, id: string, changes: Record<string, unknown>): Promise<void> {
  const changed = await updateWhere(coll, { _id: id, status: 'held' }, changes);
  if (changed !== 1) throw new AppError('BOARD.WRONG_STATE', '这条内容已经审核过了');
}

export async function decideLetter(openid: string, req: DecideHeldRequest): Promise<LetterDetail> {
  const letter = await findLetter(req.id);
  const reader = await readerOn(openid, letter);
  requireDecision(reader, letter, req);
  const changes = req.decision === 'release' ? published() : WITHDRAWN;
  await decide(C.boardLetters, letter._id, changes);
  return detail(reader, { ...letter, ...changes }, false);
}

export async function decideItem(openid: string, req: DecideHeldRequest): Promise<BoardItemDetail> {
  const item = await findItem(req.id);
  const reader = await readerOn(openid, item);
  requireDecision(reader, item, req);
  if (req.decision === 'withdraw') {
    await decide(C.boardItems, item._id, WITHDRAWN);
    return itemDetail({ ...item, ...WITHDRAWN }, reader);
  }
  requirePublishable(item);
  const changes = { ...published(), publishedBy: openid };
  await decide(C.boardItems, item._id, changes);
  const next = { ...item, ...changes };
  return itemDetail({ ...next, pushed: await announce(next, reader.village.name) }, reader);
}
