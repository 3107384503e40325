// A matter for 说事详情 and 办理: its detail, or why it cannot be shown. A matter that is gone or
// private to cadres is an answer to show in place (没有找到), not a failure to retry.
import type { MatterDetail } from '../../../../typings/index';
import { CloudError } from '../../../services/cloud';
import { matterDetail } from '../../../services/matters';
import { queryParams } from '../../../behaviors/query';

export type LoadedMatter = { detail: MatterDetail; notFound: '' } | { detail: null; notFound: string };

export async function loadMatter(id: string): Promise<LoadedMatter> {
  try {
    return { detail: await matterDetail(id), notFound: '' };
  } catch (e) {
    if (e instanceof CloudError && e.code === 'COMMON.NOT_FOUND') return { detail: null, notFound: e.message };
    throw e;
  }
}

interface MatterHost {
  data: { id: string };
  setData(data: { notFound: string }): void;
  show(detail: MatterDetail): void;
}

/**
 * 说事详情 and 办理 open one matter by its id (`?id=…`): the page's load() shows it with the page's
 * own show(detail), or puts why it cannot be shown in `notFound`.
 */
export const matterPage = Behavior({
  behaviors: [queryParams('id')],
  methods: {
    async load(this: MatterHost) {
      const { detail, notFound } = await loadMatter(this.data.id);
      this.setData({ notFound });
      if (detail) this.show(detail);
    },
  },
});
