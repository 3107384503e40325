// The honours function through the real path (the built function on a local cloud, called as each
// role): monthly grid scores and leader scores, a quarter's honours with ties at the boundaries,
// the bonus shared evenly and booked once (by hand and by the timer, fired twice) with recompute
// still clean, the annual summary, and 积分贷 certificates issued, verified, expired and revoked.
import { C } from '../../cloudfunctions/shared/collections';
import { CODE_ALPHABET } from '../../cloudfunctions/shared/honours/loan';
import { monthsOfQuarter, quarterOfMonth } from '../../cloudfunctions/shared/honours/ranking';
import { buildRecord } from '../../cloudfunctions/shared/points/build';
import { balanceSchema, pointRecordSchema, type PointRecord } from '../../cloudfunctions/shared/points/model';
import { TEMPLATE_ITEMS } from '../../cloudfunctions/shared/rules/template';
import { gridSchema, householdSchema, memberSchema, villageSchema, type Household } from '../../cloudfunctions/shared/village/model';
import { noticeSchema } from '../../cloudfunctions/shared/notice/model';
import { TEST_MONTH } from '../support/clock';
import { getAll, num, settled, str } from '../support/sdk';
import { key } from './drafts';
import { demoCloudPerFile, townUser } from './support';

const setClock = (now: string) => demo.cloud.setClock(now);
const resetClock = () => demo.cloud.resetClock();

const chinaMonth = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(at);

/** The demo's six months end with the one it was seeded in (TEST_NOW, pending); the five before are settled. */
function settledDemoMonths(): string[] {
  const [y, m] = TEST_MONTH.split('-').map(Number);
  return Array.from({ length: 5 }, (_, i) => {
    const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1 - 5 + i, 15));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** The latest quarter whose three months are all settled in the demo (five months always hold one). */
function settledDemoQuarter(): string {
  const settledMonths = settledDemoMonths();
  const quarters = [...new Set(settledMonths.map(quarterOfMonth))].filter((q) =>
    monthsOfQuarter(q).every((m) => settledMonths.includes(m)),
  );
  const q = quarters.at(-1);
  if (!q) throw new Error('no settled quarter in the demo history');
  return q;
}

// Scans of any collection of 100 documents or more are reported: every query here must use an index.
const demo = demoCloudPerFile({ LOCALCLOUD_SCAN_WARN: '100' });

interface Bal {
  earned: number;
  available: number;
  pending: number;
  yearEarned: number;
}

async function balances(villageId: string, year: number): Promise<Map<string, Bal>> {
  const rows = await getAll(demo.db.collection(C.balances).where({ villageId }).limit(1000));
  return new Map(
    rows.map((r) => {
      const b = balanceSchema.parse(r);
      return [b._id, { earned: b.earned, available: b.available, pending: b.pending, yearEarned: b.years[String(year)]?.earned ?? 0 }];
    }),
  );
}

async function insert(collection: string, docs: object[]): Promise<void> {
  await settled(demo.db.collection(collection).add({ data: docs }));
}

/** Settled points per household of the given months, straight from the store. */
async function settledPoints(villageId: string, months: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const month of months) {
    const rows = await getAll(
      demo.db.collection(C.pointRecords).where({ villageId, month, status: 'approved', settled: true }).limit(1000),
    );
    for (const r of rows) out.set(str(r, 'householdId'), (out.get(str(r, 'householdId')) ?? 0) + num(r, 'points'));
  }
  return out;
}

async function demoHouseholds(): Promise<{ id: string; gridId: string }[]> {
  const rows = await getAll(demo.db.collection(C.households).where({ villageId: 'village-hemei' }).limit(1000));
  return rows.map((r) => ({ id: str(r, '_id'), gridId: str(r, 'gridId') }));
}

