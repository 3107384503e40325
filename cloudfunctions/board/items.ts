// The notice board: 三务公开 (党务, 村务, 财务), 村庄大事记 and 通知. Cadres write items (title, body,
// attachments; a date for the chronicle) and publish them; a finance item is published only after the
// village's 村务监督委员 has signed off its content (an edit voids the sign-off); a 通知 goes by
// subscribe message to the village's users who agreed.
import type { BoardItemDetail, ItemsRequest, ItemsResult, SaveItemRequest } from '../../typings';
import { chinaDate, isDate } from '../shared/china-time';
import { C } from '../shared/collections';
import { holdFor } from '../shared/content-check';
import { checksFor, type MediaFile } from '../shared/media-check';
import type { Hold } from '../shared/hold';
import type { User } from '../shared/village/model';
import { AppError } from '../shared/errors';
import { thing } from '../shared/notify';
import { keyedId } from '../shared/points/ids';
import { getById, list } from '../shared/repo';
import { boardItemSchema, type BoardItem } from '../shared/board/model';
import { PAGE_SIZE, attachmentType, canSeeItem, keepsSignOff, requirePublishable, viewerOf } from '../shared/board/policy';
import { pushToVillage } from '../shared/board/push';
import { optionalUser, readerFor, readerOf, requireCadre, requireMember, villageRef, type Reader } from './context';
import { insertOnce, newDraft, updateWhere, whole } from './store';
import { itemDetail, itemSummary } from './views';
import { currentTime } from '../shared/clock';
import { _ } from '../shared/sdk';

export async function listItems(openid: string, req: ItemsRequest): Promise<ItemsResult> {
  const reader = await readerFor(openid, req.villageId);
  const { viewer } = reader;
  const villageId = reader.village._id;
  const page = req.page ?? 0;
  const order: [string, 'asc' | 'desc'] = req.kind === 'chronicle' ? ['eventDate', 'desc'] : ['publishedAt', 'desc'];
  const seesDrafts = viewer.cadre || (viewer.supervisor && req.kind === 'finance');
  const [published, drafts] = await Promise.all([
    list(C.boardItems, { villageId, kind: req.kind, status: 'published' }, boardItemSchema, {
      orderBy: order,
      skip: page * PAGE_SIZE,
      limit: PAGE_SIZE + 1,
    }),
    seesDrafts && page === 0
      ? list(C.boardItems, { villageId, kind: req.kind, status: _.in(['draft', 'held']) }, boardItemSchema, {
          orderBy: ['updatedAt', 'desc'],
          limit: PAGE_SIZE,
        })
      : Promise.resolve([]),
  ]);
  return {
    village: reader.ref,
    viewer,
    items: published.slice(0, PAGE_SIZE).map((i) => itemSummary(i, viewer)),
    drafts: drafts.map((i) => itemSummary(i, viewer)),
    hasMore: published.length > PAGE_SIZE,
  };
}

export async function findItem(id: string): Promise<BoardItem> {
  const item = await getById(C.boardItems, id, boardItemSchema);
  if (!item) throw new AppError('COMMON.NOT_FOUND', '没有找到这条公开内容');
  return item;
}

/** The item and its reader; a draft is not found by those who may not see it. */
async function readItem(openid: string, id: string): Promise<{ reader: Reader; item: BoardItem }> {
  const [user, item] = await Promise.all([optionalUser(openid), findItem(id)]);
  if (!canSeeItem(viewerOf(user, item.villageId), item)) throw new AppError('COMMON.NOT_FOUND', '没有找到这条公开内容');
  const v = await villageRef(item.villageId);
  return { reader: readerOf(openid, user, v.village, v.ref), item };
}

export async function getItem(openid: string, id: string): Promise<BoardItemDetail> {
  const { reader, item } = await readItem(openid, id);
  return itemDetail(item, reader);
}

