// Likes and comments of a published letter (members of its village), the secretary's moderation of
// held comments, and replies, of which the commenter is told by subscribe message (if they agreed).
import type { BoardViewer, CommentRequest, CommentResult, CommentView, ModerateRequest, ReplyRequest } from '../../typings';
import { C } from '../shared/collections';
import { holdFor, requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import { thing } from '../shared/notify';
import { keyedId } from '../shared/points/ids';
import { getById } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { commentSchema, letterSchema, type Comment, type Letter } from '../shared/board/model';
import { likeId, requireCommentState, viewerOf } from '../shared/board/policy';
import type { User } from '../shared/village/model';
import { sendAgainstGrant } from '../shared/board/push';
import { memberOf, optionalUser } from './context';
import { insertOnce, removeById, updateWhere, whole } from './store';
import { commentView } from './views';
import { currentTime } from '../shared/clock';

async function publishedLetter(id: string): Promise<Letter> {
  const letter = await getById(C.boardLetters, id, letterSchema);
  if (letter?.status !== 'published') throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  return letter;
}

/** The caller, who must be a member of the letter's village, and the letter. */
async function memberOnLetter(openid: string, letterId: string): Promise<{ user: User; viewer: BoardViewer; letter: Letter }> {
  const [found, letter] = await Promise.all([optionalUser(openid), publishedLetter(letterId)]);
  const user = memberOf(found, letter.villageId);
  return { user, viewer: viewerOf(user, letter.villageId), letter };
}

/** Sets the caller's like (idempotent: liking twice likes once); the count moves only with a real change. */
export async function like(openid: string, id: string, liked: boolean): Promise<{ liked: boolean; likes: number }> {
  const { user, letter } = await memberOnLetter(openid, id);
  const likeDoc = { _id: likeId(letter._id, user._id), letterId: letter._id, userId: user._id, at: currentTime() };
  const changed = liked ? await insertOnce(C.boardLikes, likeDoc) : await removeById(C.boardLikes, likeDoc._id);
  if (!changed) return { liked, likes: letter.likes };
  const delta = liked ? 1 : -1;
  await db
    .collection(C.boardLetters)
    .doc(letter._id)
    .update({ data: { likes: _.inc(delta) } });
  return { liked, likes: Math.max(0, letter.likes + delta) };
}

export async function comment(openid: string, req: CommentRequest): Promise<CommentResult> {
  const { user, viewer, letter } = await memberOnLetter(openid, req.letterId);
  const text = req.text.trim();
  // Held unless the check passes it: risky, or a check that could not decide, waits for the secretary.
  const now = currentTime();
  const hold = await holdFor(openid, text, 2, now);
  const status = hold ? 'held' : 'visible';
  const check = hold?.reason ?? 'pass';
  const c: Comment = {
    _id: keyedId('c', letter._id, openid, req.clientKey),
    letterId: letter._id,
    villageId: letter.villageId,
    authorId: user._id,
    authorName: user.name,
    text,
    status,
    check,
    reason: '',
    decidedBy: null,
    decidedAt: null,
    reply: null,
    clientKey: req.clientKey,
    createdAt: now,
  };
  if (!(await insertOnce(C.boardComments, c))) {
    // A retry: the first attempt's comment stands.
    const first = await getById(C.boardComments, c._id, commentSchema);
    if (!first) throw new AppError('COMMON.BUSY');
    return { comment: commentView(first, viewer, openid), held: first.status === 'held' };
  }
  if (status === 'visible')
    await db
      .collection(C.boardLetters)
      .doc(letter._id)
      .update({ data: { commentCount: _.inc(1) } });
  return { comment: commentView(c, viewer, openid), held: status === 'held' };
}

/** The comment and the secretary of its village acting on it. */
async function secretaryOn(openid: string, commentId: string): Promise<{ user: User; viewer: BoardViewer; comment: Comment }> {
  const [found, c] = await Promise.all([optionalUser(openid), getById(C.boardComments, commentId, commentSchema)]);
  if (!c) throw new AppError('COMMON.NOT_FOUND', '没有找到这条留言');
  const user = memberOf(found, c.villageId);
  const viewer = viewerOf(user, c.villageId);
  if (!viewer.secretary) throw new AppError('AUTH.FORBIDDEN', '只有村书记可以审核和回复留言');
  return { user, viewer, comment: c };
}

export async function moderate(openid: string, req: ModerateRequest): Promise<CommentView> {
  const { viewer, comment: c } = await secretaryOn(openid, req.commentId);
  requireCommentState(c, req.decision);
  const reason = (req.reason ?? '').trim();
  if (req.decision === 'reject' && reason.length < 2) throw new AppError('COMMON.INVALID_INPUT', '请写明不通过的原因，留言人会看到');
  const now = currentTime();
  const next: Comment = {
    ...c,
    status: req.decision === 'approve' ? 'visible' : 'rejected',
    reason: req.decision === 'reject' ? reason : '',
    decidedBy: openid,
    decidedAt: now,
  };
  // Conditional on its state: the secretary's double tap (or two devices) decides once.
  const changed = await updateWhere(
    C.boardComments,
    { _id: c._id, status: 'held' },
    { status: next.status, reason: next.reason, decidedBy: openid, decidedAt: now },
  );
  if (changed !== 1) throw new AppError('BOARD.WRONG_STATE', '这条留言已经审核过了');
  if (next.status === 'visible')
    await db
      .collection(C.boardLetters)
      .doc(c.letterId)
      .update({ data: { commentCount: _.inc(1) } });
  return commentView(next, viewer, openid);
}

export async function reply(openid: string, req: ReplyRequest): Promise<CommentView> {
  const { user, viewer, comment: c } = await secretaryOn(openid, req.commentId);
  requireCommentState(c, 'reply');
  const text = req.text.trim();
  await requireCleanText(openid, text, 2);
  const r = { text, by: user._id, byName: user.name, at: currentTime() };
  const changed = await updateWhere(C.boardComments, { _id: c._id, status: 'visible' }, { reply: whole(r) });
  if (changed !== 1) throw new AppError('BOARD.WRONG_STATE');
  if (c.authorId !== user._id) {
    const letter = await getById(C.boardLetters, c.letterId, letterSchema);
    await sendAgainstGrant(c.authorId, 'reply', `packages/board/letter/letter?id=${c.letterId}&villageId=${c.villageId}`, {
      thing1: thing(letter?.title ?? '书记公开信'),
      thing2: thing(text),
      name3: { value: '村书记' },
    });
  }
  return commentView({ ...c, reply: r }, viewer, openid);
}