describe('grid scores of a month', () => {
  test("each grid's settled points, its rank, and the grid leader's 50/50 score", async () => {
    const month = settledDemoMonths()[4] ?? '';
    const reply = await demo.api.call('demo-villager', 'honours', 'grids', { month });
    if (!reply.envelope.ok) throw new Error(reply.envelope.error.message);
    const res = reply.envelope.data;
    expect(reply.dbRequests).toBeLessThan(12);
    console.log(`db requests: grid scores of a month ${reply.dbRequests}`);
    expect(res.month).toBe(month);
    expect(res.settled).toBe(true);
    expect(res.grids).toHaveLength(3);

    const points = await settledPoints('village-hemei', [month]);
    const households = await demoHouseholds();
    for (const g of res.grids) {
      const mine = households.filter((h) => h.gridId === g.gridId);
      const sum = mine.reduce((s, h) => s + (points.get(h.id) ?? 0), 0);
      expect([g.gridId, g.households, g.points]).toEqual([g.gridId, mine.length, sum]);
      // The leader of grid-N is demo-grid-N, head of the 11th household of the grid.
      const leaderHousehold = `hh-${String((Number(g.gridId.slice(5)) - 1) * 50 + 11).padStart(3, '0')}`;
      const own = points.get(leaderHousehold) ?? 0;
      const expected = Math.floor(((own * mine.length + sum) * 10 * 2 + 2 * mine.length) / (4 * mine.length)) / 10;
      expect(g.leader).toMatchObject({ own, hasHousehold: true, score: expected });
    }
    const sorted = [...res.grids].sort((a, b) => b.points - a.points);
    expect(res.grids.map((g) => g.gridId)).toEqual(sorted.map((g) => g.gridId));
    expect(res.grids[0]?.rank).toBe(1);
  });

  test('a month not settled yet counts nothing', async () => {
    const res = await demo.api.ok('demo-cadre-1', 'honours', 'grids', { month: chinaMonth(new Date()) });
    expect(res.settled).toBe(false);
    expect(res.grids.every((g) => g.points === 0)).toBe(true);
  });

  test('only villagers of the village', async () => {
    expect((await demo.api.refused('bank-officer', 'honours', 'grids', {})).code).toBe('AUTH.NOT_JOINED');
  });
});

