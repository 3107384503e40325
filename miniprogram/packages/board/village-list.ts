// 书记公开信 and 村务公开栏 list one village's published rows a page at a time, with the drafts of those
// who may see them; opened from a share card the link names the village, else it is the reader's own.
import type { BoardVillage, BoardViewer } from '../../../typings/index';
import type { MoreData } from '../../behaviors/more';

export interface VillageListData<Row> extends MoreData<Row> {
  villageId: string;
  village: BoardVillage | null;
  viewer: BoardViewer | null;
  drafts: Row[];
}

export function emptyVillageList<Row>(): VillageListData<Row> {
  return { villageId: '', village: null, viewer: null, rows: [], drafts: [], page: 0, hasMore: false, loadingMore: false };
}

/** The first page of the list as the page's data (the village it is of, for the next pages and sharing). */
export function firstPage<Row>(
  res: { village: BoardVillage; viewer: BoardViewer; hasMore: boolean },
  rows: Row[],
  drafts: Row[],
): Omit<VillageListData<Row>, 'loadingMore'> {
  return { village: res.village, viewer: res.viewer, villageId: res.village.id, rows, drafts, page: 0, hasMore: res.hasMore };
}