/** Tells the village's subscribers of a 通知 just published. */
export async function announce(item: BoardItem, villageName: string): Promise<number> {
  if (item.kind !== 'notice') return 0;
  const sent = await pushToVillage(item.villageId, 'notice', `packages/board/item/item?id=${item._id}&villageId=${item.villageId}`, {
    thing1: thing(item.title),
    thing2: thing(`${villageName}村委会`),
    date3: { value: chinaDate(item.publishedAt ?? currentTime()) },
  });
  if (sent > 0) await updateWhere(C.boardItems, { _id: item._id }, { pushed: sent });
  return sent;
}

function checkContent(req: SaveItemRequest, now: Date): { eventDate: string | null } {
  if (req.kind !== 'chronicle') return { eventDate: null };
  const eventDate = req.eventDate ?? '';
  if (!isDate(eventDate)) throw new AppError('COMMON.INVALID_INPUT', '请选择大事发生的日期');
  if (eventDate > chinaDate(now)) throw new AppError('COMMON.INVALID_INPUT', '大事记的日期不能晚于今天');
  return { eventDate };
}

type ItemContent = Pick<BoardItem, 'title' | 'body' | 'attachments' | 'eventDate'>;

function contentOf(req: SaveItemRequest, now: Date): ItemContent {
  const { eventDate } = checkContent(req, now);
  return {
    title: req.title.trim(),
    body: req.body.trim(),
    attachments: req.attachments.map((a) => ({ fileId: a.fileId, name: a.name.trim(), type: attachmentType(a.name.trim()) })),
    eventDate,
  };
}

/** The draft being edited, if any: of this village and kind, not published, not waiting on a hold. */
async function editable(req: SaveItemRequest, villageId: string): Promise<BoardItem | null> {
  const existing = req.id ? await findItem(req.id) : null;
  if (!existing) return null;
  if (existing.villageId !== villageId) throw new AppError('COMMON.NOT_FOUND', '没有找到这条公开内容');
  if (existing.status === 'published') throw new AppError('BOARD.PUBLISHED');
  if (existing.status === 'held') throw new AppError('BOARD.WRONG_STATE', '这条内容正在等待审核，撤回后才能修改');
  if (existing.kind !== req.kind) throw new AppError('COMMON.INVALID_INPUT', '不能改变公开内容的类别');
  return existing;
}

/** What publishing writes: published now, or held for another cadre when the check did not pass the content. */
function publishingOf(hold: Hold | null, by: string, now: Date): Partial<BoardItem> {
  return hold ? { status: 'held' } : { status: 'published', publishedAt: now, publishedOn: chinaDate(now), publishedBy: by };
}

async function updateDraft(existing: BoardItem, saved: BoardItem): Promise<void> {
  const where = { _id: existing._id, status: 'draft', updatedAt: existing.updatedAt };
  const changed = await updateWhere(C.boardItems, where, {
    title: saved.title,
    body: saved.body,
    attachments: whole(saved.attachments),
    eventDate: saved.eventDate,
    signOff: saved.signOff ? whole(saved.signOff) : null,
    hold: saved.hold ? whole(saved.hold) : null,
    mediaChecks: whole(saved.mediaChecks ?? []),
    updatedAt: saved.updatedAt,
    status: saved.status,
    publishedAt: saved.publishedAt,
    publishedOn: saved.publishedOn,
    publishedBy: saved.publishedBy,
  });
  if (changed !== 1) throw new AppError('BOARD.WRONG_STATE', '这条内容刚被别人修改或审核过，请刷新后再改');
}

function imagesOf(content: ItemContent): MediaFile[] {
  return content.attachments.filter((a) => a.type === 'image').map((a) => ({ fileId: a.fileId, kind: 'image' }));
}

function newItem(req: SaveItemRequest, reader: Reader, user: User, content: ItemContent, now: Date): BoardItem {
  const village = reader.village;
  return {
    _id: keyedId('B', village._id, reader.openid, req.clientKey),
    villageId: village._id,
    townId: village.townId,
    kind: req.kind,
    ...content,
    ...newDraft(user, now),
    publishedBy: null,
    signOff: null,
    pushed: 0,
    clientKey: req.clientKey,
  };
}

