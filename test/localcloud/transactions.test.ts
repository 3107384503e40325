// Transactions through db.runTransaction and db.startTransaction: commit, rollback, errors,
// isolation from other readers and writers, and conflicts between transactions.
import { sleep, useLocalCloud } from '../support/harness';
import {
  aggregate,
  count,
  failure,
  getAll,
  getDoc,
  runTransaction,
  settled,
  startTransaction,
  type CollectionRef,
  type Doc,
  type Transaction,
} from '../support/sdk';

const s = useLocalCloud();

/** A fresh collection with accounts a (100) and b (50). */
async function accounts(): Promise<CollectionRef> {
  return s.collection('accounts', [
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 50 },
  ]);
}

/** The document `id` of `coll` as the transaction `t` reads and writes it. */
function inTxn(t: Transaction, coll: CollectionRef, id: string) {
  return t.collection(coll.collectionName).doc(id);
}

/** db.runTransaction with `coll` as the transaction reads and writes it. */
function runTransactionOn<T>(coll: CollectionRef, run: (tc: CollectionRef, t: Transaction) => Promise<T>): Promise<T> {
  return runTransaction(s.db, (t) => run(t.collection(coll.collectionName), t));
}

async function balances(coll: CollectionRef): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const d of await getAll(coll.orderBy('_id', 'asc'))) out[String(d._id)] = d.balance;
  return out;
}

describe('startTransaction', () => {
  test('commit makes every write visible at once', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const tc = t.collection(coll.collectionName);
    await settled(tc.doc('a').update({ data: { balance: s._.inc(-30) } }));
    await settled(tc.doc('b').update({ data: { balance: s._.inc(30) } }));
    await settled(tc.add({ data: { _id: 'log1', from: 'a', to: 'b', amount: 30 } }));
    await settled(tc.doc('c').set({ data: { balance: 1 } }));
    // Inside, the transaction reads its own writes.
    expect(await getDoc(tc.doc('a'))).toEqual({ _id: 'a', balance: 70 });
    expect(await getDoc(tc.doc('log1'))).toMatchObject({ amount: 30 });
    // Outside, nothing has happened yet.
    expect(await balances(coll)).toEqual({ a: 100, b: 50 });
    await t.commit();
    expect(await balances(coll)).toEqual({ a: 70, b: 80, c: 1, log1: undefined });
    expect(await getDoc(coll.doc('log1'))).toEqual({ _id: 'log1', from: 'a', to: 'b', amount: 30 });
  });

  test('rollback leaves nothing behind', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const tc = t.collection(coll.collectionName);
    await settled(tc.doc('a').update({ data: { balance: 0 } }));
    await settled(tc.doc('b').remove());
    await settled(tc.add({ data: { _id: 'ghost' } }));
    await t.rollback();
    expect(await balances(coll)).toEqual({ a: 100, b: 50 });
    expect(await count(coll)).toBe(2);
    // The transaction is over: using it again fails and still changes nothing.
    expect((await failure(tc.doc('a').update({ data: { balance: 1 } }))).errCode).toBeLessThan(0);
    expect(await balances(coll)).toEqual({ a: 100, b: 50 });
  });

  test('a removal inside a transaction shows inside, and outside only after commit', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const tc = t.collection(coll.collectionName);
    await settled(tc.doc('b').remove());
    expect((await failure(tc.doc('b').get())).errMsg).toMatch(/does not exist/);
    expect(await getDoc(coll.doc('b'))).toEqual({ _id: 'b', balance: 50 });
    await t.commit();
    expect((await failure(coll.doc('b').get())).errMsg).toMatch(/does not exist/);
  });

  test("inside a transaction only single-document operations are served: a where().get() is refused in the docs' words", async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const tc = t.collection(coll.collectionName);
    await settled(tc.doc('a').update({ data: { balance: 5 } }));
    const err = await failure(tc.where({ balance: s._.gt(10) }).get());
    expect(err.errCode).toBeLessThan(0);
    expect(err.errMsg).toContain('事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）');
    // The refusal changed nothing; the transaction's own document write still commits.
    await t.commit();
    expect(await balances(coll)).toEqual({ a: 5, b: 50 });
  });

  test('where().update(), remove() and count() on a transaction carry no transaction id (the SDK drops it): they run outside it, and a rollback does not undo them', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const tc = t.collection(coll.collectionName);
    await settled(tc.doc('a').update({ data: { balance: 5 } }));
    // Outside the transaction: it sees the committed 'b' only, and its write stays after the rollback.
    await settled(tc.where({ _id: 'b' }).update({ data: { flagged: true } }));
    expect(await count(tc.where({ balance: s._.lt(10) }))).toBe(0);
    await t.rollback();
    expect(await getDoc(coll.doc('b'))).toEqual({ _id: 'b', balance: 50, flagged: true });
    expect(await getDoc(coll.doc('a'))).toEqual({ _id: 'a', balance: 100 });
  });
});