// A village of ten micro grids whose points of 2025-Q4 tie at the boundaries.
describe('a quarter with ties at the boundaries', () => {
  const V = 'village-ties';
  const Q = '2025-Q4';
  const MONTHS = monthsOfQuarter(Q);
  // grid → [households, points per household in each month]
  const PLAN: [string, number, number][] = [
    ['A', 3, 10], // 3 × 10 × 3 = 90
    ['B', 1, 30], // 90: tied first with A
    ['C', 2, 10], // 60
    ['D', 5, 3], //  45
    ['E', 1, 10], // 30: 5th
    ['F', 2, 5], //  30: tied 5th
    ['G', 1, 9], //  27
    ['H', 1, 5], //  15
    ['I', 2, 1], //  6
    ['J', 1, 0], //  0
  ];
  const cadre = townUser({ _id: 'ties-cadre', name: '周干部', roles: ['cadre', 'villager'], villageId: V });
  const head = townUser({ _id: 'ties-head', name: '户主甲', roles: ['head', 'villager'], villageId: V, householdId: 'ties-A-1' });

  const A01 = TEMPLATE_ITEMS.find((t) => t.code === 'A01');
  /** The household's points of each month of the quarter (none at 0): approved by the cadre, settled. */
  const quarterRecords = (household: Household, perMonth: number): PointRecord[] =>
    perMonth === 0 || !A01
      ? []
      : MONTHS.map((month) => {
          const { record } = buildRecord({
            id: `ties-r-${household._id.slice('ties-'.length)}-${month}`,
            household,
            rules: { _id: 'none', version: 1 },
            item: { ...A01, points: perMonth },
            recorder: 'cadre',
            by: cadre,
            state: { status: 'approved', level: 1 },
            occurredOn: `${month}-10`,
            month,
            clientKey: `${household._id}-${month}`,
            now: new Date(`${month}-10T02:00:00Z`),
          });
          return pointRecordSchema.parse({ ...record, settled: true });
        });

  beforeAll(async () => {
    await insert(C.villages, [
      villageSchema.parse({
        _id: V,
        townId: 'town-qingxi',
        name: '并列村',
        settings: { reviewLevels: ['cadre'], honourBonus: { gold: 100, silver: 50, bronze: 20 } },
      }),
    ]);
    const grids = PLAN.map(([g]) =>
      gridSchema.parse({ _id: `ties-${g}`, villageId: V, kind: 'micro', name: `${g}网格`, parentId: null, leaderUserId: null }),
    );
    await insert(C.grids, grids);
    const households = PLAN.flatMap(([g, n]) =>
      Array.from({ length: n }, (_, i) =>
        householdSchema.parse({
          _id: `ties-${g}-${i + 1}`,
          villageId: V,
          gridId: `ties-${g}`,
          groupId: `ties-${g}`,
          no: `${g}${i + 1}号`,
          headName: `户主${g}${i + 1}`,
          address: `并列村${g}${i + 1}号`,
        }),
      ),
    );
    await insert(C.households, households);
    await insert(C.users, [cadre, head]);
    const records = PLAN.flatMap(([g, , perMonth]) =>
      households.filter((h) => h.gridId === `ties-${g}`).flatMap((h) => quarterRecords(h, perMonth)),
    );
    await insert(C.pointRecords, records);
    // An unsettled record of the quarter does not count.
    await insert(C.pointRecords, [pointRecordSchema.parse({ ...records[0], _id: 'ties-r-unsettled', points: 50, settled: false })]);
    await insert(
      C.notices,
      MONTHS.map((month) =>
        noticeSchema.parse({
          _id: `${V}:${month}`,
          villageId: V,
          month,
          status: 'settled',
          publishedAt: new Date(),
          publishedBy: 'timer',
          closesAt: new Date(),
          settledAt: new Date(),
          version: 1,
          lines: [],
        }),
      ),
    );
    // Balances of some households only: the award creates the missing ones.
    await insert(C.balances, [
      balanceSchema.parse({ _id: 'ties-A-1', villageId: V, gridId: 'ties-A', pending: 0, earned: 0, available: 0, years: {} }),
    ]);
  });

  test('ranks and honours: ties at the gold and the bronze boundary all get the better honour', async () => {
    const preview = await demo.api.ok(cadre._id, 'honours', 'quarter', { quarter: Q });
    expect(preview.status).toBe('ready');
    expect(preview.canAward).toBe(true);
    expect(preview.places).toEqual({ gold: 1, silver: 3, bronze: 5 });
    expect(preview.grids.map((g) => [g.name, g.points, g.rank, g.honourName])).toEqual([
      ['A网格', 90, 1, '金豆网格'],
      ['B网格', 90, 1, '金豆网格'],
      ['C网格', 60, 3, '银豆网格'],
      ['D网格', 45, 4, '铜豆网格'],
      ['E网格', 30, 5, '铜豆网格'],
      ['F网格', 30, 5, '铜豆网格'],
      ['G网格', 27, 7, ''],
      ['H网格', 15, 8, ''],
      ['I网格', 6, 9, ''],
      ['J网格', 0, 10, ''],
    ]);
    // Shares: floor(bonus / households), the remainder to no one.
    const a = preview.grids.find((g) => g.gridId === 'ties-A');
    expect(a).toMatchObject({ households: 3, bonus: 100, share: 33, remainder: 1 });
    expect(preview.grids.find((g) => g.gridId === 'ties-D')).toMatchObject({ households: 5, bonus: 20, share: 4, remainder: 0 });
    // Nothing is booked by looking.
    expect((await getAll(demo.db.collection(C.ledger).where({ villageId: V }))).length).toBe(0);
  });

  test('a villager cannot award; the cadre awards once, however often it is asked', async () => {
    expect((await demo.api.refused(head._id, 'honours', 'award', { quarter: Q })).code).toBe('AUTH.FORBIDDEN');
    const before = await balances(V, 2025);
    const first = await demo.api.call(cadre._id, 'honours', 'award', { quarter: Q });
    if (!first.envelope.ok) throw new Error(first.envelope.error.message);
    expect(first.envelope.data.status).toBe('awarded');
    // A 3 × 33, B 1 × 100, C 2 × 25, D 5 × 4, E 1 × 20, F 2 × 10.
    expect(first.envelope.data).toMatchObject({ households: 14, points: 99 + 100 + 50 + 20 + 20 + 20 });
    const after = await balances(V, 2025);
    const expected: Record<string, number> = { A: 33, B: 100, C: 25, D: 4, E: 20, F: 10 };
    for (const [g, n] of PLAN) {
      for (let i = 1; i <= n; i++) {
        const id = `ties-${g}-${i}`;
        const share = expected[g] ?? 0;
        const b0 = before.get(id) ?? { earned: 0, available: 0, pending: 0, yearEarned: 0 };
        const b1 = after.get(id) ?? { earned: 0, available: 0, pending: 0, yearEarned: 0 };
        expect([id, b1.earned - b0.earned, b1.available - b0.available, b1.yearEarned - b0.yearEarned, b1.pending - b0.pending]).toEqual([
          id,
          share,
          share,
          share,
          0,
        ]);
      }
    }
    const events = await getAll(demo.db.collection(C.ledger).where({ villageId: V, kind: 'bonus' }).limit(1000));
    expect(events).toHaveLength(14);

    // Again by hand: the same answer, nothing moves.
    const again = await demo.api.call(cadre._id, 'honours', 'award', { quarter: Q });
    expect(again.envelope.ok && again.envelope.data.status).toBe('awarded');
    expect(await balances(V, 2025)).toEqual(after);
    expect(await getAll(demo.db.collection(C.ledger).where({ villageId: V, kind: 'bonus' }).limit(1000))).toHaveLength(14);
    expect((await demo.api.ok(cadre._id, 'points', 'recompute', {})).differences).toEqual([]);
    // Reading the award is cheap.
    expect(again.dbRequests).toBeLessThanOrEqual(6);

    // The annual summary shows the grid honour and its bonus.
    const summary = await demo.api.ok(head._id, 'honours', 'annual', { year: 2025 });
    expect(summary).toMatchObject({ year: 2025, final: true, earned: 33, bonus: 33 });
    expect(summary.honours.map((h) => h.name)).toEqual(['文明家庭', '金豆网格']);
    expect(summary.honours[1]?.detail).toContain('2025年第4季度');
  });

  test('a quarter not ended, or with a notice still open, is not awarded', async () => {
    const future = await demo.api.ok(cadre._id, 'honours', 'quarter', { quarter: '2099-Q1' });
    expect(future.status).toBe('notReady');
    expect(future.reason).toContain('还没有结束');
    const refused = await demo.api.refused(cadre._id, 'honours', 'award', { quarter: '2099-Q1' });
    expect(refused.code).toBe('COMMON.INVALID_INPUT');

    await insert(C.notices, [
      noticeSchema.parse({
        _id: `${V}:2025-09`,
        villageId: V,
        month: '2025-09',
        status: 'published',
        publishedAt: new Date(),
        publishedBy: 'timer',
        closesAt: new Date(),
        settledAt: null,
        version: 1,
        lines: [],
      }),
    ]);
    const open = await demo.api.ok(cadre._id, 'honours', 'quarter', { quarter: '2025-Q3' });
    expect(open.status).toBe('notReady');
    expect(open.reason).toContain('没有结算');
    expect((await demo.api.refused(cadre._id, 'honours', 'award', { quarter: '2025-Q3' })).message).toContain('没有结算');
  });
});

