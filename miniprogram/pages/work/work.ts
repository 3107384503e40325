// 办事: every task of the caller's roles, grouped by role, each with what waits behind it.
import type { MeResult } from '../../../typings/index';
import { care } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { tabPage, type TabView } from '../../behaviors/tab-page';
import type { HomeData } from '../../services/home';
import { badges, taskGroups, type TaskGroup } from '../../utils/workbench';

interface WorkData {
  me: MeResult | null;
  groups: TaskGroup[];
}

const initial: WorkData = { me: null, groups: [] };

function show({ me, board }: HomeData): TabView<WorkData> {
  const groups = taskGroups(me, board?.waiting ?? null);
  return { data: { me, groups }, waiting: badges(groups).reduce((n, t) => n + (t.badge ?? 0), 0) };
}

Component({
  behaviors: [care, shell, tabPage('work', show)],
  data: initial,
});
