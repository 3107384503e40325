// The real documents of the demo village the access matrix aims at: a refusal because an id names
// nothing proves nothing, so every id the matrix sends names a document of the village, made through
// the functions by whoever would make it (a record, an invite, a join request, a matter, a letter and
// its comment, a finance item, an order, certificates, an import file) or read off the demo's own.
// Targets are households of 第一网格 that are none of the callers' own (the archive excepted: the
// head reads their own), so "the head" and "the grid leader" are the head of another household and
// the leader of its grid.
import type { ActionName, FunctionName, RequestOf, ResponseOf, RuleItemView } from '../../typings';
import type { caller } from '../cloudfunctions/support';
import type { Cloud, Database } from '../support/sdk';
import { add, getAll, settled, str } from '../support/sdk';
import { TEST_MONTH, TEST_TODAY } from '../support/clock';
import { validId } from '../village/fixtures';

export interface Targets {
  household: string;
  /** Another group of the household's grid (to move it there). */
  grid: string;
  group: string;
  otherGroup: string;
  members: { edit: string; move: string; leave: string };
  /** Member ids of people with a WeChat user: a grid's leader (kept), a head (given no new role). */
  people: { gridLeader: string; head: string };
  records: { pending: string; approved: string };
  /** The 5+X template's items, for a well-formed adoption. */
  ruleItems: RuleItemView[];
  objection: string;
  invites: { revoke: string; info: string; join: string };
  requests: { confirm: string; refuse: string };
  importFile: string;
  goods: string;
  orders: { cancel: string; handover: string; pickupCode: string };
  matters: { open: string; held: string };
  certificates: { revoke: string; verify: string };
  letter: string;
  comment: string;
  item: { id: string; updatedAt: string };
}