/** What a household gained between two reads: earned, available, the year's earned. */
function gained(b0: Bal | undefined, b1: Bal | undefined): number[] {
  return [
    (b1?.earned ?? 0) - (b0?.earned ?? 0),
    (b1?.available ?? 0) - (b0?.available ?? 0),
    (b1?.yearEarned ?? 0) - (b0?.yearEarned ?? 0),
  ];
}

/** When the quarterly timer runs for quarter `q`: 03:00 China time on the 10th of the next quarter's first month. */
function quarterlyTimerAfter(q: string): string {
  const [fy, fm] = (monthsOfQuarter(q)[2] ?? '').split('-').map(Number);
  const next = fm === 12 ? `${(fy ?? 0) + 1}-01` : `${fy}-${String((fm ?? 0) + 1).padStart(2, '0')}`;
  return new Date(`${next}-10T03:00:00+08:00`).toISOString();
}

describe('the demo village: awarded by hand and by the quarterly timer, once', () => {
  const Q = settledDemoQuarter();
  const year = Number(Q.slice(0, 4));

  test('bonus shared evenly, booked once, recompute clean, a bounded number of requests', async () => {
    const before = await balances('village-hemei', year);
    const preview = await demo.api.ok('demo-secretary', 'honours', 'quarter', { quarter: Q });
    expect(preview.status).toBe('ready');
    // Three grids: 金豆 the first place, 银豆 none beyond it, 铜豆 down to the second place.
    expect(preview.places).toEqual({ gold: 1, silver: 1, bronze: 2 });
    const points = await settledPoints('village-hemei', monthsOfQuarter(Q));
    const households = await demoHouseholds();
    for (const g of preview.grids) {
      expect(g.points).toBe(households.filter((h) => h.gridId === g.gridId).reduce((s, h) => s + (points.get(h.id) ?? 0), 0));
    }

    const award = await demo.api.call('demo-cadre-2', 'honours', 'award', { quarter: Q });
    if (!award.envelope.ok) throw new Error(award.envelope.error.message);
    const result = award.envelope.data;
    expect(result.status).toBe('awarded');
    const honoured = result.grids.filter((g) => g.honour);
    expect(honoured.length).toBeGreaterThanOrEqual(1);
    // 300 / 50 = 6 per household for 金豆, 100 / 50 = 2 for 铜豆 (the demo's grids have 50 households).
    for (const g of honoured) expect(g.share).toBe(Math.floor(g.bonus / g.households));

    const after = await balances('village-hemei', year);
    for (const h of households) {
      const share = result.grids.find((g) => g.gridId === h.gridId)?.share ?? 0;
      expect([h.id, ...gained(before.get(h.id), after.get(h.id))]).toEqual([h.id, share, share, share]);
    }

    // The quarterly timer, fired twice (03:00 China time on the 10th of the next quarter's first month).
    const time = quarterlyTimerAfter(Q);
    for (let i = 0; i < 2; i++) {
      const fired = await demo.cloud.control<{ result: { ok: boolean; data: { quarter: string; awarded: number; waiting: number } } }>(
        'POST',
        '/_localcloud/timers/honours/quarterly',
        { time },
      );
      expect(fired.result.data.quarter).toBe(Q);
      // 和美村 (already awarded: nothing moves) and 并列村 (awarded), not the two villages without notices.
      expect(fired.result.data.awarded).toBeGreaterThanOrEqual(1);
    }
    expect(await balances('village-hemei', year)).toEqual(after);
    const events = await getAll(demo.db.collection(C.ledger).where({ villageId: 'village-hemei', kind: 'bonus' }).limit(1000));
    expect(events).toHaveLength(honoured.reduce((n, g) => n + g.households, 0));
    expect((await demo.api.ok('demo-secretary', 'points', 'recompute', {})).differences).toEqual([]);

    // The whole village's award is a bounded number of requests, not one per household.
    expect(award.dbRequests).toBeLessThan(30);
    console.log(`db requests: award ${Q} for 150 households in 3 grids ${award.dbRequests}`);
  });

  test("the annual summary: the year's earned points, rank, honours, rate", async () => {
    const reply = await demo.api.call('demo-head', 'honours', 'annual', { year });
    if (!reply.envelope.ok) throw new Error(reply.envelope.error.message);
    const summary = reply.envelope.data;
    console.log(`db requests: annual summary ${reply.dbRequests}`);
    const rows = await getAll(demo.db.collection(C.balances).where({ villageId: 'village-hemei' }).limit(1000));
    const yearOf = (r: Record<string, unknown>): number => balanceSchema.parse(r).years[String(year)]?.earned ?? 0;
    const mine = yearOf(rows.find((r) => r._id === 'hh-021') ?? {});
    expect(summary.earned).toBe(mine);
    expect(summary.rank).toEqual({ rank: 1 + rows.filter((r) => yearOf(r) > mine).length, of: 150 });
    expect(summary.civilizedPlaces).toBe(15);
    expect(summary.honours.some((h) => h.name === '文明家庭')).toBe(summary.rank.rank <= 15 && mine > 0);
    expect(summary.household.label).toBeTruthy();
    // A villager may not look at another household; a cadre may.
    expect((await demo.api.refused('demo-villager', 'honours', 'annual', { householdId: 'hh-050' })).code).toBe('AUTH.FORBIDDEN');
    expect((await demo.api.ok('demo-cadre-1', 'honours', 'annual', { householdId: 'hh-021', year })).earned).toBe(mine);
  });
});

