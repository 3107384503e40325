// 办事: every task of the caller's roles, grouped by role, each with what waits behind it.
import type { MeResult } from '../../../typings/index';
import { care } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { getHomeData } from '../../services/home';
import { badges, taskGroups, type TaskGroup } from '../../utils/workbench';
import { markTab } from '../../utils/tabs';

interface WorkData {
  me: MeResult | null;
  groups: TaskGroup[];
}

const initial: WorkData = { me: null, groups: [] };

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const { me, board } = await getHomeData();
      const groups = taskGroups(me, board?.waiting ?? null);
      this.setData({ me, groups });
      markTab(
        this,
        'work',
        badges(groups).reduce((n, t) => n + (t.badge ?? 0), 0),
      );
    },
  },
});