/** The quarter before the tests' quarter. */
export const LAST_QUARTER = ((): string => {
  const year = Number(TEST_MONTH.slice(0, 4));
  const quarter = Math.ceil(Number(TEST_MONTH.slice(5, 7)) / 3) - 1;
  return quarter ? `${year}-Q${quarter}` : `${year - 1}-Q4`;
})();
/** The month before the tests' month: published and settled in the demo. */
export const LAST_MONTH = new Date(Date.UTC(Number(TEST_MONTH.slice(0, 4)), Number(TEST_MONTH.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);
const HOUSEHOLD = 'hh-045';
/** The demo callers' own households (secretary, cadres, grid leaders, head, villager, keeper, supervisor). */
const CALLERS_HOUSEHOLDS = ['hh-001', 'hh-002', 'hh-003', 'hh-004', 'hh-011', 'hh-061', 'hh-111', 'hh-021', 'hh-022', 'hh-031', 'hh-041'];
const VILLAGE = 'village-hemei';
const IMPORT_HEADER = ['网格', '联户小组', '门牌号/户号', '户主姓名', '成员姓名', '与户主关系', '身份证号', '手机号'];

type Api = ReturnType<typeof caller>;

function must<F extends FunctionName, A extends ActionName<F>>(
  api: Api,
  openid: string,
  fn: F,
  action: A,
  payload: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  return api.ok(openid, fn, action, payload);
}

async function firstId(db: Database, collection: string, where: Record<string, unknown>, field = '_id'): Promise<string> {
  const [found] = await getAll(db.collection(collection).where(where).limit(1));
  if (!found) throw new Error(`no ${collection} matching ${JSON.stringify(where)} in the demo`);
  return str(found, field);
}

async function invite(api: Api, householdId: string): Promise<string> {
  return (await must(api, 'demo-secretary', 'village', 'createInvite', { kind: 'household', householdId })).code;
}

async function joinRequest(api: Api, db: Database, householdId: string, openid: string, name: string): Promise<string> {
  await must(api, openid, 'village', 'join', { code: await invite(api, householdId), name, idLast4: '5678' });
  return firstId(db, 'joinRequests', { openid });
}

async function village(api: Api, db: Database): Promise<Pick<Targets, 'invites' | 'requests' | 'members' | 'people'>> {
  const memberOf = (openid: string): Promise<string> => firstId(db, 'users', { _id: openid }, 'memberId');
  return {
    invites: { revoke: await invite(api, HOUSEHOLD), info: await invite(api, HOUSEHOLD), join: await invite(api, HOUSEHOLD) },
    requests: {
      confirm: await joinRequest(api, db, 'hh-046', 'o-joiner-1', '矩阵甲'),
      refuse: await joinRequest(api, db, 'hh-047', 'o-joiner-2', '矩阵乙'),
    },
    members: {
      edit: await firstId(db, 'members', { householdId: HOUSEHOLD, relation: db.command.neq('户主') }),
      move: await firstId(db, 'members', { householdId: 'hh-046', relation: db.command.neq('户主'), status: 'active' }),
      leave: await firstId(db, 'members', { householdId: 'hh-047', relation: db.command.neq('户主'), status: 'active' }),
    },
    people: { gridLeader: await memberOf('demo-grid-1'), head: await memberOf('demo-head') },
  };
}

async function points(api: Api, db: Database): Promise<Pick<Targets, 'records' | 'objection'>> {
  const recorded = await must(api, 'demo-grid-1', 'points', 'record', {
    clientKey: 'targets-record',
    itemCode: 'A01',
    householdIds: ['hh-049'],
    occurredOn: TEST_TODAY,
  });
  const pending = recorded.records[0]?.id ?? '';
  const approved = await firstId(db, 'pointRecords', {
    gridId: 'grid-1',
    householdId: db.command.nin(CALLERS_HOUSEHOLDS),
    status: 'approved',
    month: LAST_MONTH,
    points: db.command.gt(0),
  });
  const [disputed] = await getAll(db.collection('pointRecords').where({ _id: approved }));
  // The demo's notices are settled by the tests' day, so no objection can be raised through the
  // function now: this one is stored as `notice.object` stores it, about a record of that month.
  const objection = await add(db.collection('objections'), {
    _id: 'targets-objection',
    villageId: VILLAGE,
    month: LAST_MONTH,
    objector: 'demo-villager',
    objectorName: '矩阵',
    householdId: str(disputed, 'householdId'),
    recordId: approved,
    reason: '分数不对',
    status: 'open',
    resolution: '',
    resolvedBy: null,
    resolvedByName: '',
    counterRecordId: null,
    createdAt: new Date(),
    resolvedAt: null,
  });
  return { records: { pending, approved }, objection };
}

async function importFile(cloud: Cloud): Promise<string> {
  const row = ['第一网格', '7组联户小组', '1组99号', '矩阵丙', '矩阵丙', '户主', validId('19800101', '991'), ''];
  const text = `\ufeff${[IMPORT_HEADER, row].map((r) => r.join(',')).join('\r\n')}\r\n`;
  const { fileID } = await settled(cloud.uploadFile({ cloudPath: 'village-import/matrix.csv', fileContent: Buffer.from(text, 'utf8') }));
  return fileID;
}

async function shop(api: Api, db: Database): Promise<Pick<Targets, 'goods' | 'orders'>> {
  const goods = 'goods-01';
  const mine = await must(api, 'demo-head', 'shop', 'redeem', { clientKey: 'targets-order', goodsId: goods, qty: 1 });
  const [open] = await getAll(
    db.collection('shopOrders').where({ villageId: VILLAGE, status: 'open', _id: db.command.neq(mine.order.id) }),
  );
  if (!open) throw new Error('no open order in the demo');
  return { goods, orders: { cancel: mine.order.id, handover: str(open, '_id'), pickupCode: str(open, 'code') } };
}

async function matters(api: Api, db: Database): Promise<Targets['matters']> {
  const raised = await must(api, 'demo-villager', 'matters', 'raise', {
    clientKey: 'targets-matter',
    text: '矩阵：村口的路灯不亮了',
    category: '水电设施',
    public: true,
  });
  return { open: raised.matter.id, held: await firstId(db, 'matters', { villageId: VILLAGE, status: 'held' }) };
}

async function honours(api: Api): Promise<Targets['certificates']> {
  const first = await must(api, 'demo-head', 'honours', 'issue', { clientKey: 'targets-cert-1' });
  const second = await must(api, 'demo-keeper', 'honours', 'issue', { clientKey: 'targets-cert-2' });
  return { revoke: first.code, verify: second.code };
}

async function board(api: Api): Promise<Pick<Targets, 'letter' | 'comment' | 'item'>> {
  const letter = await must(api, 'demo-secretary', 'board', 'saveLetter', {
    clientKey: 'targets-letter',
    title: '致全村乡亲的一封信',
    body: '各位乡亲：今年的积分超市……',
    pictures: [],
    publish: true,
  });
  const comment = await must(api, 'demo-villager', 'board', 'comment', { clientKey: 'targets-comment', letterId: letter.id, text: '支持' });
  const item = await must(api, 'demo-cadre-1', 'board', 'saveItem', {
    clientKey: 'targets-item',
    kind: 'finance',
    title: '十月财务公开',
    body: '收入与支出明细',
    attachments: [],
    publish: false,
  });
  return { letter: letter.id, comment: comment.comment.id, item: { id: item.id, updatedAt: item.updatedAt } };
}

export async function prepareTargets(api: Api, sdk: Cloud): Promise<Targets> {
  const db = sdk.database();
  return {
    household: HOUSEHOLD,
    grid: 'grid-1',
    group: 'group-7',
    otherGroup: 'group-6',
    ...(await village(api, db)),
    ...(await points(api, db)),
    ruleItems: (await must(api, 'demo-secretary', 'points', 'template', {})).items,
    importFile: await importFile(sdk),
    ...(await shop(api, db)),
    matters: await matters(api, db),
    certificates: await honours(api),
    ...(await board(api)),
  };
}

/** Ids of nothing, for the fuzzer (it feeds bad input; what the ids name does not matter there). */
export const NO_TARGETS: Targets = {
  household: 'none',
  grid: 'none',
  group: 'none',
  otherGroup: 'none',
  members: { edit: 'none', move: 'none', leave: 'none' },
  people: { gridLeader: 'none', head: 'none' },
  records: { pending: 'none', approved: 'none' },
  ruleItems: [],
  objection: 'none',
  invites: { revoke: 'AAAAAAAA', info: 'AAAAAAAA', join: 'AAAAAAAA' },
  requests: { confirm: 'none', refuse: 'none' },
  importFile: 'cloud://local-dev.local-bucket/none.csv',
  goods: 'none',
  orders: { cancel: 'none', handover: 'none', pickupCode: 'AAAAAA' },
  matters: { open: 'none', held: 'none' },
  certificates: { revoke: 'AAAAAAAAAAAA', verify: 'AAAAAAAAAAAA' },
  letter: 'none',
  comment: 'none',
  item: { id: 'none', updatedAt: '2026-01-01T00:00:00.000Z' },
};
