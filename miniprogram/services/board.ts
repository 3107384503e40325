// The board service (function `board`): 书记公开信, the notice board, the village home data and the
// town's view, all through call(); plus the subscribe-message consent (wx.requestSubscribeMessage,
// reported to the function) and picking attachments (PDF from a chat, or photos).
import type {
  BoardItemDetail,
  CommentRequest,
  CommentResult,
  CommentView,
  HoldDecision,
  HomeResult,
  ItemsRequest,
  ItemsResult,
  LetterDetail,
  LettersRequest,
  LettersResult,
  ModerateRequest,
  ReadersResult,
  ReplyRequest,
  SaveItemRequest,
  SaveLetterRequest,
  SubscribeTemplate,
  TownRequest,
  TownResult,
} from '../../typings/index';
import { call, CloudError } from './cloud';

export function getBoardHome(villageId?: string): Promise<HomeResult> {
  return call('board', 'home', villageId ? { villageId } : {});
}

export function listLetters(req: LettersRequest): Promise<LettersResult> {
  return call('board', 'letters', req);
}

export function getLetter(id: string): Promise<LetterDetail> {
  return call('board', 'letter', { id });
}

export function saveLetter(req: SaveLetterRequest): Promise<LetterDetail> {
  return call('board', 'saveLetter', req);
}

export function setLike(id: string, liked: boolean): Promise<{ liked: boolean; likes: number }> {
  return call('board', 'like', { id, liked });
}

export function postComment(req: CommentRequest): Promise<CommentResult> {
  return call('board', 'comment', req);
}

export function moderateComment(req: ModerateRequest): Promise<CommentView> {
  return call('board', 'moderate', req);
}

export function replyComment(req: ReplyRequest): Promise<CommentView> {
  return call('board', 'reply', req);
}

export function getReaders(id: string): Promise<ReadersResult> {
  return call('board', 'readers', { id });
}

export function listItems(req: ItemsRequest): Promise<ItemsResult> {
  return call('board', 'items', req);
}

export function getItem(id: string): Promise<BoardItemDetail> {
  return call('board', 'item', { id });
}

export function saveItem(req: SaveItemRequest): Promise<BoardItemDetail> {
  return call('board', 'saveItem', req);
}

export function signOffItem(id: string, updatedAt: string, note: string): Promise<BoardItemDetail> {
  return call('board', 'signOff', note ? { id, updatedAt, note } : { id, updatedAt });
}

export function publishItem(id: string): Promise<BoardItemDetail> {
  return call('board', 'publishItem', { id });
}

export function getTown(req: TownRequest): Promise<TownResult> {
  return call('board', 'town', req);
}

let templates: SubscribeTemplate[] | null = null;

/** The template IDs of the board's subscribe messages (asked once per launch). */
async function subscribeTemplates(): Promise<SubscribeTemplate[]> {
  templates ??= (await call('board', 'subscribeTemplates', {})).templates;
  return templates;
}

function requestSubscribe(ids: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(ids.filter((id) => res[id] === 'accept')),
      fail: () => resolve([]),
    });
  });
}

/**
 * Asks the villager (inside a tap, as WeChat requires) to agree to the board's messages of `keys`,
 * and records what they accepted. Never fails the action it comes with: answers how many they accepted.
 */
export async function askSubscription(keys: string[]): Promise<number> {
  try {
    const ids = (await subscribeTemplates()).filter((t) => keys.includes(t.key)).map((t) => t.id);
    if (!ids.length) return 0;
    const accepted = await requestSubscribe(ids);
    if (accepted.length) await call('board', 'subscribed', { accepted });
    return accepted.length;
  } catch {
    return 0;
  }
}

export interface PickedFile {
  path: string;
  name: string;
}

/** Files (PDF, Word, Excel) the user picks from a WeChat chat; [] when they cancel. */
export function chooseDocuments(count: number): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count,
      type: 'file',
      extension: ['pdf', 'doc', 'docx', 'xls', 'xlsx'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.path, name: f.name }))),
      fail: (err) => (/cancel/.test(err.errMsg) ? resolve([]) : reject(new CloudError('COMMON.INTERNAL', '没能打开聊天文件，请再试一次'))),
    });
  });
}

/** Opens a stored document (PDF …) in WeChat's viewer. */
export function openDocument(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (): void => reject(new CloudError('NETWORK', '文件没有打开，请检查网络后再试'));
    wx.downloadFile({
      url,
      success: (res) =>
        res.statusCode === 200 ? wx.openDocument({ filePath: res.tempFilePath, showMenu: true, success: () => resolve(), fail }) : fail(),
      fail,
    });
  });
}

/** A cadre who did not write it releases (publishes) or withdraws a held letter. */
export function decideLetter(id: string, decision: HoldDecision): Promise<LetterDetail> {
  return call('board', 'decideLetter', { id, decision });
}

/** A cadre who did not write it releases (publishes) or withdraws a held notice board item. */
export function decideItem(id: string, decision: HoldDecision): Promise<BoardItemDetail> {
  return call('board', 'decideItem', { id, decision });
}