describe('积分贷 and the 积分证明', () => {
  let code = '';

  test("the household's rate: base minus 0.1 point per full 100 earned points, down to the floor", async () => {
    const res = await demo.api.ok('demo-head', 'honours', 'loan', {});
    const [b] = await getAll(demo.db.collection(C.balances).where({ _id: 'hh-021' }));
    const earned = num(b, 'earned');
    expect(res.rate.earned).toBe(earned);
    expect(res.rate.rateBp).toBe(Math.max(350, 500 - 10 * Math.floor(earned / 100)));
    expect(res.isHead).toBe(true);
  });

  test('a member who is not the head cannot issue', async () => {
    const res = await demo.api.ok('demo-villager', 'honours', 'loan', {});
    expect(res.isHead).toBe(false);
    expect(res.certificates).toEqual([]);
    expect((await demo.api.refused('demo-villager', 'honours', 'issue', { clientKey: key() })).code).toBe('AUTH.FORBIDDEN');
  });

  test('issued by the head, verified by a bank officer who is not a villager: only what it states', async () => {
    const clientKey = key();
    const cert = await demo.api.ok('demo-head', 'honours', 'issue', { clientKey });
    code = cert.code;
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    expect(cert.status).toBe('valid');
    // A retried tap answers the same certificate.
    expect((await demo.api.ok('demo-head', 'honours', 'issue', { clientKey })).code).toBe(code);
    expect((await demo.api.ok('demo-head', 'honours', 'loan', {})).certificates.map((c) => c.code)).toEqual([code]);

    const checked = await demo.api.call('bank-officer-1', 'honours', 'verify', {
      code: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8).toLowerCase()}`,
    });
    if (!checked.envelope.ok) throw new Error(checked.envelope.error.message);
    const v = checked.envelope.data;
    if (v.status !== 'valid') throw new Error(`expected valid, got ${v.status}`);
    expect(Object.keys(v.certificate).sort()).toEqual([
      'code',
      'earnedPoints',
      'expiresOn',
      'headName',
      'householdLabel',
      'issuedOn',
      'rateBp',
    ]);
    const [hh] = await getAll(demo.db.collection(C.households).where({ _id: 'hh-021' }));
    expect(v.certificate.householdLabel).toBe(`和美村 ${str(hh, 'no')}`);
    expect(v.certificate.headName).toBe(str(hh, 'headName'));
    // No ID number, phone or address anywhere in the answer.
    const text = JSON.stringify(checked.envelope);
    const members = (await getAll(demo.db.collection(C.members).where({ householdId: 'hh-021' }))).map((m) => memberSchema.parse(m));
    for (const m of members) {
      expect(text).not.toContain(m.idNumber);
      if (m.phone) expect(text).not.toContain(m.phone);
    }
    expect(text).not.toContain(str(hh, 'address'));
    expect(checked.dbRequests).toBeLessThanOrEqual(2);
    console.log(`db requests: verify a certificate ${checked.dbRequests}`);
  });

  test('a wrong code reveals nothing', async () => {
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`;
    const reply = await demo.api.call('bank-officer-1', 'honours', 'verify', { code: wrong });
    expect(reply.envelope).toEqual({ ok: true, data: { status: 'notFound' } });
    expect(await demo.api.ok('bank-officer-1', 'honours', 'verify', { code: 'hello' })).toEqual({ status: 'notFound' });
  });

  test('another head cannot revoke it; after 30 days it has expired', async () => {
    expect((await demo.api.refused('demo-cadre-1', 'honours', 'revoke', { code })).code).toBe('COMMON.NOT_FOUND');
    const cert = (await demo.api.ok('demo-head', 'honours', 'loan', {})).certificates[0];
    try {
      // The last valid day, 23:59 China time: still valid.
      await setClock(new Date(`${cert?.expiresOn ?? ''}T23:59:00+08:00`).toISOString());
      expect((await demo.api.ok('bank-officer-1', 'honours', 'verify', { code })).status).toBe('valid');
      // 00:00 the day after: expired, and nothing else said.
      await setClock(new Date(new Date(`${cert?.expiresOn ?? ''}T00:00:00+08:00`).getTime() + 86_400_000).toISOString());
      expect(await demo.api.ok('bank-officer-1', 'honours', 'verify', { code })).toEqual({ status: 'expired' });
      expect((await demo.api.ok('demo-head', 'honours', 'loan', {})).certificates[0]?.status).toBe('expired');
    } finally {
      await resetClock();
    }
  });

  test('revoked by the head: the bank sees that it was revoked, nothing else', async () => {
    const fresh = await demo.api.ok('demo-head', 'honours', 'issue', { clientKey: key() });
    expect((await demo.api.ok('bank-officer-2', 'honours', 'verify', { code: fresh.code })).status).toBe('valid');
    const revoked = await demo.api.ok('demo-head', 'honours', 'revoke', { code: fresh.code });
    expect(revoked.status).toBe('revoked');
    expect(await demo.api.ok('bank-officer-2', 'honours', 'verify', { code: fresh.code })).toEqual({ status: 'revoked' });
    const list = (await demo.api.ok('demo-head', 'honours', 'loan', {})).certificates;
    expect(list.map((c) => [c.code, c.status])).toEqual([
      [fresh.code, 'revoked'],
      [code, 'valid'],
    ]);
  });

  test('guessing is refused beyond 20 failures an hour, for that caller only', async () => {
    const fresh = await demo.api.ok('demo-head', 'honours', 'issue', { clientKey: key() });
    for (let i = 0; i < 20; i++) {
      const wrong = `ZZZZZZZZZZ${CODE_ALPHABET.charAt(i)}Z`;
      expect((await demo.api.ok('guesser', 'honours', 'verify', { code: wrong })).status).toBe('notFound');
    }
    const refused = await demo.api.refused('guesser', 'honours', 'verify', { code: fresh.code });
    expect(refused.code).toBe('CERT.TOO_MANY_TRIES');
    expect(refused.message).toContain('一小时后');
    expect((await demo.api.ok('bank-officer-3', 'honours', 'verify', { code: fresh.code })).status).toBe('valid');
    try {
      await setClock(new Date(Date.now() + 3_600_000).toISOString());
      expect((await demo.api.ok('guesser', 'honours', 'verify', { code: fresh.code })).status).toBe('valid');
    } finally {
      await resetClock();
    }
  });
});

describe('after everything above', () => {
  test('every query used an index (no scan warnings)', async () => {
    const { warnings } = await demo.cloud.control<{ warnings: unknown[] }>('GET', '/_localcloud/warnings');
    expect(warnings).toEqual([]);
  });
});
