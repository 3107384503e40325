// 书记公开信: the list (published for everyone, drafts for the secretary), the letter (a member's
// open counts as their read), and writing one (the secretary; title and body pass the content check).
import type { LetterDetail, LettersRequest, LettersResult, SaveLetterRequest } from '../../typings';
import { C } from '../shared/collections';
import { requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import { chinaDate } from '../shared/china-time';
import { keyedId } from '../shared/points/ids';
import { count, getById, list } from '../shared/repo';
import { commentSchema, letterSchema, likeSchema, type Letter } from '../shared/board/model';
import { PAGE_SIZE, canSeeComment, canSeeLetter, likeId, viewerOf } from '../shared/board/policy';
import type { User } from '../shared/village/model';
import { optionalUser, readerFor, readerOf, requireSecretary, villageRef, type Reader } from './context';
import { recordRead } from './reads';
import { insertOnce, updateWhere, whole } from './store';
import { commentView, letterSummary } from './views';
import { currentTime } from '../shared/clock';

/** Comments shown on a letter (the newest). */
const COMMENTS_SHOWN = 200;

export async function listLetters(openid: string, req: LettersRequest): Promise<LettersResult> {
  const reader = await readerFor(openid, req.villageId);
  const page = req.page ?? 0;
  const villageId = reader.village._id;
  const [published, drafts] = await Promise.all([
    list(C.boardLetters, { villageId, status: 'published' }, letterSchema, {
      orderBy: ['publishedAt', 'desc'],
      skip: page * PAGE_SIZE,
      limit: PAGE_SIZE + 1,
    }),
    reader.viewer.secretary && page === 0
      ? list(C.boardLetters, { villageId, status: 'draft' }, letterSchema, { orderBy: ['updatedAt', 'desc'], limit: PAGE_SIZE })
      : Promise.resolve([]),
  ]);
  return {
    village: reader.ref,
    viewer: reader.viewer,
    letters: published.slice(0, PAGE_SIZE).map((l) => letterSummary(l, reader.viewer)),
    drafts: drafts.map((l) => letterSummary(l, reader.viewer)),
    hasMore: published.length > PAGE_SIZE,
  };
}

async function findLetter(id: string): Promise<Letter> {
  const letter = await getById(C.boardLetters, id, letterSchema);
  if (!letter) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  return letter;
}

/** The letter as the reader sees it; `read` records a member's read of a published letter first. */
async function detail(reader: Reader, letter: Letter, read: boolean): Promise<LetterDetail> {
  const { viewer, user } = reader;
  const member: User | null = viewer.member ? user : null;
  const [households, like, comments, counted] = await Promise.all([
    count(C.households, { villageId: letter.villageId }),
    member ? getById(C.boardLikes, likeId(letter._id, member._id), likeSchema) : Promise.resolve(null),
    list(C.boardComments, { letterId: letter._id }, commentSchema, { orderBy: ['createdAt', 'desc'], limit: COMMENTS_SHOWN }),
    member && read && letter.status === 'published' ? recordRead(letter, member) : Promise.resolve({ user: false, household: false }),
  ]);
  const now: Letter = {
    ...letter,
    readUsers: letter.readUsers + (counted.user ? 1 : 0),
    readHouseholds: letter.readHouseholds + (counted.household ? 1 : 0),
  };
  const shown = comments.filter((c) => canSeeComment(viewer, c, reader.openid));
  const published = letter.status === 'published';
  return {
    ...letterSummary(now, viewer),
    body: letter.body,
    pictures: letter.pictures,
    village: reader.ref,
    viewer,
    households,
    liked: like !== null,
    comments: shown.filter((c) => c.status === 'visible' || c.authorId === reader.openid).map((c) => commentView(c, viewer, reader.openid)),
    held: viewer.secretary ? shown.filter((c) => c.status === 'held').map((c) => commentView(c, viewer, reader.openid)) : [],
    can: {
      like: viewer.member && published,
      comment: viewer.member && published,
      reply: viewer.secretary && published,
      moderate: viewer.secretary,
      edit: viewer.secretary && !published,
      readers: (viewer.secretary || viewer.cadre) && published,
    },
  };
}

export async function getLetter(openid: string, id: string): Promise<LetterDetail> {
  const [user, letter] = await Promise.all([optionalUser(openid), findLetter(id)]);
  if (!canSeeLetter(viewerOf(user, letter.villageId), letter)) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  const v = await villageRef(letter.villageId);
  return detail(readerOf(openid, user, v.village, v.ref), letter, true);
}

export async function saveLetter(openid: string, req: SaveLetterRequest): Promise<LetterDetail> {
  const reader = await readerFor(openid, undefined);
  const user = requireSecretary(reader);
  const village = reader.village;
  const title = req.title.trim();
  const body = req.body.trim();
  const existing = req.id ? await findLetter(req.id) : null;
  if (existing && existing.villageId !== village._id) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  if (existing?.status === 'published') throw new AppError('BOARD.PUBLISHED');
  await requireCleanText(openid, `${title}\n${body}`, 3);
  const now = currentTime();
  const publishing = req.publish ? { status: 'published' as const, publishedAt: now, publishedOn: chinaDate(now) } : {};
  if (existing) {
    const changed = await updateWhere(
      C.boardLetters,
      { _id: existing._id, status: 'draft' },
      { title, body, pictures: whole(req.pictures), updatedAt: now, ...publishing },
    );
    if (changed !== 1) throw new AppError('BOARD.WRONG_STATE');
    return detail(reader, { ...existing, title, body, pictures: req.pictures, updatedAt: now, ...publishing }, false);
  }
  const letter: Letter = {
    _id: keyedId('L', village._id, openid, req.clientKey),
    villageId: village._id,
    townId: village.townId,
    title,
    body,
    pictures: req.pictures,
    status: 'draft',
    authorId: user._id,
    authorName: user.name,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    publishedOn: null,
    readHouseholds: 0,
    readUsers: 0,
    likes: 0,
    commentCount: 0,
    clientKey: req.clientKey,
    ...publishing,
  };
  // A retried save (same key) finds the letter its first attempt wrote.
  if (!(await insertOnce(C.boardLetters, letter))) return detail(reader, await findLetter(letter._id), false);
  return detail(reader, letter, false);
}
