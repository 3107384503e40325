// Stored documents as the caller may see them: names only inside the village, held comments only for
// their author and the secretary, the sign-off by office outside the village.
import type { BoardItemDetail, BoardItemSummary, BoardViewer, CommentView, LetterSummary } from '../../typings';
import type { BoardItem, Comment, Letter } from '../shared/board/model';
import { KIND_NAMES, excerpt, nameFor, officeName } from '../shared/board/policy';
import { holdView } from '../shared/hold';
import { passedFiles } from '../shared/media-verdict';
import { heldActions } from './held-rules';
import type { Reader } from './context';

/** The cadres (the secretary among them) see every picture; others, those WeChat's media check passed. */
export function picturesFor(viewer: BoardViewer, l: Pick<Letter, 'pictures' | 'mediaChecks'>): string[] {
  return viewer.cadre || viewer.secretary ? l.pictures : passedFiles(l.pictures, l.mediaChecks);
}

/** Image attachments likewise; other files (PDF, documents) are not media WeChat checks. */
function attachmentsFor(viewer: BoardViewer, i: Pick<BoardItem, 'attachments' | 'mediaChecks'>): BoardItem['attachments'] {
  if (viewer.cadre) return i.attachments;
  const passed = passedFiles(
    i.attachments.map((a) => a.fileId),
    i.mediaChecks,
  );
  return i.attachments.filter((a) => a.type !== 'image' || passed.includes(a.fileId));
}

export function letterSummary(l: Letter, viewer: BoardViewer): LetterSummary {
  const pictures = picturesFor(viewer, l);
  return {
    id: l._id,
    title: l.title,
    excerpt: excerpt(l.body),
    cover: pictures[0] ?? null,
    pictureCount: pictures.length,
    status: l.status,
    hold: l.status === 'published' ? null : holdView(l.hold),
    publishedAt: l.publishedAt?.toISOString() ?? null,
    authorName: officeName(viewer, '村书记', l.authorName),
    readHouseholds: l.readHouseholds,
    likes: l.likes,
    commentCount: l.commentCount,
  };
}

const STATUS_TEXT: Record<Comment['status'], string> = { visible: '', held: '待审核，审核通过后大家才能看到', rejected: '未通过审核' };

export function commentView(c: Comment, viewer: BoardViewer, openid: string): CommentView {
  return {
    id: c._id,
    authorName: nameFor(viewer, c.authorName, '村民'),
    mine: c.authorId === openid,
    text: c.text,
    status: c.status,
    statusText: STATUS_TEXT[c.status],
    reason: c.status === 'rejected' ? c.reason : '',
    createdAt: c.createdAt.toISOString(),
    reply: c.reply ? { text: c.reply.text, byName: officeName(viewer, '村书记', c.reply.byName), at: c.reply.at.toISOString() } : null,
  };
}

export function itemSummary(i: BoardItem, viewer: BoardViewer): BoardItemSummary {
  const attachments = attachmentsFor(viewer, i);
  return {
    id: i._id,
    kind: i.kind,
    kindName: KIND_NAMES[i.kind],
    title: i.title,
    excerpt: excerpt(i.body),
    eventDate: i.eventDate,
    status: i.status,
    hold: i.status === 'published' ? null : holdView(i.hold),
    publishedAt: i.publishedAt?.toISOString() ?? null,
    signOff: i.signOff
      ? { byName: officeName(viewer, '村务监督委员', i.signOff.byName), at: i.signOff.at.toISOString(), note: i.signOff.note }
      : null,
    attachmentCount: attachments.length,
  };
}

export function itemDetail(i: BoardItem, reader: Reader): BoardItemDetail {
  const v = reader.viewer;
  const draft = i.status === 'draft';
  return {
    ...itemSummary(i, v),
    body: i.body,
    attachments: attachmentsFor(v, i),
    village: reader.ref,
    viewer: v,
    authorName: officeName(v, '村委会', i.authorName),
    updatedAt: i.updatedAt.toISOString(),
    can: {
      edit: draft && v.cadre,
      signOff: draft && i.kind === 'finance' && v.supervisor && i.signOff === null,
      publish: draft && v.cadre && (i.kind !== 'finance' || i.signOff !== null),
      ...heldActions(reader, i),
    },
  };
}