describe('runTransaction', () => {
  test('commits and resolves with what the callback returns', async () => {
    const coll = await accounts();
    const result = await runTransactionOn(coll, async (tc) => {
      const a = await getDoc(tc.doc('a'));
      await settled(tc.doc('a').update({ data: { balance: s._.inc(-10) } }));
      await settled(tc.doc('b').update({ data: { balance: s._.inc(10) } }));
      return { before: a.balance };
    });
    expect(result).toEqual({ before: 100 });
    expect(await balances(coll)).toEqual({ a: 90, b: 60 });
  });

  test('t.rollback(reason) rejects with the reason and leaves nothing', async () => {
    const coll = await accounts();
    const outcome = await runTransactionOn(coll, async (tc, t) => {
      await settled(tc.doc('a').update({ data: { balance: s._.inc(-1000) } }));
      await settled(tc.add({ data: { _id: 'order', n: 1 } }));
      const a = await getDoc(tc.doc('a'));
      if (typeof a.balance === 'number' && a.balance < 0) await t.rollback('insufficient');
      return 'committed';
    }).then(
      (v) => ({ resolved: v }),
      (e: unknown) => ({ rejected: e }),
    );
    expect(outcome).toEqual({ rejected: 'insufficient' });
    expect(await balances(coll)).toEqual({ a: 100, b: 50 });
  });

  test('a thrown error rejects and leaves nothing', async () => {
    const coll = await accounts();
    const err = await runTransactionOn(coll, async (tc) => {
      await settled(tc.doc('a').update({ data: { balance: 0 } }));
      await settled(tc.doc('b').remove());
      await settled(tc.add({ data: { _id: 'half' } }));
      throw new Error('boom in the middle');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err instanceof Error ? err.message : '').toBe('boom in the middle');
    expect(await balances(coll)).toEqual({ a: 100, b: 50 });
  });

  test('an error from the database inside the transaction rejects and leaves nothing', async () => {
    const coll = await accounts();
    const err = await runTransactionOn(coll, async (tc) => {
      await settled(tc.doc('a').update({ data: { balance: 1 } }));
      await settled(tc.add({ data: { _id: 'b' } })); // duplicate _id
      return 'unreachable';
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ errCode: -502001 });
    expect(await balances(coll)).toEqual({ a: 100, b: 50 });
  });
});

describe('isolation', () => {
  test('other readers see no uncommitted write: get, where, count, aggregate', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const tc = t.collection(coll.collectionName);
    await settled(tc.doc('a').update({ data: { balance: 1, flagged: true } }));
    await settled(tc.add({ data: { _id: 'new', balance: 7, flagged: true } }));
    expect(await getDoc(coll.doc('a'))).toEqual({ _id: 'a', balance: 100 });
    expect(await getAll(coll.where({ flagged: true }))).toEqual([]);
    expect(await count(coll)).toBe(2);
    expect(await aggregate(coll.aggregate().match({ flagged: true }))).toEqual([]);
    const [sum] = await aggregate(coll.aggregate().group({ _id: null, total: s._.aggregate.sum('$balance') }));
    expect(sum?.total).toBe(150);
    await t.commit();
    expect(await count(coll.where({ flagged: true }))).toBe(2);
  });

  test('an outside write to a document the transaction wrote waits for it, then applies on top', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    await settled(inTxn(t, coll, 'a').update({ data: { balance: s._.inc(-40) } }));
    let done = false;
    const outside = settled(coll.doc('a').update({ data: { balance: s._.inc(5) } })).then((r) => {
      done = true;
      return r;
    });
    await sleep(150);
    expect(done).toBe(false);
    await t.commit();
    expect((await outside).stats.updated).toBe(1);
    expect(await getDoc(coll.doc('a'))).toEqual({ _id: 'a', balance: 65 });
  });

  test('an outside write waiting on a transaction that rolls back applies to the old value', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    await settled(inTxn(t, coll, 'b').update({ data: { balance: 0 } }));
    const outside = settled(coll.doc('b').update({ data: { balance: s._.inc(1) } }));
    await sleep(50);
    await t.rollback();
    await outside;
    expect(await getDoc(coll.doc('b'))).toEqual({ _id: 'b', balance: 51 });
  });

  test('an outside insert of an _id a transaction inserted is refused once it commits', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    await settled(t.collection(coll.collectionName).add({ data: { _id: 'same', by: 'transaction' } }));
    const outside = failure(coll.add({ data: { _id: 'same', by: 'outside' } }));
    await sleep(50);
    await t.commit();
    expect((await outside).errCode).toBe(-502001);
    expect(await getDoc(coll.doc('same'))).toEqual({ _id: 'same', by: 'transaction' });
  });
});

