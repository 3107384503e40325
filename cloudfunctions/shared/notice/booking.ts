// Which month's notice a record counts in. A record counts in the month it happened, unless that
// month's books are closed: then it counts in the current month, so a published (or settled) notice
// never changes behind the villagers' backs.
//
// The books of a village's month close at its gate (GATE_SHARDS documents), all written closed by
// publishing BEFORE it reads the month's records. A record (or an approval) of an earlier month reads
// its household's gate document in its transaction and, finding it open, writes it there too. So
// either the record commits first and publishing, which closes the gate after, counts it; or
// publishing closes the gate first, and the record's transaction meets a write conflict (the document
// changed after it started, or publishing waits for the record to commit), is retried, reads the gate
// closed and books the current month. The current month needs no gate: a
// month cannot be published until a minute after its end (notice/period.ts), past any transaction
// begun in it.
import { createHash } from 'node:crypto';
import { C } from '../collections';
import { db } from '../sdk';
import { txGet, type Tx } from '../tx';

export function noticeId(villageId: string, month: string): string {
  return `${villageId}:${month}`;
}

/**
 * The gate of a village's month is 16 documents, and a household's transactions use one of them: late
 * records of different households then seldom write the same document, so they seldom queue, while
 * publishing, which closes all 16, still conflicts with every one.
 */
export const GATE_SHARDS = 16;

function shardOf(householdId: string): number {
  return createHash('sha1').update(householdId).digest().readUInt32BE(0) % GATE_SHARDS;
}

function gateId(villageId: string, month: string, shard: number): string {
  return `${noticeId(villageId, month)}:${shard}`;
}

function isClosedGate(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'closed' in raw && raw.closed === true;
}

/** Where a household's transaction reads and claims the books of its village's months. */
export interface Books {
  villageId: string;
  householdId: string;
}

/**
 * Of the earlier `months` given, those whose books are closed, read in transaction `t`: the household's
 * closed gate, or a notice (one published before gates existed, or by the demo). Side by side, one round trip.
 */
export async function closedMonths(t: Tx, b: Books, months: string[]): Promise<Set<string>> {
  const unique = [...new Set(months)];
  const shard = shardOf(b.householdId);
  const [gates, notices] = await Promise.all([
    Promise.all(unique.map((m) => txGet(t, C.noticeGates, gateId(b.villageId, m, shard)))),
    Promise.all(unique.map((m) => txGet(t, C.notices, noticeId(b.villageId, m)))),
  ]);
  return new Set(unique.filter((_m, i) => isClosedGate(gates[i]) || notices[i] !== null));
}

/**
 * Claims the open months a transaction books into (found open by closedMonths), so that publishing
 * one of them meanwhile makes the transaction conflict. Written with the transaction's other writes.
 */
export async function claimMonths(t: Tx, b: Books, months: string[]): Promise<void> {
  const shard = shardOf(b.householdId);
  await Promise.all(
    [...new Set(months)].map((month) =>
      t
        .collection(C.noticeGates)
        .doc(gateId(b.villageId, month, shard))
        .set({ data: { villageId: b.villageId, month, closed: false } }),
    ),
  );
}

/** Closes a village's month to records: publishing writes all its gates before it reads the month's records. */
export async function closeMonth(villageId: string, month: string): Promise<void> {
  await Promise.all(
    Array.from({ length: GATE_SHARDS }, (_, shard) =>
      db
        .collection(C.noticeGates)
        .doc(gateId(villageId, month, shard))
        .set({ data: { villageId, month, closed: true } }),
    ),
  );
}