export async function saveItem(openid: string, req: SaveItemRequest): Promise<BoardItemDetail> {
  const reader = await readerFor(openid, undefined);
  const user = requireCadre(reader);
  const now = currentTime();
  const content = contentOf(req, now);
  const existing = await editable(req, reader.village._id);
  const signOff = existing && keepsSignOff(existing, content) ? existing.signOff : null;
  // Refused before anything is written: unsigned finance. Text the check does not pass is held, never published.
  if (req.publish) requirePublishable({ kind: req.kind, signOff });
  const text = `${content.title}\n${content.body}\n${content.attachments.map((a) => a.name).join('\n')}`;
  const hold = await holdFor(openid, text, 3, now);
  const publishing = req.publish ? publishingOf(hold, user._id, now) : {};
  // Each image goes to WeChat's media check (once): others see it when its check has passed.
  const mediaChecks = await checksFor(openid, imagesOf(content), existing?.mediaChecks, 3);
  const base = existing ?? newItem(req, reader, user, content, now);
  let saved: BoardItem = { ...base, ...content, signOff, hold, mediaChecks, updatedAt: now, ...publishing };
  if (existing) await updateDraft(existing, saved);
  // A retried save finds what its first attempt wrote (and does not announce it again).
  else if (!(await insertOnce(C.boardItems, saved))) return itemDetail(await findItem(saved._id), reader);
  if (saved.status === 'published') saved = { ...saved, pushed: await announce(saved, reader.village.name) };
  return itemDetail(saved, reader);
}

export async function signOff(openid: string, id: string, seen: string, note: string): Promise<BoardItemDetail> {
  const { reader, item } = await readItem(openid, id);
  const user = requireMember(reader);
  if (!reader.viewer.supervisor) throw new AppError('AUTH.FORBIDDEN', '只有村务监督委员会成员可以审核财务公开');
  if (item.kind !== 'finance') throw new AppError('BOARD.WRONG_STATE', '只有财务公开需要村务监督委员会审核');
  if (item.status !== 'draft') throw new AppError('BOARD.PUBLISHED');
  if (item.updatedAt.toISOString() !== seen) throw new AppError('BOARD.WRONG_STATE', '这条财务公开刚被修改过，请重新查看后再审核');
  const s = { by: user._id, byName: user.name, at: currentTime(), note: note.trim() };
  // Conditional on the version read: a sign-off covers exactly the content the supervisor saw.
  const changed = await updateWhere(C.boardItems, { _id: item._id, status: 'draft', updatedAt: item.updatedAt }, { signOff: whole(s) });
  if (changed !== 1) throw new AppError('BOARD.WRONG_STATE', '这条财务公开刚被修改过，请重新查看后再审核');
  return itemDetail({ ...item, signOff: s }, reader);
}

export async function publishItem(openid: string, id: string): Promise<BoardItemDetail> {
  const { reader, item } = await readItem(openid, id);
  const user = requireCadre(reader);
  if (item.status === 'published') return itemDetail(item, reader);
  requirePublishable(item);
  const now = currentTime();
  // A draft the check did not pass when it was saved is held for another cadre, not published.
  const publishing = publishingOf(item.hold ?? null, user._id, now);
  // Conditional on the version read: an edit (which may have voided the sign-off) in between refuses it.
  const changed = await updateWhere(C.boardItems, { _id: item._id, status: 'draft', updatedAt: item.updatedAt }, publishing);
  if (changed !== 1) {
    const again = await findItem(item._id);
    if (again.status === 'published') return itemDetail(again, reader);
    throw new AppError('BOARD.WRONG_STATE', '这条内容刚被别人修改过，请刷新后再发布');
  }
  const published: BoardItem = { ...item, ...publishing };
  if (published.status !== 'published') return itemDetail(published, reader);
  return itemDetail({ ...published, pushed: await announce(published, reader.village.name) }, reader);
}