describe('conflicts', () => {
  test('two transactions writing one document: the second fails, the first commits', async () => {
    const coll = await accounts();
    const t1 = await startTransaction(s.db);
    const t2 = await startTransaction(s.db);
    await settled(inTxn(t1, coll, 'a').update({ data: { balance: s._.inc(-10) } }));
    const err = await failure(inTxn(t2, coll, 'a').update({ data: { balance: s._.inc(-20) } }));
    expect(err.errMsg).toMatch(/conflict/i);
    await t2.rollback();
    await t1.commit();
    expect(await balances(coll)).toEqual({ a: 90, b: 50 });
  });

  test('a transaction writing what changed since it began fails', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    const seen = await getDoc(t.collection(coll.collectionName).doc('a'));
    expect(seen.balance).toBe(100);
    await settled(coll.doc('a').update({ data: { balance: 10 } }));
    const err = await failure(inTxn(t, coll, 'a').update({ data: { balance: 100 - 30 } }));
    expect(err.errMsg).toMatch(/conflict/i);
    await t.rollback();
    expect(await balances(coll)).toEqual({ a: 10, b: 50 });
  });

  test('a write computed from a stale read conflicts even when it equals the newer value', async () => {
    const coll = await s.collection('stale', [{ _id: 'item', stock: 10 }]);
    const t1 = await startTransaction(s.db);
    const t2 = await startTransaction(s.db);
    const seen1 = await getDoc(t1.collection(coll.collectionName).doc('item'));
    const seen2 = await getDoc(t2.collection(coll.collectionName).doc('item'));
    await settled(inTxn(t1, coll, 'item').update({ data: { stock: Number(seen1.stock) - 1 } }));
    await t1.commit();
    // t2 also read 10 and writes 9: the stored value is 9 already, yet t2 sold a unit it never had.
    const err = await failure(inTxn(t2, coll, 'item').update({ data: { stock: Number(seen2.stock) - 1 } }));
    expect(err.errMsg).toMatch(/conflict/i);
    await t2.rollback();
    expect(await getDoc(coll.doc('item'))).toEqual({ _id: 'item', stock: 9 });
  });

  test('an outside upsert of an _id a transaction created waits for it', async () => {
    const coll = await accounts();
    const t = await startTransaction(s.db);
    await settled(inTxn(t, coll, 'fresh').set({ data: { by: 'transaction' } }));
    const outside = settled(coll.doc('fresh').set({ data: { by: 'outside' } }));
    await sleep(50);
    await t.commit();
    const res = await outside;
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect(await getDoc(coll.doc('fresh'))).toEqual({ _id: 'fresh', by: 'outside' });
  });

  test('two transactions inserting one _id: only one succeeds', async () => {
    const coll = await accounts();
    const t1 = await startTransaction(s.db);
    const t2 = await startTransaction(s.db);
    await settled(t1.collection(coll.collectionName).add({ data: { _id: 'x', by: 1 } }));
    const err = await failure(t2.collection(coll.collectionName).add({ data: { _id: 'x', by: 2 } }));
    expect(err.errCode).toBeLessThan(0);
    await t2.rollback();
    await t1.commit();
    expect(await getDoc(coll.doc('x'))).toEqual({ _id: 'x', by: 1 });
  });

  test('transactions on different documents do not conflict', async () => {
    const coll = await accounts();
    const t1 = await startTransaction(s.db);
    const t2 = await startTransaction(s.db);
    await settled(inTxn(t1, coll, 'a').update({ data: { balance: 1 } }));
    await settled(inTxn(t2, coll, 'b').update({ data: { balance: 2 } }));
    await t2.commit();
    await t1.commit();
    expect(await balances(coll)).toEqual({ a: 1, b: 2 });
  });
});

test('many runTransaction transfers at once keep the total', async () => {
  const coll = await s.collection(
    'bank',
    Array.from({ length: 5 }, (_, i): Doc => ({ _id: `acct${i}`, balance: 100 })),
  );
  let committed = 0;
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const from = `acct${i % 5}`;
      const to = `acct${(i + 2) % 5}`;
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await runTransactionOn(coll, async (tc) => {
            await settled(tc.doc(from).update({ data: { balance: s._.inc(-7) } }));
            await settled(tc.doc(to).update({ data: { balance: s._.inc(7) } }));
          });
          committed++;
          return;
        } catch (e) {
          if (!/conflict/i.test(String(e instanceof Error ? e.message : e))) throw e;
          await sleep(5 + Math.random() * 20);
        }
      }
      throw new Error('gave up after 50 conflicts');
    }),
  );
  expect(committed).toBe(20);
  const all = await getAll(coll);
  expect(all.reduce((sum, d) => sum + (typeof d.balance === 'number' ? d.balance : NaN), 0)).toBe(500);
});
