// 首页's first screen, by person: the household's points (a villager, a head), what waits (badges of
// a cadre, a grid leader, the secretary, the supervisor, the keeper) and the few tasks done most.
// Someone with several roles (the secretary is also a household head) picks in 我的 which comes first.
import type { HomeResult, MeResult } from '../../typings/index';
import { badges, taskGroups, type Task } from './workbench';

const FIRST_KEY = 'hm.homeFirst';

export type HomeFirst = 'work' | 'family';

export function homeFirst(): HomeFirst {
  return wx.getStorageSync(FIRST_KEY) === 'family' ? 'family' : 'work';
}

export function setHomeFirst(first: HomeFirst): void {
  wx.setStorageSync(FIRST_KEY, first);
}

/** Tasks done most, shown on 首页 beside the badges, in this order. */
const QUICK = ['entry-pickup', 'entry-record', 'entry-self', 'entry-matters-raise', 'entry-shop', 'entry-town'];

export interface HomeView {
  /** The household's points (null without a household). */
  points: HomeResult['household'];
  /** What waits, most urgent first. */
  waiting: Task[];
  quick: Task[];
  /** The workbench above the points (a leader who did not choose otherwise). */
  workFirst: boolean;
  /** The count of what waits, for the 办事 tab. */
  waitingTotal: number;
}

export function homeView(me: MeResult | null, board: HomeResult | null, first: HomeFirst): HomeView {
  const groups = taskGroups(me, board?.waiting ?? null);
  const waiting = badges(groups);
  const all = groups.flatMap((g) => g.tasks);
  const shown = new Set(waiting.map((t) => t.id));
  const quick = QUICK.flatMap((id) => {
    const t = all.find((x) => x.id === id);
    return t && !shown.has(id) ? [t] : [];
  });
  const points = board?.household ?? null;
  return {
    points,
    waiting,
    quick,
    workFirst: waiting.length > 0 && (first === 'work' || !points),
    waitingTotal: waiting.reduce((n, t) => n + (t.badge ?? 0), 0),
  };
}
