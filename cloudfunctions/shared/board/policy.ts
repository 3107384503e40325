// The rules of 书记公开信 and the notice board as plain functions: what the caller is to a village
// (member or public mode) and may see and do, how names show outside the village, when a finance
// item may be published and when an edit voids its sign-off, and the ids that make reads and likes
// count once.
import type { BoardKind, BoardViewer } from '../../../typings';
import { AppError } from '../errors';
import { isCadre, isSecretary, isSupervisor } from '../access';
import type { User } from '../village/model';
import type { Attachment, BoardItem, Comment, Letter } from './model';

export const KIND_NAMES: Record<BoardKind, string> = {
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  chronicle: '村庄大事记',
  notice: '通知',
};

export const MAX_PICTURES = 9;
export const MAX_ATTACHMENTS = 9;
export const PAGE_SIZE = 20;

/** A confirmed member of the village (pending and former members read in public mode). */
export function isMemberOf(user: User | null, villageId: string): user is User {
  return user !== null && user.status === 'active' && user.villageId === villageId;
}

export function viewerOf(user: User | null, villageId: string): BoardViewer {
  if (!isMemberOf(user, villageId)) return { member: false, secretary: false, cadre: false, supervisor: false };
  return { member: true, secretary: isSecretary(user), cadre: isCadre(user), supervisor: isSupervisor(user) };
}

/** Published letters are public (a shared card reaches anyone); drafts are the secretary's; held ones the cadres' too. */
export function canSeeLetter(viewer: BoardViewer, letter: Pick<Letter, 'status'>): boolean {
  return letter.status === 'published' || viewer.secretary || (letter.status === 'held' && viewer.cadre);
}

/** Published items are public; drafts are for the cadres, and finance drafts for the supervisor too. */
export function canSeeItem(viewer: BoardViewer, item: Pick<BoardItem, 'status' | 'kind'>): boolean {
  return item.status === 'published' || viewer.cadre || (viewer.supervisor && item.kind === 'finance');
}

/** A comment is shown to everyone once visible; held or rejected, only to its author and the secretary. */
export function canSeeComment(viewer: BoardViewer, comment: Pick<Comment, 'status' | 'authorId'>, openid: string): boolean {
  if (comment.status === 'visible') return true;
  return viewer.member && (viewer.secretary || comment.authorId === openid);
}

/** People's names are for the village: outside it (public mode) a commenter is "村民". */
export function nameFor(viewer: BoardViewer, name: string, publicName: string): string {
  return viewer.member ? name : publicName;
}

/** A name with the office it acts in, e.g. "村书记 王建国"; the office alone in public mode. */
export function officeName(viewer: BoardViewer, office: string, name: string): string {
  return viewer.member && name ? `${office} ${name}` : office;
}

/** Finance is published only with the 村务监督委员's sign-off of its content. */
export function requirePublishable(item: Pick<BoardItem, 'kind' | 'signOff'>): void {
  if (item.kind === 'finance' && item.signOff === null) throw new AppError('BOARD.NOT_SIGNED_OFF');
}

type Signed = Pick<BoardItem, 'title' | 'body' | 'attachments' | 'eventDate'>;

function sameAttachments(a: Attachment[], b: Attachment[]): boolean {
  return a.length === b.length && a.every((x, i) => x.fileId === b[i]?.fileId && x.name === b[i]?.name);
}

/** A sign-off covers what was signed: any change of the content voids it. */
export function keepsSignOff(before: Signed, after: Signed): boolean {
  return (
    before.title === after.title &&
    before.body === after.body &&
    before.eventDate === after.eventDate &&
    sameAttachments(before.attachments, after.attachments)
  );
}

/** pdf / image / file, by the file name's extension. */
export function attachmentType(name: string): Attachment['type'] {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp'].includes(ext)) return 'image';
  return 'file';
}

/** The start of a text for lists: whitespace folded, at most `n` characters. */
export function excerpt(text: string, n = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : flat;
}

/** The read documents of one user's read: the user's own, and their household's (if they have one). */
export function readIds(letterId: string, openid: string, householdId: string | null): { user: string; household: string | null } {
  return { user: `${letterId}|u|${openid}`, household: householdId ? `${letterId}|h|${householdId}` : null };
}

export function likeId(letterId: string, openid: string): string {
  return `${letterId}|${openid}`;
}

/** What the secretary may do with a comment now. */
export function requireCommentState(comment: Pick<Comment, 'status'>, action: 'approve' | 'reject' | 'reply'): void {
  if (action === 'reply' && comment.status !== 'visible') throw new AppError('BOARD.WRONG_STATE', '请先审核通过这条留言，再回复');
  if (action !== 'reply' && comment.status !== 'held') throw new AppError('BOARD.WRONG_STATE', '这条留言已经审核过了');
}

/** The most messages of one template a user can hold (WeChat grants one per acceptance). */
export const GRANT_CAP = 50;

/** Grants after the user accepted `keys` once more each. */
export function addGrants(grants: Record<string, number>, keys: string[]): Record<string, number> {
  const out: Record<string, number> = { ...grants };
  for (const k of new Set(keys)) out[k] = Math.min(GRANT_CAP, (out[k] ?? 0) + 1);
  return out;
}
