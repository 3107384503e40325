// What each person came for, by role: the tasks of 办事 (grouped by role), the badges of 首页 (what
// waits, counted by board.home), and the entries of 公开 and 我的. Pure: the tab pages pass what
// their one service call answered (services/home.ts).
import type { HomeWaiting, MeResult, Role } from '../../typings/index';

export interface Task {
  id: string;
  text: string;
  url: string;
  /** What waits behind it (a badge); null when nothing is counted. */
  badge: number | null;
  /** The badge is urgent (overdue): drawn red. */
  urgent: boolean;
}

export interface TaskGroup {
  id: string;
  title: string;
  tasks: Task[];
}

type Joined = Extract<MeResult, { joined: true }>;

const task = (id: string, text: string, url: string, badge: number | null = null, urgent = false): Task => ({
  id,
  text,
  url,
  badge,
  urgent,
});

const has = (me: Joined, ...roles: Role[]): boolean => roles.some((r) => me.roles.includes(r));

/** 说事待办: with a red badge of the overdue ones when there are any, else of those near their deadline. */
function mattersTask(w: HomeWaiting | null): Task {
  const overdue = w?.mattersOverdue ?? null;
  const label = overdue ? '说事待办（有超期）' : '说事待办';
  return task('entry-matters-queue', label, '/packages/matters/queue/queue', overdue ?? w?.mattersNearDeadline ?? null, Boolean(overdue));
}

/** A cadre's or grid leader's work: reviews and records; cadres also matters, notices, the board and the shop. */
function leaderGroup(me: Joined, w: HomeWaiting | null): TaskGroup | null {
  const cadre = has(me, 'cadre', 'secretary');
  if (!me.village || !(cadre || has(me, 'gridLeader'))) return null;
  const tasks = [
    task('entry-review', '积分审核', '/packages/points/review/review', w?.reviews ?? null),
    task('entry-record', '为农户记录积分', '/packages/points/record/record?mode=households'),
  ];
  if (cadre) {
    tasks.push(
      mattersTask(w),
      task('entry-notice-manage', '积分公示与异议', '/packages/notice/list/list', w?.objections ?? null),
      task('entry-compose', '发布村务公开', '/packages/board/compose/compose', w?.financeToPublish ?? null),
      task('entry-shop-admin', '超市商品', '/packages/shop/admin/admin'),
      task('entry-shop-report', '兑换报表', '/packages/shop/report/report'),
      task('entry-matters-stats', '说事统计', '/packages/matters/stats/stats'),
    );
  }
  tasks.push(task('entry-village', '村务管理', '/packages/village/admin/admin'));
  return { id: 'group-leader', title: cadre ? '村干部' : '网格长', tasks };
}

function villageGroup(me: Joined, role: Role, group: TaskGroup): TaskGroup | null {
  return me.village && has(me, role) ? group : null;
}

function townGroup(me: Joined): TaskGroup | null {
  if (!me.town) return null;
  return {
    id: 'group-town',
    title: '乡镇',
    tasks: [
      task('entry-town', '全镇村庄排名', '/packages/board/town/town'),
      task('entry-village', '全镇村庄', '/packages/village/town/town'),
      task('entry-matters-stats', '说事统计', '/packages/matters/stats/stats'),
      task('entry-matters-calendar', '节假日设置', '/packages/matters/calendar/calendar'),
    ],
  };
}

function householdGroup(me: Joined): TaskGroup | null {
  if (!me.village || !me.household) return null;
  return {
    id: 'group-household',
    title: '我家',
    tasks: [
      task('entry-self', '自报积分', '/packages/points/record/record'),
      task('entry-matters-raise', '我要说事', '/packages/matters/raise/raise'),
      task('entry-shop', '积分超市', '/packages/shop/shop/shop'),
      task('entry-loan', '积分贷与积分证明', '/packages/honours/loan/loan'),
    ],
  };
}

/** The caller's role groups in the order 首页 and 办事 show them. */
export function taskGroups(me: MeResult | null, waiting: HomeWaiting | null): TaskGroup[] {
  if (!me?.joined) return [];
  const w = waiting;
  const groups = [
    leaderGroup(me, w),
    villageGroup(me, 'secretary', {
      id: 'group-secretary',
      title: '村书记',
      tasks: [
        task('entry-write', '写公开信', '/packages/board/write/write'),
        task('entry-letters-manage', '公开信留言', '/packages/board/letters/letters', w?.heldComments ?? null),
        task('entry-adopt', '修订积分规则', '/packages/points/adopt/adopt'),
      ],
    }),
    villageGroup(me, 'supervisor', {
      id: 'group-supervisor',
      title: '村务监督',
      tasks: [task('entry-sign-off', '财务公开审核签字', '/packages/board/board/board?tab=finance', w?.financeToSignOff ?? null)],
    }),
    villageGroup(me, 'keeper', {
      id: 'group-keeper',
      title: '积分超市店员',
      tasks: [task('entry-pickup', '核销取货', '/packages/shop/verify/verify', w?.pickups ?? null)],
    }),
    townGroup(me),
    householdGroup(me),
    { id: 'group-anyone', title: '其他', tasks: [task('entry-verify', '核验积分证明', '/packages/honours/verify/verify')] },
  ];
  return groups.filter((g): g is TaskGroup => g !== null);
}

/** The tasks with something waiting, most urgent first: the badges of 首页's first screen. */
export function badges(groups: TaskGroup[]): Task[] {
  const seen = new Set<string>();
  const out: Task[] = [];
  for (const g of groups) {
    for (const t of g.tasks) {
      if (t.badge === null || seen.has(t.id)) continue;
      seen.add(t.id);
      out.push(t);
    }
  }
  return out.sort((a, b) => Number(b.urgent) - Number(a.urgent));
}

/** 公开: what the village publishes, for anyone of it. */
export function publicEntries(me: MeResult | null): Task[] {
  if (!me?.joined || !me.village) return [];
  return [
    task('entry-notice', '积分公示', '/packages/notice/list/list'),
    task('entry-boards', '红黑榜', '/packages/notice/boards/boards'),
    task('entry-letters', '书记公开信', '/packages/board/letters/letters'),
    task('entry-board', '三务公开', '/packages/board/board/board'),
    task('entry-matters', '村民说事', '/packages/matters/list/list'),
    task('entry-grids', '网格评比', '/packages/honours/grids/grids'),
    task('entry-rules', '积分规则', '/packages/points/rules/rules'),
  ];
}

/** 我的: the household's own things. */
export function mineEntries(me: MeResult | null): Task[] {
  if (!me?.joined || !me.village || !me.household) return [];
  return [
    task('entry-archive', '我家档案与积分', '/packages/points/archive/archive'),
    task('entry-my-household', '家庭成员与邀请', `/packages/village/household/household?id=${me.household.id}`),
    task('entry-matters-mine', '我说的事', '/packages/matters/mine/mine'),
    task('entry-orders', '我的兑换订单', '/packages/shop/orders/orders'),
    task('entry-objections', '我的异议（积分公示）', '/packages/notice/list/list'),
    task('entry-certificates', '积分证明', '/packages/honours/loan/loan'),
    task('entry-annual', '一年一评优', '/packages/honours/annual/annual'),
  ];
}
