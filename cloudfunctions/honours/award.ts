// honours.quarter / honours.award: a quarter's 金豆 / 银豆 / 铜豆 grids and their bonus points.
//
// Awarding is safe to run twice, by hand and by the timer, at the same time or not:
// 1. the decision (ranks, honours, each grid's households and share) is written first as the award
//    document `${villageId}:${quarter}`; whoever writes it first decides, a second run reads it;
// 2. the ledger events `${householdId}:${quarter}:bonus` are inserted (those not there yet);
// 3. balances are updated by one multi-document update per distinct share, guarded by the
//    household's bonusQuarters, so a household is credited once whatever happens;
// 4. the award is marked done. A run that stopped half way is completed by the next one.
// A village costs a bounded number of requests, whatever its size (see the test's figures).
import type { QuarterResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { balanceSchema, ledgerEventSchema, type LedgerEvent } from '../shared/points/model';
import { honourAwardSchema, type AwardGrid, type HonourAward } from '../shared/honours/model';
import type { Village } from '../shared/village/model';
import {
  decideHonours,
  HONOUR_NAMES,
  honourPlaces,
  monthsOfQuarter,
  quarterEnded,
  yearOfQuarter,
  type GridTotal,
} from '../shared/honours/ranking';
import { emptyBalance } from '../shared/points/policy';
import { isCadre } from '../shared/access';
import { count, getById, list, listAll } from '../shared/repo';
import { _, db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';
import type { VillageContext as HonoursContext } from '../shared/village-context';
import { householdsByGrid, settledTotals, sumOf, villageHouseholds } from './scores';

const INSERT_CHUNK = 200;

export function awardId(villageId: string, quarter: string): string {
  return `${villageId}:${quarter}`;
}

export function bonusEventId(householdId: string, quarter: string): string {
  return `${householdId}:${quarter}:bonus`;
}

/** Why the quarter cannot be awarded yet, or '' when it can: it has ended and its notices have settled. */
export async function notReadyReason(villageId: string, quarter: string, now: Date): Promise<string> {
  if (!quarterEnded(quarter, now)) return '这个季度还没有结束，季度结束、公示结算后才能评定';
  const months = monthsOfQuarter(quarter);
  const [open, lastSettled] = await Promise.all([
    count(C.notices, { villageId, month: _.in(months), status: 'published' }),
    count(C.notices, { villageId, month: months[2] ?? '', status: 'settled' }),
  ]);
  if (open > 0) return '这个季度还有月度公示没有结算，结算后才能评定';
  if (lastSettled === 0) return '这个季度最后一个月的公示还没有结算，结算后才能评定';
  return '';
}

/** The quarter's decision from the settled points of the households each grid has now. */
export async function decide(ctx: Pick<HonoursContext, 'village' | 'grids'>, quarter: string): Promise<AwardGrid[]> {
  const [households, totals] = await Promise.all([
    villageHouseholds(ctx.village._id),
    settledTotals(ctx.village._id, monthsOfQuarter(quarter)),
  ]);
  const byGrid = householdsByGrid(households);
  const grids: GridTotal[] = ctx.grids.map((g) => {
    const hh = byGrid.get(g._id) ?? [];
    return { gridId: g._id, name: g.name, points: sumOf(hh, totals), householdIds: hh.map((h) => h._id).sort() };
  });
  return decideHonours(grids, ctx.village.settings.honourBonus);
}

export function quarterResult(
  village: Village,
  quarter: string,
  grids: AwardGrid[],
  award: HonourAward | null,
  reason: string,
  canAward: boolean,
): QuarterResult {
  const done = award?.status === 'done';
  const booked = grids.filter((g) => g.honour && g.share > 0);
  return {
    villageName: village.name,
    quarter,
    status: done ? 'awarded' : reason ? 'notReady' : 'ready',
    reason: done ? '' : reason,
    bonusSetting: village.settings.honourBonus,
    places: honourPlaces(grids.length),
    grids: grids.map((g) => ({
      gridId: g.gridId,
      name: g.name,
      households: g.householdIds.length,
      points: g.points,
      rank: g.rank,
      honour: g.honour,
      honourName: g.honour ? HONOUR_NAMES[g.honour] : '',
      bonus: g.bonus,
      share: g.share,
      remainder: g.remainder,
    })),
    awardedAt: done && award?.doneAt ? award.doneAt.toISOString() : null,
    households: booked.reduce((n, g) => n + g.householdIds.length, 0),
    points: booked.reduce((s, g) => s + g.share * g.householdIds.length, 0),
    canAward,
  };
}

/** The award if made, otherwise a preview of what awarding now would decide. */
export async function quarterView(ctx: HonoursContext, quarter: string, now: Date): Promise<QuarterResult> {
  const canAward = isCadre(ctx.user);
  const award = await getById(C.honourAwards, awardId(ctx.village._id, quarter), honourAwardSchema);
  if (award) return quarterResult(ctx.village, quarter, award.grids, award, '', canAward);
  const [reason, grids] = await Promise.all([notReadyReason(ctx.village._id, quarter, now), decide(ctx, quarter)]);
  return quarterResult(ctx.village, quarter, grids, null, reason, canAward);
}

/** Credits each honoured household of the award once (see the header). */
export async function book(award: HonourAward, now: Date): Promise<void> {
  const honoured = award.grids.filter((g) => g.honour && g.share > 0);
  if (!honoured.length) return;
  const month = monthsOfQuarter(award.quarter)[2] ?? '';
  await ensureBalances(award.villageId, honoured);
  // The ledger first: its events are what a recomputation folds, and each has a fixed id.
  await appendBonusEvents(award, honoured, month, now);
  await creditShares(award, honoured);
}

/** A household without a balance yet (none of its points ever booked) gets an empty one first. */
async function ensureBalances(villageId: string, honoured: AwardGrid[]): Promise<void> {
  const gridOf = new Map<string, AwardGrid>();
  for (const g of honoured) for (const id of g.householdIds) gridOf.set(id, g);
  const ids = [...gridOf.keys()];
  const have = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (const b of await list(C.balances, { villageId, _id: _.in(chunk) }, balanceSchema, { limit: chunk.length })) have.add(b._id);
  }
  const missing = ids.filter((id) => !have.has(id)).map((id) => emptyBalance(id, villageId, gridOf.get(id)?.gridId ?? ''));
  for (const b of missing) {
    try {
      await db.collection(C.balances).add({ data: b });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // created meanwhile by a record's approval: fine
    }
  }
}

/** The bonus ledger events not written yet (each has a fixed id, so a second run adds none). */
async function appendBonusEvents(award: HonourAward, honoured: AwardGrid[], month: string, now: Date): Promise<void> {
  const { villageId, quarter, year } = award;
  const bookedIds = new Set((await listAll(C.ledger, { villageId, month, kind: 'bonus' }, ledgerEventSchema)).map((e) => e._id));
  const events: LedgerEvent[] = honoured
    .flatMap((g) => g.householdIds.map((householdId) => ({ householdId, share: g.share })))
    .filter(({ householdId }) => !bookedIds.has(bonusEventId(householdId, quarter)))
    .map(({ householdId, share }) => ({
      _id: bonusEventId(householdId, quarter),
      villageId,
      householdId,
      recordId: null,
      kind: 'bonus',
      pending: 0,
      earned: share,
      available: share,
      year,
      month,
      by: award.by,
      at: now,
    }));
  for (let i = 0; i < events.length; i += INSERT_CHUNK) await db.collection(C.ledger).add({ data: events.slice(i, i + INSERT_CHUNK) });
}

/** Bonus points are earned at once: earned, available and the year's earned, one update per share. */
async function creditShares(award: HonourAward, honoured: AwardGrid[]): Promise<void> {
  const { villageId, quarter, year } = award;
  const byShare = new Map<number, string[]>();
  for (const g of honoured) byShare.set(g.share, [...(byShare.get(g.share) ?? []), ...g.householdIds]);
  for (const [share, households] of byShare) {
    for (let i = 0; i < households.length; i += 1000) {
      await db
        .collection(C.balances)
        .where({ villageId, _id: _.in(households.slice(i, i + 1000)), bonusQuarters: _.neq(quarter) })
        .update({
          data: {
            earned: _.inc(share),
            available: _.inc(share),
            years: { [String(year)]: { earned: _.inc(share), pending: _.inc(0) } },
            bonusQuarters: _.push(quarter),
          },
        });
    }
  }
}

export interface AwardOutcome {
  award: HonourAward | null;
  /** Why nothing was awarded ('' when awarded). */
  reason: string;
}

/** Decides (once) and books the quarter's honours of one village. */
export async function awardQuarter(
  ctx: Pick<HonoursContext, 'village' | 'grids'>,
  quarter: string,
  by: string,
  now: Date,
): Promise<AwardOutcome> {
  const id = awardId(ctx.village._id, quarter);
  let award = await getById(C.honourAwards, id, honourAwardSchema);
  if (award?.status === 'done') return { award, reason: '' };
  if (!award) {
    const reason = await notReadyReason(ctx.village._id, quarter, now);
    if (reason) return { award: null, reason };
    const fresh: HonourAward = {
      _id: id,
      villageId: ctx.village._id,
      quarter,
      year: yearOfQuarter(quarter),
      status: 'booking',
      grids: await decide(ctx, quarter),
      by,
      at: now,
      doneAt: null,
    };
    try {
      await db.collection(C.honourAwards).add({ data: fresh });
      award = fresh;
    } catch (e) {
      // Decided at the same moment by someone else (a cadre and the timer): theirs stands.
      const twin = isDuplicateKey(e) ? await getById(C.honourAwards, id, honourAwardSchema) : null;
      if (!twin) throw e;
      award = twin;
    }
  }
  await book(award, now);
  await db
    .collection(C.honourAwards)
    .doc(id)
    .update({ data: { status: 'done', doneAt: now } });
  return { award: { ...award, status: 'done', doneAt: award.doneAt ?? now }, reason: '' };
}

/** A cadre's award by hand: refused with the reason when the quarter is not ready. */
export async function awardByHand(ctx: HonoursContext, quarter: string, now: Date): Promise<QuarterResult> {
  if (!isCadre(ctx.user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以评定网格荣誉');
  const { award, reason } = await awardQuarter(ctx, quarter, ctx.user._id, now);
  if (!award) throw new AppError('COMMON.INVALID_INPUT', reason);
  return quarterResult(ctx.village, quarter, award.grids, award, '', true);
}
