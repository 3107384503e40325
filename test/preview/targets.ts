// What npm run preview renders: every page of app.json, as the demo roles it is for, with the query
// it needs (a detail page gets the id of something real in the demo village, found by calling the
// functions as that role). A page not listed here is rendered for every role with no query, so a
// new page shows up in the preview without anyone touching this file.
import { postJson } from '../pages/support/http';

export const ROLES = ['demo-villager', 'demo-head', 'demo-grid-1', 'demo-cadre-1', 'demo-secretary', 'demo-keeper', 'demo-town'] as const;
export type DemoRole = (typeof ROLES)[number];

export const ROLE_NAMES: Record<DemoRole, string> = {
  'demo-villager': '村民',
  'demo-head': '户主',
  'demo-grid-1': '网格长',
  'demo-cadre-1': '村干部',
  'demo-secretary': '村书记',
  'demo-keeper': '店员',
  'demo-town': '乡镇管理员',
};

/** People of a household (villager, head) and the village's leaders (grid leader, cadre, secretary). */
export const HOUSEHOLD: DemoRole[] = ['demo-villager', 'demo-head'];
export const LEADERS: DemoRole[] = ['demo-grid-1', 'demo-cadre-1', 'demo-secretary'];
export const CADRES: DemoRole[] = ['demo-cadre-1', 'demo-secretary'];
export const VILLAGE: DemoRole[] = [...HOUSEHOLD, ...LEADERS];

/** Calls a function as a demo role and answers its data (throws on a refusal). */
export type Caller = (fn: string, action: string, payload: object, openid: DemoRole) => Promise<unknown>;

