// 加载更多 for a list page: the next page of rows appended, one request at a time. A failure says
// why (the toast) and keeps the list as it was, so 加载更多 can be tapped again.
import { showError } from '../services/cloud';

export interface MoreData<Row> {
  rows: Row[];
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
}

interface MoreHost<Row> {
  data: MoreData<Row>;
  setData(data: Partial<MoreData<Row>>): void;
}

/** Fetches page `page` (0 is the first) and appends its rows; `hasMore` from the answer. */
export async function loadMore<Row>(
  host: MoreHost<Row>,
  fetch: (page: number) => Promise<{ rows: Row[]; hasMore: boolean }>,
): Promise<void> {
  if (host.data.loadingMore || !host.data.hasMore) return;
  host.setData({ loadingMore: true });
  try {
    const page = host.data.page + 1;
    const next = await fetch(page);
    host.setData({ rows: [...host.data.rows, ...next.rows], page, hasMore: next.hasMore, loadingMore: false });
  } catch (e) {
    host.setData({ loadingMore: false });
    showError(e);
  }
}

interface PagedHost extends MoreHost<unknown> {
  /** Page `page` of the list (0 is the first), as rows for the page. */
  fetchMore(page: number): Promise<{ rows: unknown[]; hasMore: boolean }>;
}

/** 加载更多 for a list page: on its button (bindtap="onMore") and when the list is scrolled to the end. */
export const more = Behavior({
  methods: {
    onMore(this: PagedHost) {
      return loadMore(this, (page) => this.fetchMore(page));
    },
    onReachBottom(this: PagedHost) {
      void loadMore(this, (page) => this.fetchMore(page));
    },
  },
});
