// One well-formed request for every action of the contract (typings/api.ts), aimed at the demo
// village. The compiler requires an entry for every action, so a new action cannot miss the access
// matrix or the fuzzer. The matrix aims them at real documents of the village (targets.ts): a
// refusal must be a refusal of who is asking, not of an id that names nothing. The fuzzer's
// samples name nothing (it feeds bad input).
import type { ActionName, FunctionName, RequestOf } from '../../typings';
import { TEST_TODAY } from '../support/clock';
import { LAST_MONTH, LAST_QUARTER, NO_TARGETS, type Targets } from './targets';

export type Samples = { [F in FunctionName]: { [A in ActionName<F>]: RequestOf<F, A> } };

export const DEMO_VILLAGE = 'village-hemei';
export const DEMO_HOUSEHOLD = 'hh-021';
const KEY = 'matrix-0001';
const DAY = TEST_TODAY;
const MONTH = LAST_MONTH;
const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';

export function samplesFor(t: Targets): Samples {
  return {
    account: { home: {}, me: {} },
    points: {
      rules: {},
      template: {},
      adopt: {
        clientKey: KEY,
        effectiveFrom: '2099-01-01',
        adoption: { meetingDate: DAY, rounds: 3, attendees: 1, votesFor: 1, votesAgainst: 0, abstentions: 0 },
        items: t.ruleItems,
      },
      record: { clientKey: KEY, itemCode: 'A01', householdIds: [DEMO_HOUSEHOLD], occurredOn: DAY },
      queue: {},
      review: { recordIds: [t.records.pending], decision: 'approve' },
      reverse: { clientKey: KEY, recordId: t.records.approved, reason: '核实有误' },
      archive: { householdId: DEMO_HOUSEHOLD },
      recompute: {},
      households: {},
    },
    notice: {
      list: {},
      get: { month: MONTH },
      publish: { month: '2099-01' },
      object: { clientKey: KEY, month: MONTH, householdId: DEMO_HOUSEHOLD, reason: '分数不对' },
      resolve: { objectionId: t.objection, decision: 'dismiss', reason: '核实无误', clientKey: KEY },
      settle: { month: MONTH },
      boards: { month: MONTH },
    },
    village: {
      townVillages: {},
      createVillage: { name: '矩阵村' },
      createInvite: { kind: 'household', householdId: DEMO_HOUSEHOLD },
      revokeInvite: { code: t.invites.revoke },
      inviteInfo: { code: t.invites.info },
      join: { code: t.invites.join, name: '张三', idLast4: '1234' },
      myJoin: {},
      pending: {},
      confirm: { requestId: t.requests.confirm },
      refuse: { requestId: t.requests.refuse, reason: '不是本人' },
      overview: {},
      household: { householdId: DEMO_HOUSEHOLD },
      createHousehold: { no: '矩阵1号', headName: '矩阵', headIdNumber: '110101198001011234', gridId: t.grid, groupId: t.group },
      editHousehold: { householdId: t.household, address: '村口' },
      moveHousehold: { householdId: t.household, gridId: t.grid, groupId: t.otherGroup },
      addMember: { householdId: t.household, name: '张三', relation: '儿子' },
      editMember: { memberId: t.members.edit, phone: '13800138000' },
      moveMember: { memberId: t.members.move, toHouseholdId: t.household, relation: '儿子' },
      leaveMember: { memberId: t.members.leave, reason: '外出' },
      grids: {},
      createGrid: { kind: 'group', name: '矩阵组', parentId: t.grid },
      renameGrid: { gridId: t.group, name: '矩阵小组' },
      setGridLeader: { gridId: t.grid, personId: t.people.gridLeader },
      people: {},
      setRole: { personId: t.people.head, role: 'cadre', granted: false },
      importPreview: { fileID: t.importFile },
      importCommit: { fileID: t.importFile },
    },
    shop: {
      browse: {},
      redeem: { clientKey: KEY, goodsId: t.goods, qty: 1 },
      orders: {},
      cancel: { orderId: t.orders.cancel },
      verify: { code: t.orders.pickupCode },
      handover: { orderId: t.orders.handover },
      saveGoods: { clientKey: KEY, id: t.goods, name: '肥皂', photo, price: 5, limit: null, onShelf: true },
      decideGoods: { id: t.goods, decision: 'release' },
      settings: {},
      saveSettings: { mode: 'always', pickupDays: 7, events: [] },
      report: { month: MONTH },
      exportReport: { month: MONTH },
    },
    matters: {
      raise: { clientKey: KEY, text: '村口路灯坏了', category: '水电设施', public: false },
      list: {},
      mine: {},
      queue: {},
      detail: { id: t.matters.open },
      moderate: { id: t.matters.held, clientKey: KEY, decision: 'release' },
      respond: { id: t.matters.open, clientKey: KEY, text: '收到' },
      note: { id: t.matters.open, clientKey: KEY, text: '记录', publish: false },
      assign: { id: t.matters.open, clientKey: KEY, assignee: { kind: 'person', personId: t.people.gridLeader }, dueDate: DAY },
      progress: { id: t.matters.open, clientKey: KEY, text: '在办' },
      close: { id: t.matters.open, clientKey: KEY, text: '办结' },
      rate: { id: t.matters.open, clientKey: KEY, stars: 5 },
      reopen: { id: t.matters.open, clientKey: KEY, reason: '没修好' },
      assignees: {},
      stats: { from: `${MONTH}-01`, to: `${MONTH}-28` },
      calendar: {},
      setOverride: { scope: 'village', date: '2099-01-02', kind: 'none', name: '' },
    },
    honours: {
      grids: {},
      quarter: {},
      award: { quarter: LAST_QUARTER },
      annual: {},
      loan: {},
      issue: { clientKey: KEY },
      revoke: { code: t.certificates.revoke },
      verify: { code: t.certificates.verify },
    },
    board: {
      home: {},
      letters: {},
      letter: { id: t.letter },
      saveLetter: { clientKey: KEY, id: t.letter, title: '公开信', body: '各位乡亲', pictures: [], publish: false },
      like: { id: t.letter, liked: true },
      comment: { clientKey: KEY, letterId: t.letter, text: '支持' },
      moderate: { commentId: t.comment, decision: 'approve' },
      reply: { commentId: t.comment, text: '谢谢' },
      readers: { id: t.letter },
      items: { kind: 'notice' },
      item: { id: t.item.id },
      saveItem: { clientKey: KEY, id: t.item.id, kind: 'notice', title: '通知', body: '开会', attachments: [], publish: false },
      signOff: { id: t.item.id, updatedAt: t.item.updatedAt },
      publishItem: { id: t.item.id },
      decideLetter: { id: t.letter, decision: 'release' },
      decideItem: { id: t.item.id, decision: 'release' },
      subscribeTemplates: {},
      subscribed: { accepted: [] },
      town: { from: MONTH, to: MONTH },
    },
  };
}

export const SAMPLES: Samples = samplesFor(NO_TARGETS);