export function callerOf(cloudUrl: string): Caller {
  return async (fn, action, payload, openid) => {
    const reply = await postJson(`${cloudUrl}/functions/${fn}`, openid, { action, payload });
    const result: unknown = isRecord(reply) ? reply.result : null;
    if (!isRecord(result) || result.ok !== true || !('data' in result)) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(reply).slice(0, 300)}`);
    return result.data;
  };
}

/** A query for a role, or null when there is nothing to show that role (the variant is skipped). */
export type QueryResolver = (call: Caller, role: DemoRole) => Promise<Record<string, string> | null>;

export interface Variant {
  /** Told apart in file names and the index ("" for a page's only variant). */
  name: string;
  roles: readonly DemoRole[];
  query?: Record<string, string> | QueryResolver;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first string `key` of the first element of the list `listKey` of a result. */
export function firstId(result: unknown, listKey: string, key = 'id'): string | null {
  const list: unknown = isRecord(result) ? result[listKey] : null;
  const first: unknown = Array.isArray(list) ? list[0] : null;
  const id: unknown = isRecord(first) ? first[key] : null;
  return typeof id === 'string' && id ? id : null;
}

/** A resolver answering `{ [param]: the first id of fn.action's list }` as the role. */
function idFrom(fn: string, action: string, listKey: string, param = 'id', payload: object = {}): QueryResolver {
  return async (call, role) => {
    const id = firstId(await call(fn, action, payload, role), listKey);
    return id ? { [param]: id } : null;
  };
}

const ANYONE: DemoRole[] = ['demo-villager'];

/** Pages with more than one way in, the roles they are for, and the ids they need. */
export const TARGETS: Record<string, Variant[]> = {
  'pages/home/home': [{ name: '', roles: ROLES }],

  'packages/points/rules/rules': [{ name: '', roles: ['demo-villager', 'demo-cadre-1'] }],
  'packages/points/record/record': [
    { name: '自报', roles: HOUSEHOLD },
    { name: '为农户记录', roles: LEADERS, query: { mode: 'households' } },
    { name: '为农户记录（已选项目）', roles: ['demo-cadre-1'], query: { mode: 'households', item: 'A01' } },
  ],
  'packages/points/review/review': [{ name: '', roles: LEADERS }],
  'packages/points/archive/archive': [{ name: '', roles: VILLAGE }],

  'packages/shop/shop/shop': [{ name: '', roles: HOUSEHOLD }],
  'packages/shop/orders/orders': [{ name: '', roles: HOUSEHOLD }],
  'packages/shop/verify/verify': [{ name: '', roles: ['demo-keeper'] }],
  'packages/shop/admin/admin': [{ name: '', roles: CADRES }],
  'packages/shop/report/report': [{ name: '', roles: CADRES }],

  'packages/honours/grids/grids': [{ name: '', roles: ['demo-villager', 'demo-grid-1', 'demo-cadre-1'] }],
  'packages/honours/annual/annual': [{ name: '', roles: HOUSEHOLD }],
  'packages/honours/loan/loan': [{ name: '', roles: HOUSEHOLD }],
  'packages/honours/verify/verify': [{ name: '', roles: ANYONE }],

  'packages/notice/notice/notice': [{ name: '', roles: ['demo-villager', 'demo-head', 'demo-cadre-1'] }],
  'packages/notice/list/list': [{ name: '', roles: ['demo-villager', 'demo-cadre-1'] }],
  'packages/notice/boards/boards': [{ name: '', roles: ANYONE }],
  'packages/notice/print/print': [{ name: '', roles: ['demo-cadre-1'] }],

  'packages/matters/list/list': [{ name: '', roles: ['demo-villager', 'demo-head', 'demo-cadre-1'] }],
  'packages/matters/raise/raise': [{ name: '', roles: HOUSEHOLD }],
  'packages/matters/mine/mine': [{ name: '', roles: HOUSEHOLD }],
  'packages/matters/detail/detail': [
    { name: '我的', roles: HOUSEHOLD, query: idFrom('matters', 'mine', 'items') },
    { name: '', roles: CADRES, query: idFrom('matters', 'queue', 'items') },
  ],
  'packages/matters/queue/queue': [{ name: '', roles: CADRES }],
  'packages/matters/handle/handle': [{ name: '', roles: CADRES, query: idFrom('matters', 'queue', 'items') }],
  'packages/matters/stats/stats': [{ name: '', roles: [...CADRES, 'demo-town'] }],
  'packages/matters/calendar/calendar': [{ name: '', roles: ['demo-cadre-1', 'demo-town'] }],

  'packages/board/letters/letters': [{ name: '', roles: ['demo-villager', 'demo-secretary'] }],
  'packages/board/letter/letter': [{ name: '', roles: ['demo-villager', 'demo-secretary'], query: idFrom('board', 'letters', 'letters') }],
  'packages/board/write/write': [{ name: '', roles: ['demo-secretary'] }],
  'packages/board/board/board': [{ name: '', roles: ['demo-villager', 'demo-cadre-1'] }],
  'packages/board/item/item': [{ name: '', roles: ['demo-villager', 'demo-cadre-1'], query: idFrom('board', 'home', 'items') }],
  'packages/board/compose/compose': [{ name: '', roles: ['demo-cadre-1'] }],
  'packages/board/town/town': [{ name: '', roles: ['demo-town'] }],

  'packages/village/join/join': [{ name: '', roles: ANYONE }],
  'packages/village/admin/admin': [{ name: '', roles: CADRES }],
  'packages/village/household/household': [
    {
      name: '',
      roles: ['demo-head', 'demo-cadre-1'],
      query: async (call, role) => {
        const me: unknown = await call('account', 'me', {}, role);
        const household: unknown = isRecord(me) ? me.household : null;
        return isRecord(household) && typeof household.id === 'string' ? { id: household.id } : null;
      },
    },
  ],
  'packages/village/pending/pending': [{ name: '', roles: CADRES }],
  'packages/village/grids/grids': [{ name: '', roles: CADRES }],
  'packages/village/roles/roles': [{ name: '', roles: ['demo-secretary'] }],
  'packages/village/town/town': [{ name: '', roles: ['demo-town'] }],
  'packages/village/import/import': [{ name: '', roles: ['demo-secretary'] }],
};

/** The variants of a route: its entry in TARGETS, or every role with no query. */
export function variantsOf(route: string): Variant[] {
  return TARGETS[route] ?? [{ name: '', roles: ROLES }];
}
