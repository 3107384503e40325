// One well-formed request for every action of the contract (typings/api.ts), aimed at the demo
// village. The compiler requires an entry for every action, so a new action cannot miss the access
// matrix or the fuzzer. Ids that would destroy demo data are ids of nothing ("none"): a refused call
// must still be refused, and an allowed one answers "not found" rather than being turned away.
import type { ActionName, FunctionName, RequestOf } from '../../typings';
import { TEST_MONTH, TEST_TODAY } from '../support/clock';

export type Samples = { [F in FunctionName]: { [A in ActionName<F>]: RequestOf<F, A> } };

export const DEMO_VILLAGE = 'village-hemei';
export const DEMO_HOUSEHOLD = 'hh-021';
const NONE = 'none';
const KEY = 'matrix-0001';
const DAY = TEST_TODAY;
/** The month before the tests' month: published and settled in the demo. */
const MONTH = new Date(Date.UTC(Number(TEST_MONTH.slice(0, 4)), Number(TEST_MONTH.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
const photo = 'cloud://local-dev.local-bucket/evidence/test.jpg';

export const SAMPLES: Samples = {
  account: { home: {}, me: {} },
  points: {
    rules: {},
    template: {},
    adopt: {
      clientKey: KEY,
      effectiveFrom: '2099-01-01',
      adoption: { meetingDate: DAY, rounds: 3, attendees: 1, votesFor: 1, votesAgainst: 0, abstentions: 0 },
      items: [],
    },
    record: { clientKey: KEY, itemCode: 'A01', householdIds: [DEMO_HOUSEHOLD], occurredOn: DAY },
    queue: {},
    review: { recordIds: [NONE], decision: 'approve' },
    reverse: { clientKey: KEY, recordId: NONE, reason: '核实有误' },
    archive: { householdId: DEMO_HOUSEHOLD },
    recompute: {},
    households: {},
  },
  notice: {
    list: {},
    get: { month: MONTH },
    publish: { month: '2099-01' },
    object: { clientKey: KEY, month: MONTH, householdId: DEMO_HOUSEHOLD, reason: '分数不对' },
    resolve: { objectionId: NONE, decision: 'dismiss', reason: '核实无误', clientKey: KEY },
    settle: { month: '2099-01' },
    boards: { month: MONTH },
  },
  village: {
    townVillages: {},
    createVillage: { name: '矩阵村' },
    createInvite: { kind: 'household', householdId: DEMO_HOUSEHOLD },
    revokeInvite: { code: 'AAAAAAAA' },
    inviteInfo: { code: 'AAAAAAAA' },
    join: { code: 'AAAAAAAA', name: '张三', idLast4: '1234' },
    myJoin: {},
    pending: {},
    confirm: { requestId: NONE },
    refuse: { requestId: NONE, reason: '不是本人' },
    overview: {},
    household: { householdId: DEMO_HOUSEHOLD },
    createHousehold: { no: '矩阵1号', headName: '矩阵', headIdNumber: '110101198001011234', gridId: NONE, groupId: NONE },
    editHousehold: { householdId: NONE, address: '村口' },
    moveHousehold: { householdId: NONE, gridId: NONE, groupId: NONE },
    addMember: { householdId: NONE, name: '张三', relation: '儿子' },
    editMember: { memberId: NONE, phone: '13800138000' },
    moveMember: { memberId: NONE, toHouseholdId: NONE, relation: '儿子' },
    leaveMember: { memberId: NONE, reason: '外出' },
    grids: {},
    createGrid: { kind: 'group', name: '矩阵组', parentId: NONE },
    renameGrid: { gridId: NONE, name: '矩阵组' },
    setGridLeader: { gridId: NONE, userId: null },
    people: {},
    setRole: { userId: NONE, role: 'keeper', granted: true },
    importPreview: { fileID: `cloud://local-dev.local-bucket/${NONE}.csv` },
    importCommit: { fileID: `cloud://local-dev.local-bucket/${NONE}.csv` },
  },
  shop: {
    browse: {},
    redeem: { clientKey: KEY, goodsId: NONE, qty: 1 },
    orders: {},
    cancel: { orderId: NONE },
    verify: { code: 'AAAAAA' },
    handover: { orderId: NONE },
    saveGoods: { clientKey: KEY, id: NONE, name: '肥皂', photo, price: 5, limit: null, onShelf: true },
    decideGoods: { id: NONE, decision: 'release' },
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
    detail: { id: NONE },
    moderate: { id: NONE, clientKey: KEY, decision: 'release' },
    respond: { id: NONE, clientKey: KEY, text: '收到' },
    note: { id: NONE, clientKey: KEY, text: '记录', publish: false },
    assign: { id: NONE, clientKey: KEY, assignee: { kind: 'body', name: '村委会' }, dueDate: '2099-01-01' },
    progress: { id: NONE, clientKey: KEY, text: '在办' },
    close: { id: NONE, clientKey: KEY, text: '办结' },
    rate: { id: NONE, clientKey: KEY, stars: 5 },
    reopen: { id: NONE, clientKey: KEY, reason: '没修好' },
    assignees: {},
    stats: { from: `${MONTH}-01`, to: `${MONTH}-28` },
    calendar: {},
    setOverride: { scope: 'village', date: '2099-01-02', kind: 'none', name: '' },
  },
  honours: {
    grids: {},
    quarter: {},
    award: { quarter: '2099-Q1' },
    annual: {},
    loan: {},
    issue: { clientKey: KEY },
    revoke: { code: 'AAAAAAAAAAAA' },
    verify: { code: 'AAAAAAAAAAAA' },
  },
  board: {
    home: {},
    letters: {},
    letter: { id: NONE },
    saveLetter: { clientKey: KEY, id: NONE, title: '公开信', body: '各位乡亲', pictures: [], publish: false },
    like: { id: NONE, liked: true },
    comment: { clientKey: KEY, letterId: NONE, text: '支持' },
    moderate: { commentId: NONE, decision: 'approve' },
    reply: { commentId: NONE, text: '谢谢' },
    readers: { id: NONE },
    items: { kind: 'notice' },
    item: { id: NONE },
    saveItem: { clientKey: KEY, id: NONE, kind: 'notice', title: '通知', body: '开会', attachments: [], publish: false },
    signOff: { id: NONE, updatedAt: '2026-01-01T00:00:00.000Z' },
    publishItem: { id: NONE },
    decideLetter: { id: NONE, decision: 'release' },
    decideItem: { id: NONE, decision: 'release' },
    subscribeTemplates: {},
    subscribed: { accepted: [] },
    town: { from: MONTH, to: MONTH },
  },
};
