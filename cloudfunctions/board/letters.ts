// 书记公开信: the list (published for everyone, drafts for the secretary, held letters for the
// cadres too), the letter (a member's open counts as their read), and writing one (the secretary;
// a letter the content check does not pass on publishing is held for another cadre: held.ts).
import type { LetterDetail, LettersRequest, LettersResult, SaveLetterRequest } from '../../typings';
import { C } from '../shared/collections';
import { holdFor } from '../shared/content-check';
import { checksFor, type MediaFile } from '../shared/media-check';
import { AppError } from '../shared/errors';
import { chinaDate } from '../shared/china-time';
import { keyedId } from '../shared/points/ids';
import { count, getById, list } from '../shared/repo';
import { commentSchema, letterSchema, likeSchema, type Letter } from '../shared/board/model';
import { PAGE_SIZE, canSeeComment, canSeeLetter, likeId } from '../shared/board/policy';
import type { User } from '../shared/village/model';
import { readerFor, requireSecretary, type Reader } from './context';
import { letterWithReader } from './letter-read';
import { recordRead } from './reads';
import { insertOnce, newDraft, updateWhere, whole } from './store';
import { commentView, letterSummary, picturesFor } from './views';
import { currentTime } from '../shared/clock';
import type { Hold } from '../shared/hold';
import { _ } from '../shared/sdk';
import { heldActions } from './held-rules';

const image = (fileId: string): MediaFile => ({ fileId, kind: 'image' });

/** What publishing writes: published now, or held when the check did not pass it. */
function publishingOf(hold: Hold | null, now: Date): Partial<Letter> {
  return hold ? { status: 'held' } : { status: 'published', publishedAt: now, publishedOn: chinaDate(now) };
}

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
    page === 0 && (reader.viewer.secretary || reader.viewer.cadre)
      ? list(C.boardLetters, { villageId, status: unpublishedFor(reader.viewer) }, letterSchema, {
          orderBy: ['updatedAt', 'desc'],
          limit: PAGE_SIZE,
        })
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

/** The unpublished letters a viewer sees: the secretary's drafts and held ones; a cadre's, held ones. */
function unpublishedFor(viewer: { secretary: boolean }): unknown {
  return viewer.secretary ? _.in(['draft', 'held']) : 'held';
}

export async function findLetter(id: string): Promise<Letter> {
  const letter = await getById(C.boardLetters, id, letterSchema);
  if (!letter) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  return letter;
}

/** Whether the member likes the letter (read with the letter when opening it). */
function likeOf(letter: Letter, member: User | null, known: boolean | undefined): Promise<boolean> {
  if (known !== undefined || !member) return Promise.resolve(known ?? false);
  return getById(C.boardLikes, likeId(letter._id, member._id), likeSchema).then((l) => l !== null);
}

/** The letter as the reader sees it; `read` records a member's read of a published letter first. */
export async function detail(reader: Reader, letter: Letter, read: boolean, liked?: boolean): Promise<LetterDetail> {
  const { viewer, user } = reader;
  const member: User | null = viewer.member ? user : null;
  const [households, like, comments, counted] = await Promise.all([
    count(C.households, { villageId: letter.villageId }),
    likeOf(letter, member, liked),
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
    pictures: picturesFor(viewer, letter),
    village: reader.ref,
    viewer,
    households,
    liked: like,
    comments: shown.filter((c) => c.status === 'visible' || c.authorId === reader.openid).map((c) => commentView(c, viewer, reader.openid)),
    held: viewer.secretary ? shown.filter((c) => c.status === 'held').map((c) => commentView(c, viewer, reader.openid)) : [],
    can: {
      like: viewer.member && published,
      comment: viewer.member && published,
      reply: viewer.secretary && published,
      moderate: viewer.secretary,
      edit: viewer.secretary && letter.status === 'draft',
      readers: (viewer.secretary || viewer.cadre) && published,
      ...heldActions(reader, letter),
    },
  };
}

export async function getLetter(openid: string, id: string): Promise<LetterDetail> {
  const { letter, reader, liked } = await letterWithReader(openid, id);
  if (!canSeeLetter(reader.viewer, letter)) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  return detail(reader, letter, true, liked);
}

export async function saveLetter(openid: string, req: SaveLetterRequest): Promise<LetterDetail> {
  const reader = await readerFor(openid, undefined);
  const user = requireSecretary(reader);
  const village = reader.village;
  const title = req.title.trim();
  const body = req.body.trim();
  const existing = req.id ? await findLetter(req.id) : null;
  if (existing && existing.villageId !== village._id) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  if (existing && existing.status !== 'draft')
    throw existing.status === 'published'
      ? new AppError('BOARD.PUBLISHED')
      : new AppError('BOARD.WRONG_STATE', '这封信正在等待审核，撤回后才能修改');
  const now = currentTime();
  // Only publishing is checked (a draft is the secretary's alone); what the check does not pass is held.
  const hold = req.publish ? await holdFor(openid, `${title}\n${body}`, 3, now) : null;
  const publishing = req.publish ? publishingOf(hold, now) : {};
  // Each picture goes to WeChat's media check (once): others see it when its check has passed.
  const mediaChecks = await checksFor(openid, req.pictures.map(image), existing?.mediaChecks, 3);
  if (existing) {
    const changed = await updateWhere(
      C.boardLetters,
      { _id: existing._id, status: 'draft' },
      {
        title,
        body,
        pictures: whole(req.pictures),
        mediaChecks: whole(mediaChecks),
        updatedAt: now,
        ...publishing,
        ...(hold ? { hold: whole(hold) } : {}),
      },
    );
    if (changed !== 1) throw new AppError('BOARD.WRONG_STATE');
    return detail(reader, { ...existing, title, body, pictures: req.pictures, mediaChecks, updatedAt: now, ...publishing, hold }, false);
  }
  const letter: Letter = {
    _id: keyedId('L', village._id, openid, req.clientKey),
    villageId: village._id,
    townId: village.townId,
    title,
    body,
    pictures: req.pictures,
    mediaChecks,
    ...newDraft(user, now),
    readHouseholds: 0,
    readUsers: 0,
    likes: 0,
    commentCount: 0,
    clientKey: req.clientKey,
    hold,
    ...publishing,
  };
  // A retried save (same key) finds the letter its first attempt wrote.
  if (!(await insertOnce(C.boardLetters, letter))) return detail(reader, await findLetter(letter._id), false);
  return detail(reader, letter, false);
}
