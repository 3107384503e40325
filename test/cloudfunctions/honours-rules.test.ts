// The rules of grid honours, 一年一评优 and 积分贷 as plain functions: the rounding and tie rules
// written down in cloudfunctions/shared/honours/*.ts, at their boundaries.
import { civilizedPlaces, isCivilized } from '../../cloudfunctions/shared/honours/annual';
import {
  attemptsId,
  CODE_ALPHABET,
  CODE_LENGTH,
  certificateStatus,
  isWellFormedCode,
  loanRate,
  newCode,
  normalizeCode,
  rateText,
  validity,
} from '../../cloudfunctions/shared/honours/loan';
import {
  averageTenths,
  competitionRanks,
  decideHonours,
  honourFor,
  honourPlaces,
  leaderScore,
  monthsOfQuarter,
  previousQuarter,
  quarterEnded,
  quarterLabel,
  quarterOfMonth,
  shareBonus,
  type GridTotal,
} from '../../cloudfunctions/shared/honours/ranking';

const grid = (gridId: string, points: number, households = 2): GridTotal => ({
  gridId,
  name: gridId,
  points,
  householdIds: Array.from({ length: households }, (_, i) => `${gridId}-h${i + 1}`),
});

describe('the quarter calendar (China time)', () => {
  test('months and labels', () => {
    expect(quarterOfMonth('2026-01')).toBe('2026-Q1');
    expect(quarterOfMonth('2026-09')).toBe('2026-Q3');
    expect(quarterOfMonth('2026-10')).toBe('2026-Q4');
    expect(monthsOfQuarter('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterLabel('2026-Q3')).toBe('2026年第3季度');
  });

  test('the previous quarter turns at midnight China time, with the server in UTC', () => {
    // 23:30 on 31 March in China is still Q1: the previous quarter is last year's Q4.
    expect(previousQuarter(new Date('2026-03-31T15:30:00Z'))).toBe('2025-Q4');
    // 00:30 on 1 April in China (16:30 UTC on 31 March): Q1 has ended.
    expect(previousQuarter(new Date('2026-03-31T16:30:00Z'))).toBe('2026-Q1');
    expect(quarterEnded('2026-Q1', new Date('2026-03-31T15:30:00Z'))).toBe(false);
    expect(quarterEnded('2026-Q1', new Date('2026-03-31T16:30:00Z'))).toBe(true);
  });
});

describe('places: ceil of 10% / 30% / 50% of the grids, cumulative', () => {
  test.each([
    [1, 1, 1, 1],
    [3, 1, 1, 2],
    [5, 1, 2, 3],
    [10, 1, 3, 5],
    [11, 2, 4, 6],
    [20, 2, 6, 10],
    [21, 3, 7, 11],
  ])('%i grids → 金 %i, 银 down to %i, 铜 down to %i', (n, gold, silver, bronze) => {
    expect(honourPlaces(n)).toEqual({ gold, silver, bronze });
  });

  test('no grids, no places', () => {
    expect(honourPlaces(0)).toEqual({ gold: 0, silver: 0, bronze: 0 });
  });
});

describe('ranking with ties', () => {
  test('competition ranks: ties share a rank, the next rank skips', () => {
    expect(competitionRanks([100, 100, 80, 70, 70, 60])).toEqual([1, 1, 3, 4, 4, 6]);
  });

  test('ties at a boundary all get the better honour', () => {
    const places = honourPlaces(10);
    // Two grids tied first: both 金豆, though 金豆 has one place.
    expect(honourFor(1, 100, places)).toBe('gold');
    // Rank 5 is the last 铜豆 place: every grid tied at 5 is 铜豆; rank 6 is not.
    expect(honourFor(5, 60, places)).toBe('bronze');
    expect(honourFor(6, 50, places)).toBeNull();
  });

  test('no honour without positive points, whatever the rank', () => {
    expect(honourFor(1, 0, honourPlaces(10))).toBeNull();
    expect(honourFor(1, -5, honourPlaces(10))).toBeNull();
  });

  test('ten grids with ties at the gold and the bronze boundary', () => {
    const scores: [string, number][] = [
      ['A', 100],
      ['B', 100],
      ['C', 80],
      ['D', 70],
      ['E', 60],
      ['F', 60],
      ['G', 50],
      ['H', 40],
      ['I', 30],
      ['J', 0],
    ];
    const decided = decideHonours(
      scores.map(([id, p]) => grid(id, p)),
      { gold: 30, silver: 20, bronze: 10 },
    );
    expect(decided.map((g) => [g.gridId, g.rank, g.honour])).toEqual([
      ['A', 1, 'gold'],
      ['B', 1, 'gold'],
      ['C', 3, 'silver'],
      ['D', 4, 'bronze'],
      ['E', 5, 'bronze'],
      ['F', 5, 'bronze'],
      ['G', 7, null],
      ['H', 8, null],
      ['I', 9, null],
      ['J', 10, null],
    ]);
  });

  test('a tier whose places are all taken by better ties stays empty', () => {
    // Three grids: 金 1 place, 银 down to 1, 铜 down to 2. Tied first, two grids take 金 and 银's place.
    const decided = decideHonours([grid('A', 90), grid('B', 90), grid('C', 50)], { gold: 30, silver: 20, bronze: 10 });
    expect(decided.map((g) => [g.gridId, g.honour])).toEqual([
      ['A', 'gold'],
      ['B', 'gold'],
      ['C', null],
    ]);
  });
});

describe('sharing a grid bonus: floor per household, the remainder to no one', () => {
  test.each([
    [300, 50, 6, 0],
    [300, 49, 6, 6],
    [100, 3, 33, 1],
    [10, 3, 3, 1],
    [2, 3, 0, 2],
    [0, 5, 0, 0],
    [30, 0, 0, 30],
  ])('%i points among %i households → %i each, %i left over', (bonus, households, share, remainder) => {
    expect(shareBonus(bonus, households)).toEqual({ share, remainder });
  });

  test('the decision carries the bonus of the honour and each share', () => {
    const [gold, silver, none] = decideHonours([grid('A', 90, 3), grid('B', 60, 4), grid('C', 0, 2)], {
      gold: 100,
      silver: 50,
      bronze: 20,
    });
    expect(gold).toMatchObject({ honour: 'gold', bonus: 100, share: 33, remainder: 1 });
    // Three grids: 银 reaches down to place 1 only, 铜 to place 2.
    expect(silver).toMatchObject({ honour: 'bronze', bonus: 20, share: 5, remainder: 0 });
    expect(none).toMatchObject({ honour: null, bonus: 0, share: 0, remainder: 0 });
  });
});

describe("the grid leader's 50/50 score", () => {
  test('half their own household, half the average of the households they lead', () => {
    // own 20, the grid 4 households with 40 in all (average 10): 0.5 × 20 + 0.5 × 10 = 15.
    expect(leaderScore(20, 40, 4)).toEqual({ average: 10, score: 15 });
  });

  test('rounded half up to one decimal', () => {
    // average 10/3 = 3.33… → 3.3; score (7 + 3.333…) / 2 = 5.1666… → 5.2
    expect(leaderScore(7, 10, 3)).toEqual({ average: 3.3, score: 5.2 });
    // exactly half a tenth: (0 + 0.05 × 2) … own 0, sum 1 over 10 → average 0.1, score 0.05 → 0.1
    expect(leaderScore(0, 1, 10)).toEqual({ average: 0.1, score: 0.1 });
    expect(averageTenths(2, 3)).toBe(0.7);
    expect(averageTenths(-2, 3)).toBe(-0.7);
  });

  test('no households led: the average is 0', () => {
    expect(leaderScore(9, 0, 0)).toEqual({ average: 0, score: 4.5 });
  });
});

describe('文明家庭: the top 10% of the village, ties included, with points', () => {
  test('places and ties', () => {
    expect(civilizedPlaces(150)).toBe(15);
    expect(civilizedPlaces(151)).toBe(16);
    expect(civilizedPlaces(5)).toBe(1);
    expect(isCivilized(15, 10, 150)).toBe(true);
    expect(isCivilized(16, 10, 150)).toBe(false);
    expect(isCivilized(1, 0, 150)).toBe(false);
  });
});

describe('积分贷: base minus 0.1 point per full 100 earned points, never below the floor', () => {
  const village = { baseRateBp: 500, floorRateBp: 350 };

  test.each([
    [0, 500, 0, 100],
    [99, 500, 0, 1],
    [100, 490, 1, 100],
    [199, 490, 1, 1],
    [200, 480, 2, 100],
    [1499, 360, 14, 1],
    [1500, 350, 15, null],
    [1600, 350, 16, null],
    [99999, 350, 999, null],
    [-120, 500, 0, 100],
  ])('%i earned points → %i bp (%i steps, next step in %s)', (earned, rateBp, steps, toNextStep) => {
    expect(loanRate(earned, village)).toMatchObject({ rateBp, steps, toNextStep, atFloor: toNextStep === null });
  });

  test('a floor above the base counts as the base', () => {
    expect(loanRate(500, { baseRateBp: 400, floorRateBp: 450 })).toMatchObject({ rateBp: 400, atFloor: true });
  });

  test('rates in text, without floating point', () => {
    expect(rateText(500)).toBe('5.00%');
    expect(rateText(490)).toBe('4.90%');
    expect(rateText(435)).toBe('4.35%');
    expect(rateText(5)).toBe('0.05%');
  });
});

describe('the certificate code and its validity', () => {
  test('12 characters from an alphabet without look-alikes', () => {
    expect(CODE_LENGTH).toBeGreaterThanOrEqual(10);
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
    const code = newCode((n) => Math.floor(Math.random() * n));
    expect(code).toHaveLength(12);
    expect(isWellFormedCode(code)).toBe(true);
  });

  test('what people type is normalised; anything else is not a code', () => {
    expect(normalizeCode(' abcd-efgh-jkmn ')).toBe('ABCDEFGHJKMN');
    expect(isWellFormedCode('ABCDEFGHJKMN')).toBe(true);
    expect(isWellFormedCode('ABCDEFGHJKM')).toBe(false);
    expect(isWellFormedCode('ABCDEFGHJKM0')).toBe(false);
  });

  test('valid from the day of issue through the 30th day after, China time', () => {
    // 23:30 on 22 November in China (15:30 UTC).
    const v = validity(new Date('2026-11-22T15:30:00Z'));
    expect(v).toEqual({ issuedOn: '2026-11-22', expiresOn: '2026-12-22', expiresAt: new Date('2026-12-22T16:00:00Z') });
    expect(certificateStatus({ revokedAt: null, expiresAt: v.expiresAt }, new Date('2026-12-22T15:59:59Z'))).toBe('valid');
    expect(certificateStatus({ revokedAt: null, expiresAt: v.expiresAt }, new Date('2026-12-22T16:00:00Z'))).toBe('expired');
    expect(certificateStatus({ revokedAt: new Date(), expiresAt: v.expiresAt }, new Date('2026-12-01T00:00:00Z'))).toBe('revoked');
  });

  test('failures are counted per caller per China hour', () => {
    expect(attemptsId('o-bank', new Date('2026-11-22T15:30:00Z'))).toBe('o-bank|2026-11-22T23');
    expect(attemptsId('o-bank', new Date('2026-11-22T16:00:00Z'))).toBe('o-bank|2026-11-23T00');
  });
});
